/**
 * softener: words that blur how far a claim holds ("somewhat", "fairly", "relatively", "to some
 * extent", "in some ways", "sort of", "kind of"). Only the degree use counts: "treated fairly" (a
 * manner), "a kind of tax" and "this sort of deal" (nouns), "in a way that hurts" (a manner phrase)
 * are ordinary English and pass.
 */
import type { BlockRule } from '../rule.js';
import type { Fix, RawFinding } from '../types.js';
import type { Block } from '../document.js';
import { sentencesOf, wordsOf, type Word } from '../nlp.js';
import { blockQuotations, insideQuotation } from '../quotations.js';
import { memoPerBlock } from '../block-memo.js';
import { SOFTENERS, type HedgeEntry } from '../data/hedges.js';
import { withArticle } from '../messages.js';
import { removeWords } from '../removal.js';

export interface SoftenerHit extends HedgeEntry {
  /** Block offsets of the phrase. */
  start: number;
  end: number;
  fixes: Fix[];
}

const PHRASES = SOFTENERS.map((e) => ({ ...e, parts: e.word.split(' ') }));
/** Performance: the phrases by their first word (in lexicon order), so each word is tried against its own few. */
const BY_FIRST = new Map<string, typeof PHRASES>();
for (const p of PHRASES) BY_FIRST.set(p.parts[0]!, [...(BY_FIRST.get(p.parts[0]!) ?? []), p]);
/** Words that, before "kind of"/"sort of", make it a noun: "a kind of", "this sort of", "what kind of". */
const NOUN_LEFT = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'what', 'which', 'any', 'some', 'every', 'each', 'one', 'no',
  'same', 'other', 'another', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'whatever', 'certain', 'particular',
  'different', 'new', 'only', 'first', 'right', 'wrong', 'similar', 'all', 'many', 'several', 'special', 'unique',
  'rare', 'odd', 'strange', 'usual', 'whose', 'either', 'neither', 'own', 'best', 'worst', 'last', 'second',
]);
/** Words that cannot be what a degree adverb modifies: "treated fairly and", "paid fairly by". */
const NOT_MODIFIABLE = new Set([
  'and', 'or', 'but', 'nor', 'the', 'a', 'an', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'between',
  'among', 'under', 'over', 'into', 'as', 'than', 'that', 'which', 'who', 'when', 'while', 'if', 'because', 'since',
  'is', 'are', 'was', 'were', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'speaking',
]);
/** After these, a manner phrase goes on ("in a way that", "to a degree of"): not a softener. */
const PHRASE_CONTINUES = new Set(['that', 'which', 'to', 'of', 'where', 'who', 'than', 'similar', 'like', 'reminiscent']);

export const softener: BlockRule = {
  id: 'softener',
  category: 'hedge',
  defaultSeverity: 'warning',
  description: 'Softeners that blur a claim: somewhat, fairly, relatively, to some extent, in some ways, sort of, kind of.',
  fixable: true,
  scope: 'block',
  analyse(block, ctx) {
    return findSofteners(block, ctx.config.allowWords).map(
      (h): RawFinding => ({
        offset: h.start,
        length: h.end - h.start,
        message: `“${block.text.slice(h.start, h.end)}” is ${withArticle(h.kind)}: it ${h.reason}. Give the measure, or drop the word.`,
        fixes: h.fixes,
        data: { kind: h.kind, word: h.word },
      }),
    );
  },
};

const memoFindSofteners = memoPerBlock<SoftenerHit[]>();

/** The softeners of `block` outside quotations and allowed words (used by hedge-density too). */
export function findSofteners(block: Block, allowWords: readonly string[]): SoftenerHit[] {
  // Performance: hedge-density and vague-generalisation ask again for the same block object; the
  // result is computed once per block (callers must not mutate it).
  return memoFindSofteners(block, allowWords, () => computeFindSofteners(block, allowWords));
}

function computeFindSofteners(block: Block, allowWords: readonly string[]): SoftenerHit[] {
  const allowed = new Set(allowWords.map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()));
  const quotes = blockQuotations(block);
  const out: SoftenerHit[] = [];
  for (const sentence of sentencesOf(block)) {
    const words = wordsOf(sentence);
    for (let i = 0; i < words.length; i++) {
      for (const p of BY_FIRST.get(words[i]!.lower) ?? []) {
        if (!matches(words, i, p.parts)) continue;
        const last = words[i + p.parts.length - 1]!;
        if (allowed.has(p.word) || insideQuotation(quotes, words[i]!.start)) continue;
        if (!degreeUse(words, i, p.parts.length, p.word)) continue;
        out.push({ ...p, start: words[i]!.start, end: last.end, fixes: [removeWords(block.text, words, i, i + p.parts.length - 1)] });
        i += p.parts.length - 1;
        break;
      }
    }
  }
  return out;
}

/** The phrase's words follow each other with nothing but spaces between them. */
function matches(words: Word[], i: number, parts: string[]): boolean {
  for (let k = 0; k < parts.length; k++) {
    const w = words[i + k];
    if (!w || w.lower !== parts[k]) return false;
    if (k > 0 && w.before !== '') return false;
  }
  return true;
}

/** True when the phrase softens a degree or a claim rather than naming a manner or a sort. */
function degreeUse(words: Word[], i: number, n: number, phrase: string): boolean {
  const last = words[i + n - 1]!;
  const next = words[i + n];
  const prev = words[i - 1];
  if (phrase === 'kind of' || phrase === 'sort of') {
    // "a kind of tax", "this sort of deal", "the company's kind of product": a noun, not a hedge.
    if (prev && (NOUN_LEFT.has(prev.lower) || /['’]s$/.test(prev.value) || /^\d/.test(prev.value)) && words[i]!.before === '') return false;
    // "kind of" at the end of a clause ("that kind of.") has nothing to soften.
    return !!next && last.after === '';
  }
  if (n === 1) {
    // A degree adverb needs something to modify right after it: "fairly large", not "treated fairly."
    return !!next && last.after === '' && !NOT_MODIFIABLE.has(next.lower);
  }
  // Phrases: "in a way that hurts" goes on as a manner phrase; "in a way, it" is the softener.
  if (next && last.after === '' && PHRASE_CONTINUES.has(next.lower)) return false;
  if (phrase === 'in a way' || phrase === 'in a sense') return !next || last.after !== '';
  return true;
}

