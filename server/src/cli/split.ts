/**
 * One long draft on two threads: its rules in two parts that take about as long as each other,
 * analysed at the same time and merged (core `mergeParts`) into exactly the result of one analysis.
 *
 * The block rules are shared out by place. One part attributes the quotations (unsourced-quote,
 * anonymous-source) and runs the block rules on the blocks of the first ATTRIBUTION_SHARE of the
 * draft: attribution reads the sentence boundaries of every block, so that part tokenises the other
 * blocks too, for their sentences only. The other part runs the block rules on the rest of the
 * blocks and the rules that read the text itself: repeats, web cruft, shared boilerplate and
 * unclosed quotation marks.
 *
 * On the bench's 1M-word draft, with the block rules all in one part and the text rules in the
 * other, the parts took 11 s and 5 s of CPU; shared out as here, they end within a few hundred ms
 * of each other. Each part also writes its findings' JSON for a --format json report (format/json.ts).
 */
import { RULES } from '../core/index.js';

/** Drafts of at least this many characters (about 35,000 words) are split when a thread is free. */
export const SPLIT_CHARS = 200_000;

/**
 * The share of the draft whose block rules go with attribution: measured on bench/corpora/1M.txt
 * (2 cores) so that both parts take about as long, the worker's larger young generation
 * (workers.ts) and each part's share of the report included. Any value gives the same findings.
 * Last measured with each part's end timed (six runs): at 0.72 the text rules' part ended last by
 * 0.3–0.7 s once attribution kept fewer tokens; at 0.76 the parts end within 0.3 s of each other.
 */
export const ATTRIBUTION_SHARE = 0.76;

/** The document rules whose findings come from the quotations' attributions (core attribution.ts). */
const READ_SENTENCES = new Set(['unsourced-quote', 'anonymous-source']);

/** One part: the rules it runs, and the place (document offsets) of the blocks its block rules read. */
export interface SplitPart {
  part: string[];
  blockRange: { from: number; to: number };
}

/**
 * The two parts of a draft of `length` characters: each document rule in exactly one, each block in
 * exactly one. The text rules' part comes first: the first job of a pool stays in this thread, and
 * that part has the more findings (the other thread's findings are copied back).
 */
export function splitParts(length: number): [SplitPart, SplitPart] {
  const cut = Math.round(length * ATTRIBUTION_SHARE);
  const blockRules = RULES.filter((r) => r.scope === 'block').map((r) => r.id);
  const documentRules = RULES.filter((r) => r.scope === 'document');
  return [
    { part: [...blockRules, ...documentRules.filter((r) => !READ_SENTENCES.has(r.id)).map((r) => r.id)], blockRange: { from: cut, to: length + 1 } },
    { part: [...blockRules, ...documentRules.filter((r) => READ_SENTENCES.has(r.id)).map((r) => r.id)], blockRange: { from: 0, to: cut } },
  ];
}
