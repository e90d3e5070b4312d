/**
 * Property tests of the core over generated drafts, with a fixed seed and bounded runs so they
 * are repeatable in `npm test`; `npm run fuzz` runs the same properties long with a random seed.
 * Each property runs in a worker thread with a deadline, so a rule stuck in a loop fails the test
 * instead of hanging it. COPYDESK_PROPERTY_SEED and COPYDESK_PROPERTY_RUNS (a multiplier) replay
 * or widen a run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInWorker } from './worker.js';
import type { PropertyName } from './suite.js';

const seed = Number(process.env.COPYDESK_PROPERTY_SEED ?? 20261122);
const scale = Number(process.env.COPYDESK_PROPERTY_RUNS ?? 1);
const DEADLINE_MS = 90_000;

const cases: [PropertyName, number, string][] = [
  ['blocks', 300, 'blocks keep document offsets, only mask characters, and piecewise parsing equals a whole parse'],
  ['findings', 150, 'the core never throws; ranges lie in the text, split no surrogate pair and map to the right line; JSON parses'],
  ['preferred-fix', 100, 'applying a preferred fix removes its finding'],
  ['fix-all', 100, 'fix-all reaches a fixed point, changes nothing outside its edits and never touches code'],
  ['cache', 40, 'the paragraph cache is invisible: edited drafts analyse as if fresh'],
];

for (const [name, runs, title] of cases) {
  test(title, { timeout: DEADLINE_MS + 10_000 }, async () => {
    const failure = await runInWorker({ name, seed, numRuns: Math.max(1, Math.round(runs * scale)) }, DEADLINE_MS);
    assert.equal(failure, undefined, failure);
  });
}
