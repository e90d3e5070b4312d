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
import { memoPerBlock } from '../block-memo.js';

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
  const spans = hedgeSpans(block, allowWords);
  let hedges = 0;
  let reach = -1;
  for (let i = 0; i < spans.length; i += 2) {
    if (spans[i]! >= reach) hedges++;
    reach = Math.max(reach, spans[i + 1]!);
  }
  return { hedges, words: wordCountOf(block) };
}

const memoHedgeSpans = memoPerBlock<Int32Array>();

/**
 * The spans the hedge rules report in `block` (hedge-word, weasel-attribution and softener), as
 * block offsets start, end, start, end, …, sorted by start (equal starts in that order of the
 * rules). hedge-density counts them and vague-generalisation keeps out of them: computed once per
 * block for both (callers must not mutate it).
 *
 * Performance: plain loops into a typed array. Spreading three mapped arrays of hit objects of many
 * shapes made the callers' optimised code meet new hidden classes again and again, and each time
 * V8 threw it away and compiled it again.
 */
export function hedgeSpans(block: Block, allowWords: readonly string[]): Int32Array {
  return memoHedgeSpans(block, allowWords, () => computeHedgeSpans(block, allowWords));
}

function computeHedgeSpans(block: Block, allowWords: readonly string[]): Int32Array {
  const hedges = findHedgeWords(block, allowWords);
  const weasels = findWeasels(block, allowWords);
  const softeners = findSofteners(block, allowWords);
  const n = hedges.length + weasels.length + softeners.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < hedges.length; i++, k++) {
    starts[k] = hedges[i]!.word.start;
    ends[k] = hedges[i]!.word.end;
  }
  for (let i = 0; i < weasels.length; i++, k++) {
    starts[k] = weasels[i]!.start;
    ends[k] = weasels[i]!.end;
  }
  for (let i = 0; i < softeners.length; i++, k++) {
    starts[k] = softeners[i]!.start;
    ends[k] = softeners[i]!.end;
  }
  // By start; equal starts keep the order above (a stable sort).
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => starts[a]! - starts[b]! || a - b);
  const spans = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    spans[2 * i] = starts[order[i]!]!;
    spans[2 * i + 1] = ends[order[i]!]!;
  }
  return spans;
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
