/**
 * Property tests of the core over generated drafts, with a fixed seed and bounded runs so they
 * are repeatable in `npm test`. `npm run fuzz` runs the same properties long with a random seed.
 * COPYDESK_PROPERTY_SEED and COPYDESK_PROPERTY_RUNS replay or widen a run.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { draftArb, editArb } from './arbitraries.js';
import { checkBlocks, checkCacheInvisible, checkCodeUntouched, checkFindings, checkFixAll, checkPreferredFixes } from './properties.js';

const seed = Number(process.env.COPYDESK_PROPERTY_SEED ?? 20261122);
const scale = Number(process.env.COPYDESK_PROPERTY_RUNS ?? 1);
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed, numRuns: Math.max(1, Math.round(numRuns * scale)), endOnFailure: false, includeErrorInReport: true });

test('blocks keep document offsets and only mask characters', () => {
  fc.assert(fc.property(draftArb, (d) => checkBlocks(d)), params(300));
});

test('the core never throws; ranges lie in the text, split no surrogate pair and map to the right line', () => {
  fc.assert(fc.property(draftArb, (d) => void checkFindings(d)), params(200));
});

test('applying a preferred fix removes its finding', () => {
  fc.assert(fc.property(draftArb, (d) => checkPreferredFixes(d, checkFindings(d))), params(120));
});

test('fix-all reaches a fixed point, changes nothing outside its edits and never touches code', () => {
  fc.assert(fc.property(draftArb, (d) => checkCodeUntouched(d, checkFixAll(d))), params(120));
});

test('the paragraph cache is invisible: edited drafts analyse as if fresh', () => {
  fc.assert(fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (d, edits) => checkCacheInvisible(d, edits)), params(80));
});
