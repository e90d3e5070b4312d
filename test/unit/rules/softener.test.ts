import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { check, flagged } from '../helpers.js';

const rule = 'softener';

test('flags softeners that blur a degree or a claim', () => {
  assert.deepEqual(flagged('The new tram is somewhat slower.', { rule }), ['somewhat']);
  assert.deepEqual(flagged('The turnout was fairly high.', { rule }), ['fairly']);
  assert.deepEqual(flagged('Rents are relatively stable.', { rule }), ['relatively']);
  assert.deepEqual(flagged('The reform worked to some extent.', { rule }), ['to some extent']);
  assert.deepEqual(flagged('In some ways, the merger helped.', { rule }), ['In some ways']);
  assert.deepEqual(flagged('The launch was kind of a mess.', { rule }), ['kind of']);
  assert.deepEqual(flagged('The council sort of agreed.', { rule }), ['sort of']);
});

test('does not flag manner, noun or manner-phrase uses', () => {
  assert.deepEqual(flagged('Workers were treated fairly and paid on time.', { rule }), []);
  assert.deepEqual(flagged('It is a kind of tax on renters.', { rule }), []);
  assert.deepEqual(flagged('This sort of deal is rare.', { rule }), []);
  assert.deepEqual(flagged('What kind of school is it?', { rule }), []);
  assert.deepEqual(flagged('The money was spent in a way that hurt renters.', { rule }), []);
  assert.deepEqual(flagged('Prices rose to a degree that alarmed the bank.', { rule }), []);
});

test('does not flag inside quotations or allowed words', () => {
  assert.deepEqual(flagged('“It was fairly quiet,” the guard said.', { rule }), []);
  assert.deepEqual(flagged('Rents are relatively stable.', { rule, config: { allowWords: ['Relatively'] } }), []);
});

test('the preferred fix removes the softener and repairs commas and capitals', () => {
  const cases: [string, string][] = [
    ['The new tram is somewhat slower.', 'The new tram is slower.'],
    ['In some ways, the merger helped.', 'The merger helped.'],
    ['The reform is, to some extent, working.', 'The reform is working.'],
    ['The reform worked, to some extent.', 'The reform worked.'],
  ];
  for (const [input, expected] of cases) {
    const [f] = check(input, { rule });
    assert.ok(f, input);
    const fix = f.fixes.find((x) => x.preferred);
    assert.ok(fix, input);
    const out = applyEdits(input, fix.edits);
    assert.equal(out, expected);
    assert.deepEqual(flagged(out, { rule }), []);
  }
});
