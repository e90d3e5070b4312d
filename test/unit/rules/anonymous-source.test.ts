import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, flagged } from '../helpers.js';

const rule = 'anonymous-source';

test('flags quotations attributed to anonymous or vague sources', () => {
  assert.deepEqual(flagged('"The deal is dead," a source said.', { rule }), ['"The deal is dead,"']);
  assert.deepEqual(flagged('"The deal is dead," one official told the paper.', { rule }), ['"The deal is dead,"']);
  assert.deepEqual(flagged('"The numbers do not add up," critics said.', { rule }), ['"The numbers do not add up,"']);
  assert.deepEqual(flagged('"Expect a recall by spring," said people familiar with the matter.', { rule }), ['"Expect a recall by spring,"']);
  assert.deepEqual(flagged('As one insider put it, "nobody is steering this ship."', { rule }), ['"nobody is steering this ship."']);
  assert.deepEqual(flagged('Experts warn: "The levee will not hold another storm."', { rule }), ['"The levee will not hold another storm."']);
});

test('does not flag named sources, spokespeople of a named body, or terms', () => {
  assert.deepEqual(flagged('"The deal is dead," Jo Park said.', { rule }), []);
  assert.deepEqual(flagged('"We do not comment on rumours," a spokesman for Acme said.', { rule }), []);
  assert.deepEqual(flagged('Critics call it "woke".', { rule }), []);
});

test('the message says the source is anonymous and points at the vague words', () => {
  const text = '"The deal is dead," a source said.';
  const [f] = check(text, { rule });
  assert.match(f!.message, /anonymous/);
  assert.equal(text.slice(f!.related![0]!.offset, f!.related![0]!.offset + f!.related![0]!.length), 'a source');
  assert.deepEqual(f!.data, { speaker: 'a source', vague: true });
  assert.equal(f!.category, 'unsourced-quote');
});
