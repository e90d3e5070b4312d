/** The resolved configuration the core runs with. Adapters build it from files and settings. */
import type { Category, Severity } from './types.js';

export type RuleSetting = Severity | 'off';

export interface ResolvedConfig {
  /** Categories switched off here silence all their rules. */
  categories: Record<Category, boolean>;
  /** Per-rule severity or 'off'; rules not listed use their default severity. */
  rules: Record<string, RuleSetting>;
  /** Words and phrases the team allows (matched case-insensitively by the hedge rules). */
  allowWords: string[];
  /** House text that may repeat (disclosures, standard credits). */
  allowBoilerplate: string[];
}

/** The configuration when nothing is set. */
export function defaultConfig(): ResolvedConfig {
  return {
    categories: { hedge: true, 'unsourced-quote': true, boilerplate: true },
    rules: {},
    allowWords: [],
    allowBoilerplate: [],
  };
}
