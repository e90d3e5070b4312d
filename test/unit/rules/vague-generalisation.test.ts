import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { check, flagged } from '../helpers.js';

const rule = 'vague-generalisation';

test('flags a vague quantifier generalising about a group, as subject, object or after a preposition', () => {
  assert.deepEqual(flagged('Many commuters avoid the bridge at night.', { rule }), ['Many commuters']);
  assert.deepEqual(flagged('The festival draws complaints from some neighbours every year.', { rule }), ['some neighbours']);
  assert.deepEqual(flagged('In some districts the bins are emptied twice a week.', { rule }), ['some districts']);
  assert.deepEqual(flagged('Certain teachers ignore the new timetable.', { rule }), ['Certain teachers']);
  assert.deepEqual(flagged('Several reports linked the outage to the storm.', { rule }), ['Several reports']);
});

test('flags a quantifier standing alone as the subject', () => {
  assert.deepEqual(flagged('Some have called the ferry a lifeline.', { rule }), ['Some']);
});

test('flags consensus claimed with no one holding it', () => {
  // "is widely regarded as" is an agentless passive: weasel-attribution reports it, once.
  assert.deepEqual(flagged('The bridge is widely regarded as the finest in the county.'), ['is widely regarded as']);
  assert.deepEqual(flagged('The mill, generally considered the oldest in town, closed in 1990.', { rule }), ['generally considered']);
  assert.deepEqual(flagged('The recipe is commonly credited to a baker from Leeds.', { rule }), ['commonly credited']);
});

test('does not flag a past tense with a subject that does the judging', () => {
  assert.deepEqual(flagged('The inspectors generally praised the new kitchen.', { rule }), []);
});

test('does not flag counts, measures and degree constructions', () => {
  assert.deepEqual(flagged('The flood forced some 200 residents from their homes.', { rule }), []);
  assert.deepEqual(flagged('The strike idled many of the 40 buses on the route.', { rule }), []);
  assert.deepEqual(flagged('Most of the budget went on roads.', { rule }), []);
  assert.deepEqual(flagged('The repairs took several weeks.', { rule }), []);
  assert.deepEqual(flagged('As many as 30 boats left the harbour.', { rule }), []);
  assert.deepEqual(flagged('Nobody knows how many tickets were sold.', { rule }), []);
});

test('does not flag idioms of time or type, nor "certain" meaning sure', () => {
  assert.deepEqual(flagged('At some point the road will need a new surface.', { rule }), []);
  assert.deepEqual(flagged('The board wants some form of audit.', { rule }), []);
  assert.deepEqual(flagged('The coach is certain that the match will go ahead.', { rule }), []);
  assert.deepEqual(flagged('She felt certain of the result.', { rule }), []);
});

test('does not flag a group that is named, defined or divided right after it is introduced', () => {
  assert.deepEqual(flagged('The board split, with some members backing the sale.', { rule }), []);
  assert.deepEqual(flagged('Many who bought tickets were turned away.', { rule }), []);
  assert.deepEqual(flagged('Some councillors, including Ann Reyes, voted against the budget.', { rule }), []);
});

test('leaves a sentence to the stronger hedge another rule already flags', () => {
  assert.deepEqual(flagged('Many residents may lose their parking spaces.', { rule }), []);
  assert.deepEqual(flagged('Some argue that the tram is too slow.', { rule }), []);
  assert.deepEqual(flagged('Many residents may lose their parking spaces.'), ['may']);
});

test('does not flag inside a quotation or an allowed word', () => {
  assert.deepEqual(flagged('“Many drivers hate the new lane,” the mayor said.', { rule }), []);
  assert.deepEqual(flagged('Many drivers hate the new lane.', { rule, config: { allowWords: ['many'] } }), []);
});

test('the fix asks for the number without inventing one', () => {
  const text = 'Many drivers hate the new lane.';
  const [f] = check(text, { rule });
  assert.ok(f);
  assert.equal(f.category, 'hedge');
  assert.equal(f.severity, 'info');
  assert.match(f.message, /vague generalisation/);
  const fix = f.fixes[0]!;
  assert.equal(fix.preferred, undefined);
  assert.equal(applyEdits(text, fix.edits), 'Many drivers [how many?] hate the new lane.');
  // The placeholder marks the question as asked: re-analysis does not flag it again.
  assert.deepEqual(flagged(applyEdits(text, fix.edits), { rule }), []);
});
