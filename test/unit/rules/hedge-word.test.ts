import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { check, flagged } from '../helpers.js';

const rule = 'hedge-word';

test('flags speculative adverbs and modals in the writer’s own sentences', () => {
  assert.deepEqual(flagged('The mayor is reportedly planning a recount.', { rule }), ['reportedly']);
  assert.deepEqual(flagged('The bridge may close next year.', { rule }), ['may']);
  assert.deepEqual(flagged('The vote could slip to spring.', { rule }), ['could']);
  assert.deepEqual(flagged('The council appears divided.', { rule }), ['appears']);
});

test('does not flag a modal inside a direct quotation', () => {
  assert.deepEqual(flagged('“We may close the bridge,” the mayor said.', { rule }), []);
  assert.deepEqual(flagged('She said "it might rain" and left.', { rule }), []);
});

test('does not flag May the month', () => {
  assert.deepEqual(flagged('The council met in May to vote.', { rule }), []);
  assert.deepEqual(flagged('May 4 is the deadline.', { rule }), []);
});

test('does not flag permission or past ability', () => {
  assert.deepEqual(flagged('Residents say you may apply online.', { rule }), []);
  assert.deepEqual(flagged('As a child she could swim across the lake.', { rule }), []);
  assert.deepEqual(flagged('He could not attend the hearing.', { rule }), []);
});

test('does not flag "may" of legal permission', () => {
  assert.deepEqual(flagged('Only licensed vendors may legally sell fireworks.', { rule }), []);
  assert.deepEqual(flagged('The recordings may be freely copied.', { rule }), []);
  assert.deepEqual(flagged('The recordings may be lost.', { rule }), ['may']);
});

test('does not flag a word the team allowed', () => {
  assert.deepEqual(flagged('The vote could slip.', { rule, config: { allowWords: ['Could'] } }), []);
});

test('does not flag words in Markdown code, URLs or front matter', () => {
  const md = '---\ntitle: may\n---\n\nSee `reportedly` and https://example.com/may here.\n\n```\nit may fail\n```\n';
  assert.deepEqual(flagged(md, { rule, languageId: 'markdown' }), []);
});

test('the preferred fix removes the adverb and repairs spacing, commas and capitals', () => {
  const cases: [string, string][] = [
    ['The mayor is reportedly planning a recount.', 'The mayor is planning a recount.'],
    ['Reportedly, the firm cut jobs.', 'The firm cut jobs.'],
    ['The firm is, reportedly, cutting jobs.', 'The firm is cutting jobs.'],
    ['The firm cut jobs, reportedly.', 'The firm cut jobs.'],
  ];
  for (const [input, expected] of cases) {
    const [f] = check(input, { rule });
    assert.ok(f, input);
    const fix = f.fixes.find((x) => x.preferred);
    assert.ok(fix, input);
    assert.equal(applyEdits(input, fix.edits), expected);
  }
});

test('does not flag "may" stating what happens in general or what is allowed', () => {
  assert.deepEqual(flagged('Symptoms of the fever may include headaches and chills.', { rule }), []);
  assert.deepEqual(flagged('Ticket holders may also choose a later date.', { rule }), []);
  assert.deepEqual(flagged('The soup may be served cold in summer.', { rule }), []);
  assert.deepEqual(flagged('Prices may vary by region.', { rule }), []);
});

test('still flags "may" guessing at a specific outcome, even with the same verbs nearby', () => {
  assert.deepEqual(flagged('The mayor may be replaced before the vote.', { rule }), ['may']);
  assert.deepEqual(flagged('The plant may close next spring.', { rule }), ['may']);
  assert.deepEqual(flagged('The firm may have misled investors.', { rule }), ['may']);
});
