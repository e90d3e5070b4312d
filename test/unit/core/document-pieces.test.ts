/**
 * Markdown is parsed piece by piece for speed (document.ts, markdownPieces). These tests hold the
 * pieces to the whole-draft parse: for drafts built from every block construct that can span a
 * blank line (lists, quotes, fences, HTML, front matter, definitions), the blocks must be identical.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, markdownPieces, parseMarkdownBlocks } from '../../../server/src/core/document.js';

const whole = (text: string) => parseMarkdownBlocks(text);
const pieced = (text: string) => parseDocument(text, 'markdown').blocks;

// Fragments written for this test: each is a construct, several continue across blank lines.
const FRAGMENTS = [
  'The council may vote on the bridge plan next week.',
  'Officials said the repairs would cost\nabout $4 million, and perhaps more.',
  '# A heading that is short',
  'Setext heading here\n===================',
  '- first item of a list\n- second item, reportedly late',
  '- a loose item\n\n  with a second paragraph indented under it',
  '1. numbered item\n2. another numbered item',
  '3. a list that starts at three',
  '> A quoted paragraph that seems long.\n> And its second line.',
  '> first quote paragraph\n>\n> second quote paragraph',
  '```\ncode with a blank line\n\nstill code, may be\n```',
  '~~~~ js\nconst x = 1;\n\nx could change\n~~~~',
  '```\nunclosed fence\n\nruns to the end',
  '    indented code that might look like prose',
  '<!-- a comment\n\nthat spans a blank line -->',
  '<pre>\npreformatted\n\ntext that apparently continues\n</pre>',
  '<div>\nan html block ends at a blank line</div>',
  '| a | b |\n| - | - |\n| cell one | cell two may |',
  '---',
  '***',
  'A paragraph with *emphasis*, `code`, a [link](https://example.com) and www.example.com.',
  'See [the report][rep] for details.',
  '[rep]: https://example.com/report',
  'A note[^1] on the vote.',
  '[^1]: The footnote text, which may continue.\n\n    and continue indented.',
  'Line with two trailing spaces  \nand a hard break.',
  '\tA tab-indented line after a blank.',
  '  Two spaces before this paragraph.',
  '   ```\n   indented fence\n\nnot indented',
  // Bare prose the fast path takes, with the characters it must get exactly right.
  '2019 was the year the cables\n    corroded, officials said (reportedly).',
  '"Nobody wants this," she said. ‘Maybe’ \u00a0\nit was a x = y and a - b + c #tag line.',
  'Trailing spaces here   \n  and a continuation line indented\nthen 12 more words.',
  '2) looks like a list',
  '+ plus item',
  '(Parenthesis first) then text that seems fine.',
  'Text then\n= underline-like',
  'Text then\n- dash item',
];
const SEPARATORS = ['\n', '\n\n', '\n\n\n', '\n \n', '\r\n\r\n'];

const draft = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 12 }),
  )
  .map(([frontMatter, parts]) => (frontMatter ? '---\ntitle: x\n\nsummary: y\n---\n' : '') + parts.map(([f, s]) => f + s).join(''));

test('pieces parse to the same blocks as the whole draft', () => {
  fc.assert(
    fc.property(draft, (text) => {
      assert.deepEqual(pieced(text), whole(text));
    }),
    { numRuns: 3000 },
  );
});

test('a plain draft is split at its blank lines, fenced code and front matter stay whole', () => {
  const text = '---\na: 1\n\nb: 2\n---\nFirst paragraph.\n\nSecond.\n\n```\nx\n\ny\n```\n\nThird.\n';
  const starts = markdownPieces(text).map((p) => text.slice(p.start, p.start + 6));
  assert.deepEqual(starts, ['---\na:', 'Second', '```\nx\n', 'Third.']);
});

test('link definitions keep the draft whole (they act across paragraphs)', () => {
  const text = 'See [it][a].\n\n[a]: https://example.com\n';
  assert.equal(markdownPieces(text).length, 1);
  assert.deepEqual(pieced(text), whole(text));
});

test('an edited paragraph gives fresh blocks; the others are unchanged', () => {
  const a = 'One paragraph that may change.\n\nAnother that stays.\n';
  const b = 'One paragraph that might change.\n\nAnother that stays.\n';
  assert.deepEqual(pieced(b), whole(b));
  assert.deepEqual(pieced(a)[1], { ...pieced(b)[1]!, offset: pieced(a)[1]!.offset });
});
