import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/core/index.js';
import { splitParts } from '../../../server/src/cli/split.js';

test('the parts of a split draft hold every document rule once and every block once, attribution with block rules', () => {
  for (const length of [200_000, 1_234_567]) {
    const parts = splitParts(length);
    assert.equal(parts.length, 2);
    const documentRules = RULES.filter((r) => r.scope === 'document').map((r) => r.id);
    const blockRules = RULES.filter((r) => r.scope === 'block').map((r) => r.id);
    assert.deepEqual(parts.flatMap((p) => p.part.filter((id) => documentRules.includes(id))).sort(), [...documentRules].sort(), 'each document rule in exactly one part');
    for (const p of parts) assert.deepEqual(p.part.filter((id) => blockRules.includes(id)).sort(), [...blockRules].sort(), 'every block rule in both parts');
    // The ranges tile the draft: a block starting anywhere in it (its last character included) is in exactly one.
    const [a, b] = parts.map((p) => p.blockRange).sort((x, y) => x.from - y.from);
    assert.equal(a!.from, 0);
    assert.equal(a!.to, b!.from);
    assert.ok(b!.to > length && a!.to > 0 && a!.to < length, 'two non-empty ranges over the whole draft');
    // Attribution reads every block's sentences: it goes where the first blocks' tokens are made.
    const withAttribution = parts.find((p) => p.part.includes('unsourced-quote'))!;
    assert.ok(withAttribution.part.includes('anonymous-source') && withAttribution.blockRange.from === 0);
    assert.ok(parts.find((p) => p.part.includes('repeated-text'))!.part.includes('unclosed-quote'));
  }
});
