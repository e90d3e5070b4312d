/**
 * hedge-density: one information-level note on a paragraph that piles up hedges ("4 hedges in 60
 * words"). Each hedge already has its own finding; this one tells the writer the paragraph as a
 * whole reads as unsure, which single findings cannot say. It counts what the other hedge rules
 * find, through their exported detectors, so the numbers always agree with the squiggles.
 */
import type { BlockRule } from '../rule.js';
import type { Block } from '../document.js';
import { wordCountOf } from '../nlp.js';
import { findHedgeWords } from './hedge-word.js';
import { findWeasels } from './weasel-attribution.js';
import { findSofteners } from './softener.js';

/** At least this many hedges in the paragraph… */
export const MIN_HEDGES = 4;
/** …and at least one hedge per this many words. */
export const MAX_WORDS_PER_HEDGE = 20;

export interface HedgeCount {
  hedges: number;
  words: number;
}

/** Hedges and words of one block, with overlapping cues (a weasel containing a modal) counted once. */
export function countHedges(block: Block, allowWords: readonly string[]): HedgeCount {
  const spans: [number, number][] = [
    ...findHedgeWords(block, allowWords).map((h): [number, number] => [h.word.start, h.word.end]),
    ...findWeasels(block, allowWords).map((h): [number, number] => [h.start, h.end]),
    ...findSofteners(block, allowWords).map((h): [number, number] => [h.start, h.end]),
  ].sort((a, b) => a[0] - b[0]);
  let hedges = 0;
  let reach = -1;
  for (const [start, end] of spans) {
    if (start >= reach) hedges++;
    reach = Math.max(reach, end);
  }
  return { hedges, words: wordCountOf(block) };
}

export const hedgeDensity: BlockRule = {
  id: 'hedge-density',
  category: 'hedge',
  defaultSeverity: 'info',
  description: 'A paragraph dense with hedges (one note on the paragraph, e.g. "4 hedges in 60 words").',
  fixable: false,
  scope: 'block',
  analyse(block, ctx) {
    if (block.kind !== 'paragraph') return [];
    const { hedges, words } = countHedges(block, ctx.config.allowWords);
    if (hedges < MIN_HEDGES || words > hedges * MAX_WORDS_PER_HEDGE) return [];
    return [
      {
        offset: 0,
        length: block.text.length,
        severity: 'info',
        message: `${hedges} hedges in ${words} words: the paragraph as a whole reads as unsure. Keep the qualifications that carry information and state the rest plainly.`,
        data: { hedges, words },
      },
    ];
  },
};
