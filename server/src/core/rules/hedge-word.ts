/**
 * hedge-word: speculative adverbs, likelihood words, modals and verbs of appearance that soften a
 * factual claim ("reportedly", "may", "appears"). Context decides, not the word alone: nothing
 * inside a direct quotation, not "May" the month, not "you may" (permission), not "could" of past
 * ability, not a word the team allowed.
 */
import type { BlockRule } from '../rule.js';
import type { Fix, RawFinding } from '../types.js';
import type { Block } from '../document.js';
import { sentencesOf, wordsOf, type Word } from '../nlp.js';
import { blockQuotations, insideQuotation } from '../quotations.js';
import { memoPerBlock } from '../block-memo.js';
import {
  ABILITY_VERBS,
  APPEARANCE_VERBS,
  GENERIC_MAY_PARTICIPLES,
  GENERIC_MAY_VERBS,
  LIKELIHOOD_WORDS,
  MODALS,
  SPECULATIVE_ADVERBS,
  type HedgeEntry,
} from '../data/hedges.js';
import { withArticle } from '../messages.js';
import { removeWords } from '../removal.js';

const ADVERBS = new Map(SPECULATIVE_ADVERBS.map((e) => [e.word, e]));
const LIKELY = new Map(LIKELIHOOD_WORDS.map((e) => [e.word, e]));
const MODAL = new Map(MODALS.map((e) => [e.word, e]));
const APPEAR = new Set(APPEARANCE_VERBS);
const ABILITY = new Set(ABILITY_VERBS);
const GENERIC_VERB = new Set(GENERIC_MAY_VERBS);
const GENERIC_PARTICIPLE = new Set(GENERIC_MAY_PARTICIPLES);
const MONTH_CONTEXT = new Set(['in', 'on', 'since', 'until', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'from', 'through', 'before', 'after', 'during']);
const PERMISSION_SUBJECTS = new Set(['you', 'applicants', 'readers', 'visitors', 'users', 'members', 'participants', 'students', 'customers']);
const PERMISSION_ADVERBS = new Set(['legally', 'lawfully', 'freely']);
const NOUN_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'the', 'all', 'military', 'economic']);
const PLACE_PREPOSITIONS = new Set(['in', 'on', 'at', 'before', 'alongside', 'with', 'onstage', 'as', 'for', 'from', 'out', 'together', 'briefly', 'live']);

export const hedgeWord: BlockRule = {
  id: 'hedge-word',
  category: 'hedge',
  defaultSeverity: 'warning',
  description: 'Speculative adverbs, modals and verbs of appearance that soften a factual claim.',
  fixable: true,
  scope: 'block',
  analyse(block, ctx) {
    return findHedgeWords(block, ctx.config.allowWords).map(
      ({ word: w, hit, fixes }): RawFinding => ({
        offset: w.start,
        length: w.end - w.start,
        message: `“${w.value}” is ${withArticle(hit.kind)}: it ${hit.reason}. State what is known, or name the source.`,
        fixes,
        data: { kind: hit.kind, word: w.lower },
      }),
    );
  },
};

export interface HedgeWordHit {
  word: Word;
  hit: HedgeEntry;
  fixes: Fix[];
}

const memoFindHedgeWords = memoPerBlock<HedgeWordHit[]>();

/** The hedge words of `block` outside quotations and allowed words (used by hedge-density too). */
export function findHedgeWords(block: Block, allowWords: readonly string[]): HedgeWordHit[] {
  // Performance: hedge-density and vague-generalisation ask again for the same block object; the
  // result is computed once per block (callers must not mutate it).
  return memoFindHedgeWords(block, allowWords, () => computeFindHedgeWords(block, allowWords));
}

function computeFindHedgeWords(block: Block, allowWords: readonly string[]): HedgeWordHit[] {
  const allowed = new Set(allowWords.map((w) => w.toLowerCase()));
  const quotes = blockQuotations(block);
  const out: HedgeWordHit[] = [];
  for (const sentence of sentencesOf(block)) {
    const words = wordsOf(sentence);
    for (const w of words) {
      if (allowed.has(w.lower) || insideQuotation(quotes, w.start)) continue;
      const hit = classify(words, w);
      if (!hit) continue;
      out.push({ word: w, hit, fixes: hit.removable ? [removeWords(block.text, words, w.index, w.index)] : [] });
    }
  }
  return out;
}

interface Hit extends HedgeEntry {
  removable: boolean;
}

function classify(words: Word[], w: Word): Hit | undefined {
  const prev = words[w.index - 1];
  const next = words[w.index + 1];
  const adverb = ADVERBS.get(w.lower);
  if (adverb) return { ...adverb, removable: true };
  const likely = LIKELY.get(w.lower);
  if (likely) return { ...likely, removable: false };
  const modal = MODAL.get(w.lower);
  if (modal) {
    if (w.lower === 'may' && isMonth(w, prev, next)) return undefined;
    if (w.lower === 'may' && prev && PERMISSION_SUBJECTS.has(prev.lower) && prev.after === '') return undefined;
    if (w.lower === 'may' && w.index === 0 && next && /^(?:i|we|you)$/.test(next.lower)) return undefined;
    // "may be legally distributed", "may lawfully sell": what the law allows, not a guess.
    if (w.lower === 'may' && (PERMISSION_ADVERBS.has(next?.lower ?? '') || (next?.lower === 'be' && PERMISSION_ADVERBS.has(words[w.index + 2]?.lower ?? '')))) return undefined;
    if (w.lower === 'may' && isGenericMay(words, w)) return undefined;
    if (w.lower === 'might' && prev && NOUN_DETERMINERS.has(prev.lower)) return undefined;
    if (w.lower === 'could' && isPastAbility(next, words)) return undefined;
    return { ...modal, removable: false };
  }
  if (APPEAR.has(w.lower)) {
    if (!next || w.after !== '' || PLACE_PREPOSITIONS.has(next.lower)) return undefined;
    return { word: w.lower, kind: 'verb of appearance', reason: 'reports an impression instead of a fact', removable: false };
  }
  return undefined;
}

/** "May" the month: capitalised mid-sentence, or next to a date or a time preposition. */
function isMonth(w: Word, prev: Word | undefined, next: Word | undefined): boolean {
  if (w.value !== 'May') return false;
  if (w.index > 0) return true;
  if (next && /^\d/.test(next.value)) return true;
  return !!prev && MONTH_CONTEXT.has(prev.lower);
}

/**
 * "Symptoms may include fever", "players may also choose", "the dish may be served cold": "may" as
 * "can", stating what happens in general or what is allowed, not guessing at a fact.
 */
function isGenericMay(words: Word[], w: Word): boolean {
  let k = w.index + 1;
  // "may also include", "may sometimes vary": the adverb does not change the reading.
  while (k < words.length && k <= w.index + 2 && /^(?:also|sometimes|often|optionally)$/.test(words[k]!.lower) && words[k]!.before === '') k++;
  const next = words[k];
  if (!next || next.before !== '') return false;
  if (GENERIC_VERB.has(next.lower)) return true;
  const part = words[k + 1];
  return next.lower === 'be' && !!part && part.before === '' && GENERIC_PARTICIPLE.has(part.lower);
}

/** "She could swim", "could not attend", "could barely": ability or inability, not speculation. */
function isPastAbility(next: Word | undefined, words: Word[]): boolean {
  if (!next) return false;
  if (next.lower === 'not' || next.lower === "n't") return true;
  if (ABILITY.has(next.lower)) return true;
  // "could" in a clause of past narration ("when she was young she could...") is ability.
  return words.some((x) => x.lower === 'when' || x.lower === 'ago') && words.some((x) => x.lower === 'was' || x.lower === 'were');
}

