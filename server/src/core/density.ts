/**
 * Hedge density of a whole draft, for the CLI summary and the status bar: how many hedge findings
 * per 1000 words of prose. It counts the findings the writer sees (so the figure agrees with the
 * squiggles, allowed words and disabled rules included), leaving out the paragraph-level
 * hedge-density note, which is a summary and not a hedge.
 */
import type { ParsedDocument } from './document.js';
import type { Finding } from './types.js';
import { wordCountOf } from './nlp.js';

export interface HedgeDensity {
  /** Hedge findings in the draft (category 'hedge', the paragraph summary left out). */
  hedges: number;
  /** Words of prose (code, URLs and front matter are not prose and not counted). */
  words: number;
  /** Hedges per 1000 words; 0 for a draft without words. */
  perThousand: number;
}

/** The rule whose findings summarise other hedges and so are not counted again. */
const SUMMARY_RULE = 'hedge-density';

/** Density of the hedge findings of an analysed draft: pass `analyse(...)`'s result, or its parts. */
export function hedgeDensity(result: { findings: readonly Finding[]; document: ParsedDocument }): HedgeDensity {
  const hedges = result.findings.filter((f) => f.category === 'hedge' && f.rule !== SUMMARY_RULE).length;
  const words = proseWords(result.document);
  return { hedges, words, perThousand: words ? (1000 * hedges) / words : 0 };
}

/** Words in the prose blocks of a parsed draft. */
export function proseWords(doc: ParsedDocument): number {
  let n = 0;
  for (const block of doc.blocks) n += wordCountOf(block);
  return n;
}

/** One line for a summary or tooltip: "12 hedges in 1,030 words (11.7 per 1,000)". */
export function formatHedgeDensity(d: HedgeDensity): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const hedges = `${n(d.hedges)} ${d.hedges === 1 ? 'hedge' : 'hedges'}`;
  return `${hedges} in ${n(d.words)} ${d.words === 1 ? 'word' : 'words'} (${d.perThousand.toFixed(1)} per 1,000)`;
}
