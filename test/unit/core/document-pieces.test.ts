/**
 * Markdown is parsed piece by piece for speed (document.ts, markdownPieces). These tests hold the
 * pieces to the whole-draft parse: for drafts built from every block construct that can span a
 * blank line (lists, quotes, fences, HTML, front matter, definitions), the blocks must be identical.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, markdownPieces, parseMarkdownBlocks, parsePieces } from '../../../server/src/core/document.js';

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
/**
 * Fixed, so `npm test` is repeatable (as test/property is); COPYDESK_PROPERTY_SEED explores others.
 * The piece memo is shared by every run of a property, so a run can be wrong because of an earlier
 * one: a failure is replayed with the seed alone, not with fast-check's `path`.
 */
const seed = Number(process.env.COPYDESK_PROPERTY_SEED ?? 20261123);

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
    { numRuns: 3000, seed },
  );
});

test('HTML that may be a paragraph\'s text, then <pre>: the rest stays whole, and no piece is remembered from the wrong context', () => {
  // A word of its own, so the memo holds none of these pieces yet.
  const w = `zh${Date.now().toString(36)}`;
  // "</pre>" inside a paragraph is its text; the "<pre>" after it interrupts the paragraph and
  // runs past the blank line to the next "</pre>", so the second "${w}" paragraph is HTML here.
  const inside = `text that ${w} continues\n</pre>\n<pre>\npreformatted\n\ntext that ${w} continues\n</pre>\n\n\nThe council may vote.\n`;
  assert.deepEqual(pieced(inside), whole(inside));
  assert.equal(pieced(inside).filter((b) => b.text.includes(w)).length, 1);
  // The same last lines after a <div> block: there "<pre>" is the div's content, and the second
  // paragraph is prose. Parsed right after the draft above, it must not get that draft's blocks.
  const after = `<div>\nan html block ends at a blank line</div>\n<pre>\npreformatted\n\ntext that ${w} continues\n</pre>\n\n\nThe council may vote.\n`;
  assert.deepEqual(pieced(after), whole(after));
  assert.equal(pieced(after).filter((b) => b.text.includes(w)).length, 1);
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

// A draft's pieces that the memo lacks are parsed together, in one remark parse (parsePieces):
// any of its pieces, in order, with any left out, must give each piece's blocks alone.
test('pieces of a draft parsed together, any left out, give the blocks of each alone', () => {
  fc.assert(
    fc.property(
      draft.chain((text) => {
        const pieces = markdownPieces(text).map((p) => text.slice(p.start, p.end));
        return fc.tuple(fc.constant(pieces), fc.array(fc.boolean(), { minLength: pieces.length, maxLength: pieces.length }));
      }),
      ([pieces, keep]) => {
        const chosen = pieces.filter((_, k) => keep[k]);
        if (chosen.length === 0) return;
        assert.deepEqual(
          parsePieces(chosen),
          chosen.map((p) => parseMarkdownBlocks(p)),
        );
      },
    ),
    { numRuns: 2000, seed },
  );
});

test('a draft whose pieces are new and repeat inside it parses as the whole draft', () => {
  // A word of its own, so no piece of this draft is in the memo yet.
  const w = `zq${Date.now().toString(36)}`;
  const list = `- ${w} first item\n- second item, ${w} again`;
  const text = `# ${w} heading\n\n${list}\n\nA *plain* ${w} paragraph.\n\n${list}\n\n> a ${w} quote\n\n${list}\n`;
  assert.ok(markdownPieces(text).length >= 6);
  assert.deepEqual(pieced(text), whole(text));
  // Again, now from the memo.
  assert.deepEqual(pieced(text), whole(text));
});

test('a long draft whose pieces all need remark parses as the whole draft (in several remark calls)', () => {
  // Every paragraph has inline syntax and a word of its own: no piece is plain prose or in the memo.
  const w = `zl${Date.now().toString(36)}`;
  const paras = Array.from({ length: 3000 }, (_, i) => (i % 50 === 0 ? `## ${w} part ${i}` : `The *${w}* plan ${i} may [slip](https://example.com/${i}), critics say.`));
  const text = paras.join('\n\n') + '\n';
  assert.ok(text.length > 2 * 65_536, 'longer than one group of pieces');
  assert.deepEqual(pieced(text), whole(text));
});

test('every block has one shape, whichever way it was made', () => {
  const shapes = new Set<string>();
  const texts: [string, 'markdown' | 'plaintext'][] = [
    ['Plain paragraph one.\n\nPlain paragraph two.', 'plaintext'],
    ['A bare prose paragraph.\n\n# Heading\n\n> quoted *text*\n\n- item\n\n| a | b |\n| - | - |\n| c | d |', 'markdown'],
    ['\ufeffBOM first.\n\nSee [it][a].\n\n[a]: https://example.com', 'markdown'],
  ];
  for (const [text, languageId] of texts) for (const b of parseDocument(text, languageId).blocks) shapes.add(Object.keys(b).join());
  assert.deepEqual([...shapes], ['kind,offset,text,quoteDepth,inList']);
});
