import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { check, flagged } from '../helpers.js';

const rule = 'unsourced-quote';

test('flags a quotation with no attribution in its sentence or the ones around it', () => {
  const text = 'The library will close in June.\nThe reading room was packed on Friday.\n“We have nowhere else to go on a winter afternoon.”\nThis shows how much the branch matters to its users.';
  assert.deepEqual(flagged(text, { rule }), ['“We have nowhere else to go on a winter afternoon.”']);
});

test('an attribution two sentences away is outside the window', () => {
  const text = 'Mayor Ana Ruiz answered questions on Monday. Most were about the budget. "We will not raise taxes this year, whatever happens." The meeting ran late.';
  assert.deepEqual(flagged(text, { rule }), ['"We will not raise taxes this year, whatever happens."']);
});

test('does not flag quotations attributed by name, pronoun or description', () => {
  assert.deepEqual(flagged('"We will not raise taxes," Ruiz said.', { rule }), []);
  assert.deepEqual(flagged('Ruiz said, "We will not raise taxes."', { rule }), []);
  assert.deepEqual(flagged('According to the Treasury, "revenue fell for a third year."', { rule }), []);
  assert.deepEqual(flagged('Ana Ruiz took office in May. "We will not raise taxes," she told reporters.', { rule }), []);
  assert.deepEqual(flagged('Acme cut 200 jobs. "The cuts were painful but necessary," the company said in a statement.', { rule }), []);
});

test('does not flag a quotation whose attribution is in the sentence before or after', () => {
  assert.deepEqual(flagged('Ruiz spoke bluntly at the hearing on Monday.\n"We will not raise taxes this year, and I will veto any bill that does."\nShe left before questions.', { rule }), []);
  assert.deepEqual(flagged('The hall was silent. "Nobody here will lose their home." Ruiz’s words drew cheers.', { rule }), []);
});

test('a multi-paragraph quotation is sourced by the cue at its end', () => {
  const text = 'The coach gathered the team.\n\n"We trained all winter for this.\n\n"We will win the cup," Coach Dana Hill said.';
  assert.deepEqual(flagged(text, { rule }), []);
});

test('a pronoun with no one named earlier does not source a quote', () => {
  const found = check('"We will win the cup this year, no matter what," she said.', { rule });
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /refers to no one/);
});

test('does not flag terms, scare quotes, titles or a block of quoted words in a list', () => {
  assert.deepEqual(flagged('The so-called "wrong side of history" line returned.', { rule }), []);
  assert.deepEqual(flagged('The show "The Long Summer of Birds" was cancelled.', { rule }), []);
  assert.deepEqual(flagged('They called the plan a "soft landing" and moved on.', { rule }), []);
});

test('does not flag a quotation attributed to a vague source (anonymous-source does)', () => {
  assert.deepEqual(flagged('"The deal is dead and everyone knows it," a source said.', { rule }), []);
});

test('each finding carries the speaker (null) for hover and outline', () => {
  const [f] = check('The room went quiet.\n"We have nowhere else to go on a winter afternoon."\nThe branch closes soon.', { rule });
  assert.deepEqual(f!.data, { speaker: null });
  assert.equal(f!.category, 'unsourced-quote');
});

test('the placeholder fix inserts an attribution to fill in, never a name, and is not preferred', () => {
  const text = 'The room went quiet.\n"We have nowhere else to go."\nThe branch closes soon.';
  const [f] = check(text, { rule });
  const fix = f!.fixes[0]!;
  assert.equal(fix.preferred, undefined);
  assert.equal(applyEdits(text, fix.edits), 'The room went quiet.\n"We have nowhere else to go," [NAME] said.\nThe branch closes soon.');
  const question = 'The room went quiet.\n"Where else can we go?"\nThe branch closes soon.';
  const [g] = check(question, { rule });
  assert.equal(applyEdits(question, g!.fixes[0]!.edits), 'The room went quiet.\n"Where else can we go?" [NAME] said.\nThe branch closes soon.');
});

test('in Markdown, marking the quotation as checked silences it', () => {
  const md = 'The room went quiet.\n\n"We have nowhere else to go on a winter afternoon."\n\nThe branch closes soon.\n';
  const [f] = check(md, { rule, languageId: 'markdown' });
  const mark = f!.fixes.find((x) => /checked/.test(x.title))!;
  const fixed = applyEdits(md, mark.edits);
  assert.match(fixed, /<!-- copydesk-disable-next-line unsourced-quote -- checked -->\n"We have/);
  assert.deepEqual(flagged(fixed, { rule, languageId: 'markdown' }), []);
});

test('flags an unattributed Markdown block quote, not one introduced by its writer', () => {
  const md = 'The budget passed.\n\n> Nobody in this town trusts the council anymore, and who can blame us?\n\nThe vote was close.\n';
  assert.deepEqual(flagged(md, { rule, languageId: 'markdown' }), ['Nobody in this town trusts the council anymore, and who can blame us?']);
  const sourced = 'Ana Ruiz wrote on Monday:\n\n> Nobody in this town trusts the council anymore, and who can blame us?\n';
  assert.deepEqual(flagged(sourced, { rule, languageId: 'markdown' }), []);
});

test('re-analysis after edits (kept per-paragraph work) finds what a fresh analysis finds', async () => {
  const { Analyzer, analyse } = await import('../../../server/src/core/index.js');
  const rules = new Set(['unsourced-quote', 'anonymous-source', 'unclosed-quote']);
  const mine = (r: { findings: { rule: string }[] }) => JSON.stringify(r.findings.filter((f) => rules.has(f.rule)));
  const drafts = [
    'The council met on Tuesday.\n\n"We cannot keep the pool open," he said.\n\nA source close to the talks said: "The money is gone."\n\n"The budget is final."',
    // A name added above makes the pronoun below resolve: the kept paragraph must be re-checked.
    'Dana Whitfield chairs the council.\n\nThe council met on Tuesday.\n\n"We cannot keep the pool open," he said.\n\nA source close to the talks said: "The money is gone."\n\n"The budget is final."',
    'Dana Whitfield chairs the council.\n\nThe council met on Tuesday.\n\n"We cannot keep the pool open," she said.\n\nA source close to the talks said: "The money is gone.\n\n"It was spent on the new library."\n\n"The budget is final."',
    'Dana Whitfield chairs the council.\n\n"We cannot keep the pool open," she said.\n\n"It was spent on the new library.\n\nThe budget is final."',
    '> "We cannot keep the pool open."\n> "It was spent on the new library."\n\nWhitfield said so twice.',
  ];
  for (const languageId of ['plaintext', 'markdown'] as const) {
    const a = new Analyzer();
    for (const text of [...drafts, ...drafts.slice().reverse()]) {
      assert.equal(mine(a.analyse(text, { languageId })), mine(analyse(text, { languageId })), text);
    }
  }
});
