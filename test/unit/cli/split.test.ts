import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/core/index.js';
import { ruleParts } from '../../../server/src/cli/split.js';

test('the two parts of a split draft hold every rule exactly once, the block rules and the attribution rules together', () => {
  const [first, second] = ruleParts();
  assert.deepEqual([...first, ...second].sort(), RULES.map((r) => r.id).sort(), 'every rule in exactly one part');
  assert.ok(first.length > 0 && second.length > 0, 'two parts');
  // The rules that read retext's sentences share one thread, or the draft is tokenised twice.
  for (const r of RULES.filter((r) => r.scope === 'block')) assert.ok(first.includes(r.id), `${r.id} is with the other block rules`);
  assert.ok(first.includes('unsourced-quote') && first.includes('anonymous-source'), 'the attribution rules are with the block rules');
  assert.ok(second.includes('repeated-text') && second.includes('unclosed-quote'), 'the rules that read text alone are in the other part');
});
