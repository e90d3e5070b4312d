/**
 * vague-generalisation: claims about a group that never say how many or which ("some critics",
 * "many historians", "in some areas", "several reports"), and consensus claimed without anyone
 * holding it ("widely regarded", "generally considered"). These are the "weasel" generalisations of
 * Wikipedia's style guide and of the GUIDELINE's "attributes it vaguely": the reader cannot check
 * how far the claim holds.
 *
 * Grammar decides, not the word alone. Not flagged: a quantifier before a number or a measure
 * ("some 200 residents", "several weeks", "many of the 40 buses"); degree constructions ("how
 * many", "so many", "as many as"); "some" in idioms of time, manner or type ("at some point",
 * "some form of"); "certain" meaning sure ("she is certain that"); a group partitioned right after
 * it was named (", with some executives open to it"); a group defined by a relative clause ("many
 * who had bought"); a group illustrated by a name ("some Republicans, including Senator X"); a
 * sentence that another hedge rule already flags (one note per sentence); quotations; allowed words.
 */
import type { BlockRule } from '../rule.js';
import type { Fix, RawFinding } from '../types.js';
import type { Block } from '../document.js';
import { sentencesOf, wordsOf, type Word } from '../nlp.js';
import { blockQuotations, insideQuotation } from '../quotations.js';
import {
  CONSENSUS_ADVERBS,
  IDIOM_NOUNS,
  MEASURE_NOUNS,
  OPINION_PARTICIPLES,
  VAGUE_QUANTITIES,
  type HedgeEntry,
} from '../data/hedges.js';
import { hedgeSpans } from './hedge-density.js';
import { withArticle } from '../messages.js';

export interface GeneralisationHit extends HedgeEntry {
  /** Block offsets of the cue words. */
  start: number;
  end: number;
  fixes: Fix[];
}

const QUANT = new Map(VAGUE_QUANTITIES.map((e) => [e.word, e]));
/** A bracketed note right after the cue: the writer has already asked for the number or source. */
const PLACEHOLDER = /^\s*\[[^\]\n]*\]/;
const MEASURE = new Set(MEASURE_NOUNS);
const IDIOM = new Set(IDIOM_NOUNS);
const CONSENSUS = new Set(CONSENSUS_ADVERBS);
const OPINION = new Set(OPINION_PARTICIPLES);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'remains', 'remain', 'remained', 'become', 'becomes', 'became']);
const NUMBER =
  /^(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|score|scores)$/;
/** Words before a quantifier that make it a degree or a definite set: "how many", "the many", "its several". */
const DEGREE_OR_DEFINITE = new Set(['how', 'so', 'too', 'the', 'very', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'not', 'that']);
/** Before "certain", words that make it mean "sure": "is certain", "almost certain", "make certain". */
const CERTAIN_SURE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'almost', 'quite', 'fairly', 'not', 'feel', 'feels', 'felt', 'seem', 'seems', 'seemed', 'make', 'makes', 'made', 'remain', 'remains', 'remained', 'less', 'more', 'most', 'virtually', 'absolutely', 'nearly', 'reasonably']);
/** After "certain", words that make it mean "sure": "certain that", "certain to", "certain of". */
const CERTAIN_SURE_AFTER = new Set(['that', 'to', 'of', 'about', 'whether', 'if', 'how', 'what', 'when', 'who', 'why']);
/** Words that cannot be the noun a quantifier governs, so the span stops at the quantifier. */
const NOT_HEAD = new Set([
  'of', 'who', 'which', 'that', 'have', 'has', 'had', 'are', 'were', 'is', 'was', 'will', 'would', 'may', 'might', 'can',
  'could', 'should', 'must', 'do', 'did', 'also', 'still', 'even', 'and', 'or', 'but', 'in', 'on', 'at', 'to', 'for', 'as',
]);

export const vagueGeneralisation: BlockRule = {
  id: 'vague-generalisation',
  category: 'hedge',
  defaultSeverity: 'info',
  description: 'Claims about an unnamed, uncounted group ("some critics", "in many cases") and consensus nobody holds ("widely regarded").',
  fixable: true,
  scope: 'block',
  analyse(block, ctx) {
    return findGeneralisations(block, ctx.config.allowWords).map(
      (h): RawFinding => ({
        offset: h.start,
        length: h.end - h.start,
        message:
          h.kind === 'vague consensus'
            ? `“${block.text.slice(h.start, h.end)}” is ${withArticle(h.kind)}: it ${h.reason}. Name who holds the view, or cut the claim.`
            : `“${block.text.slice(h.start, h.end)}” is ${withArticle(h.kind)}: it ${h.reason}. Give the number, or name who or what.`,
        fixes: h.fixes,
        data: { kind: h.kind, word: h.word },
      }),
    );
  },
};

/** The vague generalisations of `block` outside quotations, allowed words and sentences other hedge rules flag. */
export function findGeneralisations(block: Block, allowWords: readonly string[]): GeneralisationHit[] {
  const allowed = new Set(allowWords.map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()));
  const quotes = blockQuotations(block);
  // Spans other hedge rules already report: a claim gets one note, from the most specific rule.
  const taken = hedgeSpans(block, allowWords);
  const out: GeneralisationHit[] = [];
  for (const sentence of sentencesOf(block)) {
    const words = wordsOf(sentence);
    if (!words.length || sentenceTaken(words, taken)) continue;
    for (const w of words) {
      if (insideQuotation(quotes, w.start)) continue;
      const hit = quantifierAt(words, w) ?? consensusAt(words, w);
      if (!hit) continue;
      const phrase = block.text.slice(hit.start, hit.end).toLowerCase().replace(/\s+/g, ' ');
      if (allowed.has(hit.word) || allowed.has(phrase)) continue;
      // "many drivers [how many?]": the writer has already asked.
      if (PLACEHOLDER.test(block.text.slice(hit.end))) continue;
      out.push(hit);
    }
  }
  return out;
}

/** "some critics", "many have", "in several cases", "certain scholars". */
function quantifierAt(words: Word[], w: Word): GeneralisationHit | undefined {
  const entry = QUANT.get(w.lower);
  if (!entry) return undefined;
  const prev = at(words, w.index - 1);
  const next = at(words, w.index + 1);
  const joined = (x: Word | undefined) => !!x && x.before === '';
  // "some 200 residents", "several hundred", "many thousands": an approximate count, not a generalisation.
  if (next && joined(next) && NUMBER.test(next.lower)) return undefined;
  // "many of the 40 buses", "some of its 300 staff": the set is counted. (`x !== undefined &&`
  // rather than `x?.`: optimised code that compares undefined with a string is thrown away once.)
  if (next !== undefined && next.lower === 'of' && words.slice(w.index + 2, w.index + 5).some((x) => NUMBER.test(x.lower))) return undefined;
  // "how many", "so many", "the many", "not many": a degree or a definite set.
  if (prev && w.before === '' && DEGREE_OR_DEFINITE.has(prev.lower)) return undefined;
  // "as many as 40", "as many people as": a comparison of amounts.
  if (prev !== undefined && prev.lower === 'as' && w.before === '' && words.slice(w.index + 1, w.index + 4).some((x) => x.lower === 'as')) return undefined;
  // "several weeks", "many years", "some long months": an amount of time or distance.
  if (next && joined(next) && (MEASURE.has(next.lower) || (joined(at(words, w.index + 2)) && MEASURE.has(words[w.index + 2]!.lower)))) return undefined;
  // "at some point", "some form of", "some time": idioms of time, manner or type.
  if (w.lower === 'some' && next && joined(next) && IDIOM.has(next.lower)) return undefined;
  if (w.lower === 'certain' && !certainIsDeterminer(prev, w, next)) return undefined;
  // ", with some executives open to it": the group was just named; "some" divides it.
  if (prev !== undefined && prev.lower === 'with' && w.before === '' && /,/.test(prev.before)) return undefined;
  // "many who had bought": the relative clause says which.
  if (next !== undefined && next.lower === 'who' && joined(next)) return undefined;
  // "some Republicans, including Senator X": a named example makes the group checkable.
  if (namedExample(words, w.index)) return undefined;
  let end = w.end;
  if (next && joined(next) && /^\p{L}/u.test(next.value) && !NOT_HEAD.has(next.lower) && w.after === '') end = next.end;
  return hit(entry.word, entry.kind, entry.reason, w.start, end, [
    { title: 'Ask for the number: insert “[how many?]”', edits: [{ offset: end, length: 0, newText: ' [how many?]' }] },
  ]);
}

/** Every hit is made here, so all have one shape (a spread of the entry made hits of another). */
function hit(word: string, kind: string, reason: string, start: number, end: number, fixes: Fix[]): GeneralisationHit {
  return { word, kind, reason, start, end, fixes };
}

/**
 * The word at `i`, or undefined before the first or after the last. Reads past either end are
 * common here (the words around a cue); answered in range, they never send the optimised code back
 * to be compiled again.
 */
function at(words: readonly Word[], i: number): Word | undefined {
  return i >= 0 && i < words.length ? words[i] : undefined;
}

/** "certain" as a determiner ("certain scholars") rather than an adjective of confidence ("certain that"). */
function certainIsDeterminer(prev: Word | undefined, w: Word, next: Word | undefined): boolean {
  if (!next || w.after !== '' || CERTAIN_SURE_AFTER.has(next.lower)) return false;
  return !(prev && CERTAIN_SURE.has(prev.lower));
}

function namedExample(words: Word[], i: number): boolean {
  for (let k = i + 1; k < words.length && k <= i + 6; k++) {
    const x = words[k]!;
    if (/^(?:including|like|notably)$/.test(x.lower) || (x.lower === 'such' && at(words, k + 1)?.lower === 'as')) {
      const name = at(words, x.lower === 'such' ? k + 2 : k + 1);
      return !!name && /^\p{Lu}/u.test(name.value);
    }
    if (/[.;:!?]/.test(x.before)) return false;
  }
  return false;
}

/** "widely regarded", "generally considered", "commonly believed": a verdict with no one holding it. */
function consensusAt(words: Word[], w: Word): GeneralisationHit | undefined {
  if (!CONSENSUS.has(w.lower)) return undefined;
  const part = at(words, w.index + 1);
  if (!part || part.before !== '' || !OPINION.has(part.lower)) return undefined;
  // A participle, not a past tense: "is widely regarded", ", widely regarded as"; but "experts
  // generally praised the plan" has a subject who praises.
  const prev = at(words, w.index - 1);
  if (prev && w.before === '' && !BE.has(prev.lower)) return undefined;
  // "widely praised by the FDA": a named agent makes the verdict checkable.
  const by = at(words, w.index + 2);
  if (by?.lower === 'by' && part.after === '') {
    const agent = at(words, w.index + 3);
    if (agent && (/^\p{Lu}/u.test(agent.value) || agent.lower === 'the')) return undefined;
  }
  return hit(w.lower, 'vague consensus', 'claims agreement without saying whose', w.start, part.end, [
    { title: 'Ask for the source: insert “[by whom?]”', edits: [{ offset: part.end, length: 0, newText: ' [by whom?]' }] },
  ]);
}

/**
 * Another hedge rule already flags this sentence. A vague quantity is the mildest hedge; next to a
 * stronger one ("may", "critics say") a second note on the same sentence is noise.
 */
function sentenceTaken(words: Word[], taken: Int32Array): boolean {
  const from = words[0]!.start;
  const to = words[words.length - 1]!.end;
  for (let i = 0; i < taken.length; i += 2) if (taken[i]! < to && from < taken[i + 1]!) return true;
  return false;
}
