/**
 * The named properties, shared by the fixed-seed tests (core.test.ts) and the fuzzer
 * (scripts/fuzz.mjs), and the worker-thread runner that lets a hung check fail instead of
 * blocking the suite forever.
 */
import fc from 'fast-check';
import { draftArb, editArb } from './arbitraries.js';
import { checkBlocks, checkCacheInvisible, checkCodeUntouched, checkFindings, checkFixAll, checkPreferredFixes } from './properties.js';

/** Each property, given how many fixes or edits a run may try (more when fuzzing). */
export const PROPERTIES = {
  blocks: () => fc.property(draftArb, (d) => checkBlocks(d)),
  findings: () => fc.property(draftArb, (d) => void checkFindings(d)),
  'preferred-fix': (breadth = 6) => fc.property(draftArb, (d) => checkPreferredFixes(d, checkFindings(d), breadth)),
  'fix-all': () => fc.property(draftArb, (d) => checkCodeUntouched(d, checkFixAll(d))),
  cache: (breadth = 6) => fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: breadth }), (d, edits) => checkCacheInvisible(d, edits)),
};

export type PropertyName = keyof typeof PROPERTIES;

export interface PropertyRun {
  name: PropertyName;
  seed: number;
  numRuns: number;
  breadth?: number;
}

/** Runs one property and describes a failure (seed, path, counterexample, error), or returns undefined. */
export function runProperty(run: PropertyRun): string | undefined {
  const property: fc.IProperty<unknown[]> = PROPERTIES[run.name](run.breadth);
  const result = fc.check(property, {
    seed: run.seed,
    numRuns: run.numRuns,
    includeErrorInReport: true,
  });
  if (!result.failed) return undefined;
  return (
    `property "${run.name}" failed after ${result.numRuns} runs\n` +
    `seed: ${result.seed}, path: ${JSON.stringify(result.counterexamplePath)}\n` +
    `counterexample: ${fc.stringify(result.counterexample).slice(0, 3000)}\n` +
    `error: ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance).slice(0, 3000)}`
  );
}
