import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { assertCacheInvisible, check, flagged } from '../helpers.js';

const rule = 'repeated-text';

test('flags a restated headline, not its first occurrence, pointing at the first', () => {
  const text = 'Harbor Council Votes To Close The Old Ferry Pier\n\nThe council voted on Tuesday.\n\nHarbor Council Votes To Close The Old Ferry Pier\n\nResidents objected.';
  const [f, ...rest] = check(text, { rule });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(text.slice(f.offset, f.offset + f.length), 'Harbor Council Votes To Close The Old Ferry Pier');
  assert.ok(f.offset > 10);
  assert.equal(f.category, 'boilerplate');
  assert.deepEqual(f.related?.map((r) => [r.offset, r.length]), [[0, 'Harbor Council Votes To Close The Old Ferry Pier'.length]]);
});

test('flags repeats of various lengths as one maximal span each, ignoring case, punctuation and inflection', () => {
  const six = 'The ferry schedule will change soon. Riders asked why. Officials said on Friday that the ferry schedule will change soon, after weeks of complaints from riders.';
  assert.deepEqual(flagged(six, { rule }), ['the ferry schedule will change soon']);
  const long = 'Crews repaired the northern breakwater after the winter storms damaged it badly. In a separate memo to the board, engineers noted that crews repair the Northern Breakwater after the winter storm damaged it badly, and asked for money for the next season.';
  assert.deepEqual(flagged(long, { rule }), ['crews repair the Northern Breakwater after the winter storm damaged it badly']);
});

test('overlapping repeated shingles merge into a single finding', () => {
  const text = 'One two three four five six seven eight nine ten. Filler words sit here now. one two three four five six seven eight nine ten';
  const found = flagged(text, { rule });
  assert.equal(found.length, 1);
  assert.equal(found[0], 'one two three four five six seven eight nine ten');
});

test('a repeated phrase shorter than six words is not flagged', () => {
  assert.deepEqual(flagged('At the end of June the pier closed. At the end of July it reopened.', { rule }), []);
  assert.deepEqual(flagged('The mayor said no. The mayor said no again, firmly.', { rule }), []);
});

test('a run of only function words is not flagged', () => {
  assert.deepEqual(flagged('It is one of the ways we and it is one of the rules of it.', { rule }), []);
});

test('near-duplicate sentences are flagged whole', () => {
  const text =
    'The water authority raised rates for the third year in a row on Monday.\n\nSeparately, farmers protested.\n\nOn Monday the water authority raised its rates for the third year in a row.';
  const found = check(text, { rule });
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]!.offset, found[0]!.offset + found[0]!.length), 'On Monday the water authority raised its rates for the third year in a row.');
});

test('a repeat framed by a few extra words takes the whole heading', () => {
  const text = 'City Library Plans A Night Reading Room For Students\n\nThe plan was approved.\n\nQuick Facts: City Library Plans A Night Reading Room For Students Explained\n\nIt opens in May.';
  assert.deepEqual(flagged(text, { rule }), ['Quick Facts: City Library Plans A Night Reading Room For Students Explained']);
});

test('a quotation repeated once as a pull-quote is reported at information level without a preferred fix', () => {
  const text =
    'The chief said, “We will rebuild every house on this street before winter comes,” at the meeting.\n\n“We will rebuild every house on this street before winter comes.”\n\nThe work starts soon.';
  const [f] = check(text, { rule });
  assert.ok(f);
  assert.equal(f.severity, 'info');
  assert.equal(f.data?.pullQuote, true);
  assert.ok(!f.fixes.some((x) => x.preferred));
});

test('allowed house text is not flagged', () => {
  const text = 'This story was produced with support from the river fund.\n\nBody text here.\n\nThis story was produced with support from the river fund.';
  assert.equal(flagged(text, { rule }).length, 1);
  assert.deepEqual(flagged(text, { rule, config: { allowBoilerplate: ['This story was produced with support from the river fund'] } }), []);
});

test('the preferred fix deletes a repeated paragraph with clean spacing, and the finding goes away', () => {
  const text = 'Harbor Council Votes To Close The Old Ferry Pier\n\nThe council voted on Tuesday.\n\nHarbor Council Votes To Close The Old Ferry Pier\n\nResidents objected.\n';
  const [f] = check(text, { rule });
  const fix = f!.fixes.find((x) => x.preferred);
  assert.ok(fix);
  const fixed = applyEdits(text, fix.edits);
  assert.equal(fixed, 'Harbor Council Votes To Close The Old Ferry Pier\n\nThe council voted on Tuesday.\n\nResidents objected.\n');
  assert.deepEqual(flagged(fixed, { rule }), []);
});

test('a repeated Markdown heading is deleted with its markers', () => {
  const text = '# Harbor Council Votes To Close The Old Ferry Pier\n\nText of the story.\n\n## Harbor Council Votes To Close The Old Ferry Pier\n\nMore text.\n';
  const [f] = check(text, { rule, languageId: 'markdown' });
  const fix = f!.fixes.find((x) => x.preferred)!;
  assert.equal(applyEdits(text, fix.edits), '# Harbor Council Votes To Close The Old Ferry Pier\n\nText of the story.\n\nMore text.\n');
});

test('a phrase repeated inside a longer sentence gets a fix that is not preferred', () => {
  const text = 'Staff debated over whether to release more powerful open models. Managers argued over whether to release more powerful open models at length.';
  const [f] = check(text, { rule });
  assert.ok(f);
  assert.equal(text.slice(f.offset, f.offset + f.length), 'over whether to release more powerful open models');
  assert.ok(f.fixes.length === 1 && !f.fixes[0]!.preferred);
});

test('time per word stays flat as the draft grows (linear)', () => {
  const para = (i: number) => `Paragraph ${i} tells of harbor ${i % 97} and crew ${i % 89} with boat ${i % 83} and dock ${i}.\n\n`;
  const make = (n: number) => Array.from({ length: n }, (_, i) => para(i)).join('');
  const time = (text: string) => {
    const t0 = performance.now();
    check(text, { rule });
    return performance.now() - t0;
  };
  time(make(200));
  const small = time(make(1000)) / 1000;
  const big = time(make(8000)) / 8000;
  assert.ok(big < small * 4, `per-paragraph time grew from ${small} to ${big}`);
});

test('re-analysis after edits (memoised blocks) gives the same findings as a fresh analysis', () => {
  const head = 'Harbor Council Votes To Close The Old Ferry Pier';
  const near = 'The water authority raised rates for the third year in a row on Monday.';
  const nearAgain = 'On Monday the water authority raised its rates for the third year in a row.';
  const pull = '“We will rebuild every house on this street before winter comes,” the chief said.';
  const drafts = [
    `${head}\n\n${near} Farmers protested outside.\n\n${pull}\n\nSeparately, the ferry crews met.\n\n${head}\n\n${nearAgain}\n\n“We will rebuild every house on this street before winter comes.”`,
    // Text inserted above: every later block moves, the memoised facts must follow.
    `A new line on top of the draft.\n\n${head}\n\n${near} Farmers protested outside.\n\n${pull}\n\nSeparately, the ferry crews met.\n\n${head}\n\n${nearAgain}\n\n“We will rebuild every house on this street before winter comes.”`,
    // The first occurrence edited away: the former repeat becomes the first.
    `A new line on top of the draft.\n\nHarbor Council Delays The Vote\n\n${near} Farmers protested outside.\n\n${pull}\n\nSeparately, the ferry crews met.\n\n${head}\n\n${nearAgain}`,
    // A paragraph repeated three times, one of them inside a longer paragraph.
    `${near}\n\n${head}\n\nIn other news: ${head.toLowerCase()} again, said the clerk.\n\n${head}\n\n${near}`,
  ];
  assertCacheInvisible(rule, drafts);
});
