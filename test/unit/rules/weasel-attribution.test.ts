import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { check, flagged } from '../helpers.js';

const rule = 'weasel-attribution';

test('flags vague subjects with a verb that reports a view', () => {
  assert.deepEqual(flagged('Some argue the tunnel is too costly.', { rule }), ['Some argue']);
  assert.deepEqual(flagged('Critics say the tunnel is too costly.', { rule }), ['Critics say']);
  assert.deepEqual(flagged('Many residents believe the mill will reopen.', { rule }), ['Many residents believe']);
  assert.deepEqual(flagged('Other analysts have pointed out that rents keep rising.', { rule }), ['Other analysts have pointed out']);
  assert.deepEqual(flagged('Supporters of the new stadium argue it brings jobs.', { rule }), ['Supporters of the new stadium argue']);
  assert.deepEqual(flagged('The mayor left early, while others defended the budget.', { rule }), ['others defended']);
  assert.deepEqual(flagged('Some may argue the port is obsolete.', { rule }), ['Some may argue']);
});

test('flags vague sources and vague evidence', () => {
  assert.deepEqual(flagged('Market watchers are following the talks closely.', { rule }), ['Market watchers']);
  assert.deepEqual(flagged('Recent studies show the river is cleaner.', { rule }), ['Recent studies show']);
  assert.deepEqual(flagged('The plan was dropped, according to people familiar with the talks.', { rule }), ['according to people familiar with the talks']);
  assert.deepEqual(flagged('According to reports, the plant will close.', { rule }), ['According to reports']);
  assert.deepEqual(flagged('The novel was dismissed by critics as slight.', { rule }), ['by critics']);
});

test('flags agentless passives and floating opinions', () => {
  assert.deepEqual(flagged('The chef is believed to be in talks with investors.', { rule }), ['is believed to']);
  assert.deepEqual(flagged('The ferry was expected to resume in June.', { rule }), ['was expected to']);
  assert.deepEqual(flagged('The delay is being read as a retreat and is being interpreted as weakness.', { rule }), ['is being interpreted as']);
  assert.deepEqual(flagged('Three routes are being discussed.', { rule }), ['are being discussed']);
  assert.deepEqual(flagged('It is widely thought that the ballot was flawed.', { rule }), ['It is widely thought']);
  assert.deepEqual(flagged('The old bridge is considered one of the finest in the county.', { rule }), ['is considered']);
  assert.deepEqual(flagged('The memo reflects growing doubts and growing concerns within the farming community.', { rule }), ['growing concerns within the farming community']);
  assert.deepEqual(flagged('No date is set, but the expectation remains that the mill will reopen.', { rule }), ['the expectation remains']);
});

test('does not flag named sources, named agents or ordinary quantities', () => {
  assert.deepEqual(flagged('According to the county clerk, turnout rose.', { rule }), []);
  assert.deepEqual(flagged('According to Statistics Canada, rents rose.', { rule }), []);
  assert.deepEqual(flagged('The cost is expected by the Treasury to double.', { rule }), []);
  assert.deepEqual(flagged('Many people lost power in the storm.', { rule }), []);
  assert.deepEqual(flagged('Some of the houses were flooded.', { rule }), []);
  assert.deepEqual(flagged('The motion was discussed in committee on Monday.', { rule }), []);
  assert.deepEqual(flagged('Her critics say little in public.', { rule }), []);
  assert.deepEqual(flagged('Her belief that the vote was rigged is unfounded.', { rule }), []);
  assert.deepEqual(flagged('Councillors may feel more pressure after the vote.', { rule }), []);
  assert.deepEqual(flagged('By some accounts, the fair drew record crowds.', { rule }), []);
});

test('does not flag inside quotations, allowed phrases or an existing placeholder', () => {
  assert.deepEqual(flagged('“Critics say we are late,” the mayor said.', { rule }), []);
  assert.deepEqual(flagged('Critics say the plan fails.', { rule, config: { allowWords: ['critics'] } }), []);
  assert.deepEqual(flagged('Critics [who?] say the plan fails.', { rule }), []);
  assert.deepEqual(flagged('The chef is believed [by whom?] to be in talks.', { rule }), []);
  const md = '---\nnote: critics say\n---\n\nRead `some argue` at https://example.com/critics-say today.\n';
  assert.deepEqual(flagged(md, { rule, languageId: 'markdown' }), []);
});

test('the placeholder fix asks for the source and is not flagged again', () => {
  const cases: [string, string][] = [
    ['Critics say the plan fails.', 'Critics [who?] say the plan fails.'],
    ['Some argue the plan fails.', 'Some [who?] argue the plan fails.'],
    ['According to reports, the plant will close.', 'According to reports [which?], the plant will close.'],
    ['The chef is believed to be in talks.', 'The chef is believed [by whom?] to be in talks.'],
  ];
  for (const [input, expected] of cases) {
    const [f] = check(input, { rule });
    assert.ok(f, input);
    const fix = f.fixes.find((x) => !x.preferred);
    assert.ok(fix, input);
    const out = applyEdits(input, fix.edits);
    assert.equal(out, expected);
    assert.deepEqual(flagged(out, { rule }), [], out);
  }
});

test('the preferred fix turns "is believed to be" into a plain statement', () => {
  const input = 'The chef is believed to be in talks with investors.';
  const [f] = check(input, { rule });
  const fix = f!.fixes.find((x) => x.preferred);
  assert.ok(fix);
  const out = applyEdits(input, fix.edits);
  assert.equal(out, 'The chef is in talks with investors.');
  assert.deepEqual(flagged(out, { rule }), []);
  // Without "to be" there is no grammatical plain form to offer.
  const [g] = check('The ferry was expected to resume in June.', { rule });
  assert.equal(g!.fixes.some((x) => x.preferred), false);
});

test('"according to" a document from a definite body names its source', () => {
  assert.deepEqual(flagged('Work starts in June, according to a statement from the county works department.', { rule: 'weasel-attribution' }), []);
  assert.deepEqual(flagged('Work starts in June, according to a report by the state auditor.', { rule: 'weasel-attribution' }), []);
  assert.deepEqual(flagged('Work starts in June, according to reports.', { rule: 'weasel-attribution' }), ['according to reports']);
});

test('messages use the right indefinite article for the kind of hedge', () => {
  const [f] = check('The cost is believed to be high.', { rule: 'weasel-attribution' });
  assert.match(f!.message, /is an agentless passive/);
});
