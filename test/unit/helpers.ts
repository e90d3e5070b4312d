/** Test helpers: analyse a snippet and list findings as compact lines. */
import assert from 'node:assert/strict';
import { Analyzer, analyse, defaultConfig, type Finding, type LanguageId, type ResolvedConfig } from '../../server/src/core/index.js';

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

/**
 * Asserts the per-document cache is invisible for `rule`: one Analyzer fed `drafts` in turn (then
 * in reverse) reports what a fresh analysis of each text reports, in both languages.
 */
export function assertCacheInvisible(rule: string, drafts: readonly string[]): void {
  for (const languageId of ['plaintext', 'markdown'] as const) {
    const analyzer = new Analyzer();
    for (const text of [...drafts, ...[...drafts].reverse()]) {
      const memoised = analyzer.analyse(text, { languageId }).findings.filter((f) => f.rule === rule);
      const fresh = check(text, { rule, languageId });
      assert.ok(fresh.length > 0, 'each draft has findings of the rule, or the comparison proves nothing');
      assert.deepEqual(memoised, fresh);
    }
  }
}
