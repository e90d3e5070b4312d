/**
 * fast-check generators for article drafts. They mix prose that the checks care about (hedges,
 * attributions, quotations of every style, repeated sentences) with everything a real draft or a
 * careless paste contains: Markdown syntax, code, HTML, front matter, links, CRLF/LF/CR line ends,
 * a BOM, tabs, emoji and other astral characters, combining marks, zero-width and bidi controls,
 * very long lines, and empty files. All sentences here are written for these tests.
 */
import fc from 'fast-check';
import type { LanguageId } from '../../server/src/core/index.js';

/** Words that trip the hedge checks, in several casings and contexts. */
const HEDGES = [
  'reportedly', 'Reportedly', 'allegedly', 'apparently', 'Apparently,', 'possibly', 'perhaps', 'Perhaps',
  'may', 'May', 'might', 'could', 'likely', 'probably', 'seems', 'appears', 'seemingly', 'arguably',
  'some say', 'critics say', 'experts believe', 'it is thought', 'many people', 'sources said',
  'is said to', 'supposedly', 'presumably', 'virtually', 'somewhat', 'fairly', 'very', 'clearly',
];
const WORDS = [
  'the', 'council', 'voted', 'to', 'close', 'a', 'library', 'on', 'Tuesday', 'budget', 'bridge',
  'mayor', 'river', 'ferry', 'workers', 'in', 'of', 'and', 'said', 'says', 'told', 'reporters',
  'spokeswoman', 'Dana', 'Okafor', 'Ms.', 'Mr.', 'Dr.', 'U.S.', 'officials', 'planned', 'repairs',
  'would', 'cost', '$4.2', 'million', '12%', 'in', 'May', '2024', 'could', 'not', 'swim', 'when',
  'was', 'young', 'you', 'may', 'apply', 'by', 'e-mail', 'don’t', 'it’s', 'the ’90s', "can't",
  'café', 'naïve', 'São', 'Paulo', 'Zürich', 'résumé', 'co-op', 'well-known', '—', '–', '…', '(', ')',
];
/** Characters that break naive offset arithmetic: astral, combining, zero-width, bidi, controls. */
const ODD = [
  '😀', '👩‍👩‍👧', '🇺🇦', '𝒜𝒷𝒸', '𠜎', 'e\u0301', 'a\u0308\u0304', '\u200B', '\u200C', '\u200D', '\u2060',
  '\uFEFF', '\u202E', '\u202C', '\u200F', '\u061C', 'שלום', 'مرحبا', '\t', '\u00A0', '\u2028', '\u2029',
  '\u000B', '\f', '\u0085', '\u3000', '日本語', '한국어', 'Ǆ', 'ﬁ', 'İ', 'ß', '\uD83D', '\uDE00', '\u0000',
];
const OPEN_CLOSE: [string, string][] = [
  ['"', '"'], ['“', '”'], ["'", "'"], ['‘', '’'], ['«', '»'], ['« ', ' »'], ['„', '“'], ['‚', '‘'],
  ['‹', '›'], ['「', '」'], ['"', ''], ['“', ''], ['', '”'], ['‘', ''],
];

const token = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...HEDGES) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
);
const spaceArb = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\t', ', ', ' — ', '\u00A0', '');
const endArb = fc.constantFrom('.', '.', '.', '?', '!', '…', '', '.”', '."', ':', ';', '...');

/** One sentence of tokens, maybe wrapped around a quotation. */
export const sentenceArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(token, spaceArb), { minLength: 1, maxLength: 14 }), endArb)
  .map(([parts, end]) => parts.map(([t, s]) => t + s).join('').trimEnd() + end);

const quotationArb = fc
  .tuple(fc.constantFrom(...OPEN_CLOSE), sentenceArb, fc.constantFrom('', ' she said.', ', he said.', ' said Ms. Okafor.', ' according to the report.', ' —'), fc.boolean())
  .map(([[o, c], s, attribution, lead]) => (lead ? 'The mayor said, ' : '') + o + s + c + attribution);

/** A paragraph: a few sentences and quotations; occasionally hard-wrapped or one very long line. */
export function paragraphArb(eol: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: sentenceArb }, { weight: 1, arbitrary: quotationArb }), { minLength: 1, maxLength: 5 }).map((s) => s.join(' ')) },
    { weight: 1, arbitrary: fc.array(sentenceArb, { minLength: 2, maxLength: 5 }).map((s) => s.join(eol)) },
    { weight: 1, arbitrary: fc.tuple(sentenceArb, fc.integer({ min: 50, max: 400 })).map(([s, n]) => (s + ' ').repeat(n).trimEnd()) },
  );
}

const inlineMd = fc.constantFrom(
  '*emphasis may help*', '**strongly likely**', '_reportedly_', '`might()`', '`` code ` tick ``', '[the report](https://example.org/a?b=c)',
  '[link text][ref]', '<https://example.com/maybe>', 'https://example.net/path_(x)', 'www.example.org', 'dana@example.com',
  '![a photo](img.png "may be")', '<span class="x">possibly</span>', '<br>', '~~struck~~', '[^1]', '\\*escaped\\*', '&amp;', '&#x1F600;',
  '<!-- apparently a comment -->', '  ', '\\',
);

/** A Markdown block of any kind, with `eol` line ends. */
function markdownBlockArb(eol: string): fc.Arbitrary<string> {
  const para = paragraphArb(eol);
  const richPara = fc
    .array(fc.oneof({ weight: 3, arbitrary: sentenceArb }, { weight: 2, arbitrary: inlineMd }, { weight: 1, arbitrary: quotationArb }), { minLength: 1, maxLength: 8 })
    .map((p) => p.join(' '));
  const lines = (ls: string[]) => ls.join(eol);
  return fc.oneof(
    { weight: 6, arbitrary: para },
    { weight: 4, arbitrary: richPara },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sentenceArb).map(([n, s]) => '#'.repeat(n) + ' ' + s) },
    { weight: 1, arbitrary: fc.tuple(sentenceArb, fc.constantFrom('===', '---')).map(([s, u]) => lines([s, u])) },
    { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ', '  - '), richPara), { minLength: 1, maxLength: 4 }).map((items) => lines(items.map(([m, t]) => m + t))) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('> ', '>', '> > ', '>\t'), fc.array(sentenceArb, { minLength: 1, maxLength: 3 })).map(([m, ss]) => lines(ss.map((s) => m + s))) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```js', '````'), fc.array(sentenceArb, { maxLength: 3 }), fc.boolean()).map(([f, ss, closed]) => lines([f, ...ss, ...(closed ? [f.replace(/[a-z]+$/, '')] : [])])) },
    { weight: 1, arbitrary: fc.array(sentenceArb, { minLength: 1, maxLength: 3 }).map((ss) => lines(ss.map((s) => '    ' + s))) },
    { weight: 1, arbitrary: fc.array(sentenceArb, { minLength: 1, maxLength: 2 }).map((ss) => lines(['<div class="note">', ...ss, '</div>'])) },
    { weight: 1, arbitrary: fc.tuple(sentenceArb, sentenceArb).map(([a, b]) => lines(['| Claim | Status |', '| --- | :-: |', `| ${a} | ${b} |`, '| x |'])) },
    { weight: 1, arbitrary: fc.constantFrom('---', '***', '<!-- note: it may rain -->', '[ref]: https://example.org "Maybe"', '[^1]: Perhaps a footnote.', '<details><summary>May</summary>', '$$', '\\') },
  );
}

const frontMatterArb = (eol: string) =>
  fc.oneof(
    fc.constant(['---', 'title: "It may rain"', 'tags: [weather, likely]', '---'].join(eol)),
    fc.constant(['+++', 'title = "Reportedly"', '+++'].join(eol)),
    fc.constant(['---', 'title: unterminated front matter, perhaps'].join(eol)),
  );

export interface Draft {
  text: string;
  languageId: LanguageId;
}

const eolArb = fc.constantFrom('\n', '\n', '\r\n', '\r');

/** A whole draft, Markdown or plain text. */
export const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  { weight: 12, arbitrary: structuredDraft() },
  { weight: 1, arbitrary: fc.record({ text: fc.constantFrom('', '\n', '\r\n', '\uFEFF', ' ', '\t\n\t', '\n\n\n', '>', '#', '```'), languageId: languageArb() }) },
  { weight: 1, arbitrary: fc.record({ text: fc.string({ unit: 'binary', maxLength: 200 }), languageId: languageArb() }) },
  { weight: 1, arbitrary: fc.record({ text: fc.string({ unit: fc.constantFrom(...ODD, ' ', '\n', '"', '“', '”', '’', 'may', '.'), maxLength: 80 }), languageId: languageArb() }) },
);

function languageArb(): fc.Arbitrary<LanguageId> {
  return fc.constantFrom<LanguageId>('markdown', 'plaintext');
}

function structuredDraft(): fc.Arbitrary<Draft> {
  return fc.tuple(eolArb, languageArb(), fc.boolean(), fc.boolean(), fc.boolean()).chain(([eol, languageId, bom, front, trailing]) =>
    fc
      .tuple(
        front && languageId === 'markdown' ? frontMatterArb(eol) : fc.constant(''),
        fc.array(languageId === 'markdown' ? markdownBlockArb(eol) : paragraphArb(eol), { maxLength: 8 }),
        fc.constantFrom(eol + eol, eol + eol, eol + ' ' + eol, eol + eol + eol, eol + '\t' + eol),
        // A block repeated verbatim, so the repetition checks have something to find.
        fc.option(fc.nat(), { nil: undefined }),
      )
      .map(([fm, blocks, sep, repeat]) => {
        const all = [...blocks];
        if (repeat !== undefined && blocks.length) all.push(blocks[repeat % blocks.length]!);
        let text = (fm ? fm + eol + eol : '') + all.join(sep) + (trailing ? eol : '');
        if (bom) text = '\uFEFF' + text;
        return { text, languageId };
      }),
  );
}

/** An edit as an editor sends it: a range of the old text replaced by typed or pasted text. */
export interface Edit {
  /** Fractions of the text length, so an edit fits any draft. */
  at: number;
  span: number;
  insert: string;
}

export const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
  insert: fc.oneof(
    fc.constantFrom('', ' ', 'a', 'may ', 'reportedly ', '\n', '\r\n', '\n\n', '"', '“', '”', '😀', '`', '```\n', '# ', '> ', '- ', '.', ' said Ms. Okafor.'),
    sentenceArb,
  ),
});

/** Applies `edit` to `text` (offsets clamped to the text, not moved off surrogate pairs on purpose). */
export function applyEdit(text: string, edit: Edit): string {
  const at = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  const end = Math.min(text.length, at + edit.span);
  return text.slice(0, at) + edit.insert + text.slice(end);
}
