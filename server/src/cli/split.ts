/**
 * One long draft on two threads: its rules in two parts that take about as long as each other,
 * analysed at the same time and merged (core `mergeParts`) into exactly the result of one analysis.
 *
 * The first part holds the rules that read the draft's sentences and words from retext: the block
 * rules, and the two rules that attribute quotations (attribution reads sentence boundaries), so
 * the draft is tokenised once, in one thread. The second part holds the rules that read the text
 * itself: repeats, web cruft, shared boilerplate and unclosed quotation marks. On the bench's
 * 1M-word draft the first part is still the longer one (about 7 s against 5 s alone).
 */
import { RULES } from '../core/index.js';

/** Drafts of at least this many characters (about 35,000 words) are split when a thread is free. */
export const SPLIT_CHARS = 200_000;

/** The document rules whose findings come from the quotations' attributions (core attribution.ts). */
const READ_SENTENCES = new Set(['unsourced-quote', 'anonymous-source']);

/** The two parts of the rules, by id (every rule in exactly one). */
export function ruleParts(): [string[], string[]] {
  const first = RULES.filter((r) => r.scope === 'block' || READ_SENTENCES.has(r.id)).map((r) => r.id);
  const second = RULES.filter((r) => !first.includes(r.id)).map((r) => r.id);
  return [first, second];
}
