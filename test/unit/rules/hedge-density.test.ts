import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers.js';

const rule = 'hedge-density';

test('one information note on a paragraph thick with hedges', () => {
  const text = 'The mill may reopen. Critics say it could fail. It is perhaps too late, and the owners are reportedly divided.';
  const found = check(text, { rule });
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f!.severity, 'info');
  assert.equal(f!.offset, 0);
  assert.equal(f!.length, text.length);
  assert.match(f!.message, /^5 hedges in 20 words/);
});

test('no note on a paragraph with few hedges or many words per hedge', () => {
  assert.deepEqual(check('The mill may reopen next spring, the owner said.', { rule }), []);
  const long = `The mill may reopen. ${'The owners met the union on Monday and agreed a timetable for repairs. '.repeat(6)}It could take a year. Perhaps longer. Critics say it is late.`;
  assert.deepEqual(check(long, { rule }), []);
});

test('hedges the writer quotes or allowed do not count', () => {
  const quoted = '“The mill may reopen, it could fail, it is perhaps too late, and we are reportedly divided,” the owner said.';
  assert.deepEqual(check(quoted, { rule }), []);
  const text = 'The mill may reopen. It may fail. It may be too late. It may close.';
  assert.equal(check(text, { rule }).length, 1);
  assert.deepEqual(check(text, { rule, config: { allowWords: ['may'] } }), []);
});

test('counts agree with the hedge rules and stay right when a paragraph changes', async () => {
  const { Analyzer, analyse } = await import('../../../server/src/core/index.js');
  const hedges = new Set(['hedge-word', 'weasel-attribution', 'softener', 'hedge-density', 'vague-generalisation']);
  const mine = (r: { findings: { rule: string }[] }) => JSON.stringify(r.findings.filter((f) => hedges.has(f.rule)));
  const steady = 'The harbour opened in 1890 and still serves the fishing fleet.';
  const versions = [
    `${steady}\n\nThe mill may reopen. Critics say it could fail. It is perhaps too late.`,
    `${steady}\n\nThe mill may reopen. Critics say it could fail. It is perhaps too late, and the owners are reportedly divided.`,
    `${steady}\n\nThe mill will reopen in March, the owners said.`,
    `${steady}\n\nSome residents are somewhat worried. The plan is widely regarded as late, and it may slip.`,
  ];
  const a = new Analyzer();
  for (const text of [...versions, ...versions.slice().reverse()]) {
    const kept = a.analyse(text, { languageId: 'plaintext' });
    assert.equal(mine(kept), mine(analyse(text, { languageId: 'plaintext' })));
  }
  // The note counts exactly the hedges the other rules flag in the paragraph (one each here).
  const text = versions[1]!;
  const found = analyse(text, { languageId: 'plaintext' }).findings;
  const note = found.find((f) => f.rule === 'hedge-density');
  assert.ok(note);
  const singles = found.filter((f) => f.rule !== 'hedge-density' && f.rule !== 'vague-generalisation' && f.category === 'hedge' && f.offset >= note.offset);
  assert.equal((note.data as { hedges: number }).hedges, singles.length);
});

test('hedgeSpans lists what the three hedge rules report, sorted by start, for both hedge-density and vague-generalisation', async () => {
  const { hedgeSpans } = await import('../../../server/src/core/rules/hedge-density.js');
  const { findHedgeWords } = await import('../../../server/src/core/rules/hedge-word.js');
  const { findWeasels } = await import('../../../server/src/core/rules/weasel-attribution.js');
  const { findSofteners } = await import('../../../server/src/core/rules/softener.js');
  const { parseDocument } = await import('../../../server/src/core/index.js');
  const text = 'Critics say the mill may reopen. It is somewhat late, perhaps too late, and it is widely believed that it could fail.';
  for (const allow of [[], ['may'], ['somewhat', 'critics']]) {
    const [block] = parseDocument(text, 'plaintext').blocks;
    const expected = [
      ...findHedgeWords(block!, allow).map((h) => [h.word.start, h.word.end]),
      ...findWeasels(block!, allow).map((h) => [h.start, h.end]),
      ...findSofteners(block!, allow).map((h) => [h.start, h.end]),
    ].sort((a, b) => a[0]! - b[0]!);
    assert.ok(expected.length >= 3);
    const spans = hedgeSpans(block!, allow);
    assert.deepEqual([...spans], expected.flat());
    // Computed once per block: the same array for the second rule.
    assert.equal(hedgeSpans(block!, allow), spans);
  }
});
