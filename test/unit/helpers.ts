/** Test helpers: analyse a snippet and list findings as compact lines. */
import { analyse, defaultConfig, type Finding, type LanguageId, type ResolvedConfig } from '../../server/src/core/index.js';

/** Findings of `rule` (or of all rules) in `text`. */
export function check(text: string, opts: { rule?: string; languageId?: LanguageId; config?: Partial<ResolvedConfig> } = {}): Finding[] {
  const config = { ...defaultConfig(), ...opts.config };
  const { findings } = analyse(text, {
    languageId: opts.languageId ?? 'plaintext',
    config,
    onRuleError: (id, e) => {
      throw new Error(`rule ${id} threw: ${(e as Error).stack}`);
    },
  });
  return opts.rule ? findings.filter((f) => f.rule === opts.rule) : findings;
}

/** The flagged substrings, in order: the compact form most tests assert on. */
export function flagged(text: string, opts: Parameters<typeof check>[1] = {}): string[] {
  return check(text, opts).map((f) => text.slice(f.offset, f.offset + f.length));
}
