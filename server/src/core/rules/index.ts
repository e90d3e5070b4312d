/**
 * The explicit registry of checks. Adding a check: write rules/<id>.ts exporting a Rule, add it
 * here, add test/unit/rules/<id>.test.ts and docs/rules/<id>.md.
 */
import type { Rule } from '../rule.js';
import { hedgeWord } from './hedge-word.js';
import { repeatedText } from './repeated-text.js';
import { webCruft } from './web-cruft.js';
import { sharedBoilerplate } from './shared-boilerplate.js';
import { weaselAttribution } from './weasel-attribution.js';
import { softener } from './softener.js';
import { hedgeDensity } from './hedge-density.js';
import { unsourcedQuote } from './unsourced-quote.js';
import { anonymousSource } from './anonymous-source.js';
import { unclosedQuote } from './unclosed-quote.js';
import { vagueGeneralisation } from './vague-generalisation.js';

export const RULES: readonly Rule[] = [hedgeWord, repeatedText, webCruft, sharedBoilerplate, weaselAttribution, softener, hedgeDensity, unsourcedQuote, anonymousSource, unclosedQuote, vagueGeneralisation];

/** The rule with `id`, if registered. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
