/**
 * The explicit registry of checks. Adding a check: write rules/<id>.ts exporting a Rule, add it
 * here, add test/unit/rules/<id>.test.ts and docs/rules/<id>.md.
 */
import type { Rule } from '../rule.js';
import { hedgeWord } from './hedge-word.js';

export const RULES: readonly Rule[] = [hedgeWord];

/** The rule with `id`, if registered. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
