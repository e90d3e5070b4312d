/**
 * weasel-attribution: views credited to nobody in particular. Three shapes, decided on the words
 * of each sentence rather than on fixed strings:
 *  - a vague subject with a verb that reports a view: "some argue", "critics say", "other experts
 *    have pointed out", "proponents of X believe", "studies show", "industry watchers are ...";
 *  - "according to" followed by an unnamed source: "according to reports", "according to sources";
 *  - an agentless passive that reports a view: "is believed to", "was expected to", "is being
 *    interpreted as", "are being discussed", "it is said that" (not when "by <someone named>"
 *    follows).
 * Nothing inside a direct quotation; nothing the team allowed; nothing the writer already marked
 * with a bracketed placeholder ("critics [who?] say").
 */
import type { BlockRule } from '../rule.js';
import type { Fix, RawFinding } from '../types.js';
import type { Block } from '../document.js';
import { sentencesOf, wordsOf, type Word } from '../nlp.js';
import { blockQuotations, insideQuotation } from '../quotations.js';
import { memoPerBlock } from '../block-memo.js';
import {
  AGENTLESS_PASSIVES,
  ATTRIBUTION_VERBS,
  EVIDENCE_NOUNS,
  EVIDENCE_VERBS,
  ROLE_NOUNS,
  VAGUE_QUANTIFIERS,
  VAGUE_SOURCE_NOUNS,
  type PassiveEntry,
} from '../data/hedges.js';
import { withArticle } from '../messages.js';

export interface WeaselHit {
  /** Block offsets of the cue words. */
  start: number;
  end: number;
  kind: string;
  reason: string;
  /** The word a team would put on its allow list to silence this cue. */
  cue: string;
  fixes: Fix[];
}

const QUANT = new Map(VAGUE_QUANTIFIERS.map((e) => [e.word, e]));
/** Quantifiers that can stand alone as the subject: "some argue", "others warn". */
const PRONOUN_QUANT = new Set(['some', 'many', 'most', 'several', 'few', 'others']);
const ROLE = new Set(ROLE_NOUNS);
const VAGUE_SOURCE = new Map(VAGUE_SOURCE_NOUNS.map((e) => [e.word, e]));
const EVIDENCE = new Set(EVIDENCE_NOUNS);
const EVIDENCE_VERB = new Set(EVIDENCE_VERBS);
const PASSIVE = new Map(AGENTLESS_PASSIVES.map((e) => [e.word, e]));
/** Verbs whose forms `inflect` cannot derive: built once, not per lemma (this runs at start-up). */
const IRREGULAR: ReadonlyMap<string, readonly string[]> = new Map([
  ['say', ['says', 'said', 'saying']],
  ['think', ['thinks', 'thought', 'thinking']],
  ['feel', ['feels', 'felt', 'feeling']],
  ['see', ['sees', 'saw', 'seen', 'seeing']],
  ['hold', ['holds', 'held', 'holding']],
  ['tell', ['tells', 'told', 'telling']],
  ['admit', ['admits', 'admitted', 'admitting']],
  ['slam', ['slams', 'slammed', 'slamming']],
  ['forecast', ['forecasts', 'forecasting']],
  ['infer', ['infers', 'inferred', 'inferring']],
]);

const ATTRIBUTION = new Set(ATTRIBUTION_VERBS.flatMap(inflect));

const MODAL_AUX = new Set(['may', 'might', 'could', 'would', 'will', 'shall', 'should', 'can', 'must']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", '’s']);
const FINITE_BE = new Set(['is', 'are', 'was', 'were', 'am']);
const AUX = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'shall',
  'should', 'can', 'could', 'may', 'might', 'must', 'continue', 'continues', 'continued', 'to', 'not', 'begun',
  'began', 'begin', 'begins', 'tend', 'tends', 'seem', 'seems', 'appear', 'appears', 'now', 'also', 'still',
]);
/** Adverbs that may sit between a subject or "be" and its verb without changing the frame. */
const ADVERB = new Set(['also', 'still', 'often', 'now', 'long', 'even', 'too', 'however', 'further', 'never', 'always', 'not', 'already', 'once', 'meanwhile', 'instead', 'likewise', 'again', 'yet', 'much', 'well']);
/** Words after which a new clause (and so a new subject) may start. */
const CLAUSE_LINKS = new Set([
  'while', 'but', 'and', 'although', 'though', 'whereas', 'because', 'that', 'as', 'since', 'yet', 'so', 'however',
  'where', 'when', 'if', 'even', 'indeed', 'moreover', 'instead', 'still', 'meanwhile', 'nevertheless', 'or',
  'now', 'then', 'thus', 'hence', 'today', 'what',
]);
const CLAUSE_PUNCT = /[,;:(\u2014\u2013"“‘•*-]/;
/** Words that end a noun phrase: they belong to the verb group or start something else. */
const FUNCTION = new Set([
  ...AUX, 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'and', 'or', 'but', 'who', 'which', 'whom', 'whose',
  'it', 'they', 'he', 'she', 'we', 'you', 'i', 'there', 'if', 'when', 'while', 'as', 'than', 'by', 'for', 'with',
  'on', 'in', 'at', 'of', 'from', 'into', 'about', 'over', 'under', 'after', 'before',
]);
const DETERMINERS = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);
/** Prepositions that may extend a vague subject: "proponents of X", "sources within the company". */
const SUBJECT_PREPS = new Set(['of', 'in', 'within', 'at', 'from', 'across', 'close', 'familiar', 'inside', 'around', 'throughout', 'on']);
/** In a "from/at/by" phrase, a capitalised name makes the source checkable ("research from Stanford"). */
const SOURCE_PREPS = new Set(['from', 'at', 'by']);
/** What may head the phrase after "according to" and leave the source unnamed. */
const UNNAMED_HEADS = new Set([...ROLE_NOUNS, ...EVIDENCE_NOUNS, 'reports', 'report', 'rumors', 'rumours', 'speculation', 'sources', 'source', 'insider', 'someone', 'one', 'some', 'many', 'others', 'estimates', 'people', 'person', 'media', 'documents', 'posts', 'leaks', 'filings']);
const UNNAMED_OPENERS = new Set(['a', 'an', 'some', 'several', 'many', 'multiple', 'unnamed', 'anonymous', 'various', 'numerous', 'one', 'two', 'three', 'industry', 'media', 'recent', 'news', 'unconfirmed', 'local', 'press', 'other']);
/** Adverbs allowed between "be" and a participle: "is widely believed", "was long thought". */
const PASSIVE_ADVERBS = new Set(['widely', 'generally', 'commonly', 'often', 'also', 'still', 'now', 'increasingly', 'long', 'largely', 'broadly', 'frequently', 'sometimes', 'usually', 'popularly', 'universally', 'traditionally', 'privately', 'publicly', 'internally', 'already', 'not', 'further', 'originally', 'initially', 'once', 'previously', 'formerly', 'currently', 'reportedly', 'mistakenly', 'falsely', 'erroneously', 'rightly', 'wrongly', 'even', 'always', 'never', 'mostly', 'possibly', 'probably', 'apparently', 'today', 'locally', 'officially', 'unofficially', 'historically']);
/** Nouns for a view or feeling that, with no holder, float free of any source. */
const OPINION = new Map([
  ['expectation', 'reports an expectation without saying whose it is'],
  ['expectations', 'reports an expectation without saying whose it is'],
  ['consensus', 'claims agreement without saying among whom'],
  ['belief', 'reports a belief without saying who holds it'],
  ['perception', 'reports a perception without saying whose'],
  ['speculation', 'passes on speculation without saying whose'],
  ['concern', 'reports a worry without saying who has it'],
  ['concerns', 'reports a worry without saying who has it'],
  ['fears', 'reports a fear without saying who has it'],
  ['skepticism', 'reports doubt without saying who doubts'],
  ['scepticism', 'reports doubt without saying who doubts'],
  ['suspicion', 'reports a suspicion without saying who holds it'],
  ['sentiment', 'reports a mood without saying whose'],
  ['assumption', 'states an assumption without saying whose'],
  ['rumors', 'passes on rumours without a source'],
  ['rumours', 'passes on rumours without a source'],
]);
/** Adjectives that inflate a floating opinion: "growing concerns", "widespread belief". */
const VAGUE_GROWTH = new Set(['growing', 'widespread', 'mounting', 'increasing', 'general', 'broad', 'common', 'prevailing', 'popular', 'rising', 'persistent', 'lingering', 'some', 'much']);
/** Groups so large that placing a view "within" them names nobody. */
const COMMUNITIES = new Set(['community', 'communities', 'industry', 'sector', 'field', 'world', 'circles', 'public', 'experts', 'analysts', 'observers', 'investors', 'researchers', 'scientists', 'users', 'developers', 'markets', 'establishment']);
/** Possessives that name whose view it is. */
const OWNERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** People whose business is holding views: "some historians trace it to…" attributes a claim whatever the verb. */
const OPINION_HOLDERS = new Set(['critics', 'experts', 'analysts', 'observers', 'commentators', 'pundits', 'scholars', 'historians', 'researchers', 'scientists', 'economists', 'academics', 'theorists', 'reviewers', 'skeptics', 'sceptics', 'detractors', 'specialists', 'authorities', 'commentators', 'insiders', 'sources']);
const LINKING_PREPS = new Set(['of', 'with', 'in', 'within', 'at', 'from', 'to', 'on', 'inside', 'close', 'near', 'across', 'among', 'and']);
/** A bracketed note right after the cue: the writer has already asked for the source. */
const PLACEHOLDER = /^\s*\[[^\]\n]*\]/;

export const weaselAttribution: BlockRule = {
  id: 'weasel-attribution',
  category: 'hedge',
  defaultSeverity: 'warning',
  description: 'Views credited to nobody in particular: "some argue", "critics say", "according to reports", "is believed to".',
  fixable: true,
  scope: 'block',
  analyse(block, ctx) {
    return findWeasels(block, ctx.config.allowWords).map(
      (h): RawFinding => ({
        offset: h.start,
        length: h.end - h.start,
        message: `“${block.text.slice(h.start, h.end)}” is ${withArticle(h.kind)}: it ${h.reason}. Name the source, or cut the claim.`,
        fixes: h.fixes,
        data: { kind: h.kind, cue: h.cue },
      }),
    );
  },
};

const memoFindWeasels = memoPerBlock<WeaselHit[]>();

/** The weasel attributions of `block` outside quotations and allowed words (used by hedge-density too). */
export function findWeasels(block: Block, allowWords: readonly string[]): WeaselHit[] {
  // Performance: hedge-density and vague-generalisation ask again for the same block object; the
  // result is computed once per block (callers must not mutate it).
  return memoFindWeasels(block, allowWords, () => computeFindWeasels(block, allowWords));
}

function computeFindWeasels(block: Block, allowWords: readonly string[]): WeaselHit[] {
  const allowed = new Set(allowWords.map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()));
  const quotes = blockQuotations(block);
  const out: WeaselHit[] = [];
  for (const sentence of sentencesOf(block)) {
    const words = wordsOf(sentence);
    let i = 0;
    while (i < words.length) {
      const hit = matchAt(block.text, words, i);
      if (!hit) {
        i++;
        continue;
      }
      const phrase = block.text.slice(hit.start, hit.end).toLowerCase().replace(/\s+/g, ' ');
      if (!insideQuotation(quotes, hit.start) && !allowed.has(phrase) && !allowed.has(hit.cue)) out.push(hit);
      // Continue after the match so one attribution is reported once.
      while (i < words.length && words[i]!.start < hit.end) i++;
    }
  }
  return out;
}

function matchAt(text: string, words: Word[], i: number): WeaselHit | undefined {
  const w = words[i]!;
  if (w.lower === 'according' && words[i + 1]?.lower === 'to') return accordingTo(text, words, i);
  if (BE.has(w.lower)) {
    const passive = passiveAt(text, words, i);
    if (passive) return passive;
  }
  if (w.lower === 'by' && i > 0) return vagueAgent(text, words, i);
  if (OPINION.has(w.lower)) {
    const nominal = opinionNoun(text, words, i);
    if (nominal) return nominal;
  }
  if (clauseStart(words, i)) return vagueSubject(text, words, i);
  return undefined;
}

/** A word starts a clause: first in the sentence, after clause punctuation, or after a linking word. */
function clauseStart(words: Word[], i: number): boolean {
  if (i === 0) return true;
  const w = words[i]!;
  if (CLAUSE_PUNCT.test(w.before)) return true;
  return CLAUSE_LINKS.has(words[i - 1]!.lower);
}

const isCapitalised = (w: Word) => /^\p{Lu}/u.test(w.value);

/** "Some argue", "Many analysts believe", "Critics of the plan say", "Industry data shows", "Industry watchers are". */
function vagueSubject(text: string, words: Word[], i: number): WeaselHit | undefined {
  let j = i;
  let quant = QUANT.get(words[j]!.lower);
  // "A number of", "a handful of", "a growing number of", "a few": vague counts of people.
  if (words[j]!.lower === 'a') {
    const k = words[j + 1]?.lower === 'growing' ? j + 2 : j + 1;
    const head = words[k]?.lower;
    if (head === 'few') {
      quant = QUANT.get('few');
      j = k;
    } else if ((head === 'number' || head === 'handful' || head === 'minority' || head === 'majority') && words[k + 1]?.lower === 'of') {
      quant = QUANT.get('some');
      j = k + 1;
    } else return undefined;
  }
  if (DETERMINERS.has(words[j]!.lower)) return undefined;
  let headIndex: number;
  let headKind: 'people' | 'evidence' | 'source';
  if (quant) {
    // "some of the critics": skip "of the".
    if (words[j + 1]?.lower === 'of' && /^(?:the|these|those|them)$/.test(words[j + 2]?.lower ?? '')) j += 2;
    const next = words[j + 1];
    if (!next) return undefined;
    if (PRONOUN_QUANT.has(words[j]!.lower) && (AUX.has(next.lower) || ATTRIBUTION.has(next.lower) || ADVERB.has(next.lower) || next.lower.endsWith('ly'))) {
      headIndex = j;
      headKind = 'people';
    } else {
      // Up to two modifiers, then a noun: "many legal scholars", "other experts".
      const found = nounHead(words, j + 1);
      if (found === undefined) return undefined;
      headIndex = found;
      const lower = words[found]!.lower;
      headKind = EVIDENCE.has(lower) ? 'evidence' : 'people';
      // With a quantifier the noun needs only be plural-looking; the verb decides.
      if (!EVIDENCE.has(lower) && !ROLE.has(lower) && !/s$/.test(lower)) return undefined;
    }
  } else {
    const found = nounHead(words, i);
    if (found === undefined) return undefined;
    const lower = words[found]!.lower;
    if (VAGUE_SOURCE.has(lower)) headKind = 'source';
    else if (ROLE.has(lower)) headKind = 'people';
    else if (EVIDENCE.has(lower)) headKind = 'evidence';
    else return undefined;
    headIndex = found;
    // A name among the modifiers makes the group checkable ("Google engineers", "EU regulators").
    for (let k = i; k < found; k++) if (k > 0 && isCapitalised(words[k]!)) return undefined;
    if (found === i && i > 0 && isCapitalised(words[found]!)) return undefined;
  }
  const head = words[headIndex]!;
  if (PLACEHOLDER.test(text.slice(head.end))) return undefined;
  // Optional phrase after the head: "of open-source AI", "within the company", "from institutions like X".
  let k = headIndex + 1;
  let subjectEnd = headIndex;
  if (words[k] && SUBJECT_PREPS.has(words[k]!.lower) && !/[,;:.]/.test(head.after)) {
    const prep = words[k]!.lower;
    let named = false;
    let example = false;
    let m = k + 1;
    for (; m < words.length && m <= k + 8; m++) {
      const x = words[m]!;
      if (AUX.has(x.lower) || ATTRIBUTION.has(x.lower) || EVIDENCE_VERB.has(x.lower)) break;
      if (x.lower === 'like' || x.lower === 'such') example = true;
      if (isCapitalised(x)) named = true;
      if (/[,;:.!?]/.test(x.after)) {
        m = -1;
        break;
      }
    }
    if (m < 0 || m >= words.length || m > k + 8) return undefined;
    if (SOURCE_PREPS.has(prep) && named && !example) return undefined;
    subjectEnd = m - 1;
    k = m;
  }
  if (PLACEHOLDER.test(text.slice(words[subjectEnd]!.end))) return undefined;
  // The verb group: auxiliaries and adverbs, then a verb that reports a view.
  let v = k;
  while (v < words.length && v < k + 4 && (AUX.has(words[v]!.lower) || ADVERB.has(words[v]!.lower) || /^\w+ly$/.test(words[v]!.lower)) && !isVerb(words[v]!.lower, headKind)) v++;
  const verb = words[v];
  const entry = quant ?? VAGUE_SOURCE.get(head.lower);
  const placeholder = headKind === 'evidence' ? ' [which?]' : ' [who?]';
  const fix: Fix = {
    title: `Ask for the source: insert “${placeholder.trim()}”`,
    edits: [{ offset: words[subjectEnd]!.end, length: 0, newText: placeholder }],
  };
  // "regulators may feel more pressure": with a modal the verb is a prediction, not a report of a
  // view, unless the subject is a bare quantifier ("some may argue").
  const modal = words.slice(k, v).some((x) => MODAL_AUX.has(x.lower));
  if (verb && isVerb(verb.lower, headKind) && clauseContinues(words, k, v) && (!modal || (quant && headIndex === j))) {
    let end = verb.end;
    // "pointed out", "point to": the particle belongs to the verb.
    if (/^point/.test(verb.lower) && /^(?:out|to)$/.test(words[v + 1]?.lower ?? '')) end = words[v + 1]!.end;
    const kind = headKind === 'evidence' ? 'vague evidence' : quant ? 'vague attribution' : 'vague source';
    const reason =
      headKind === 'evidence'
        ? 'cites evidence without saying which study, report or data set'
        : entry?.reason ?? 'credits a view to a group without naming anyone in it';
    return { start: words[i]!.start, end, kind, reason, cue: head.lower, fixes: [fix] };
  }
  // "Some historians trace it to…": a vague group of opinion-holders makes any claim a weasel.
  if (quant && OPINION_HOLDERS.has(head.lower) && verb && subjectEnd === headIndex && /^\p{Ll}+$/u.test(verb.lower) && !FUNCTION.has(verb.lower) && clauseContinues(words, k, v)) {
    return { start: words[i]!.start, end: verb.end, kind: 'vague attribution', reason: quant.reason, cue: head.lower, fixes: [fix] };
  }
  // "Industry watchers are closely monitoring": some sources are vague whatever they do.
  if (headKind === 'source' && verb && k < words.length && !/[,;:.]/.test(words[subjectEnd]!.after)) {
    const e = VAGUE_SOURCE.get(head.lower)!;
    return { start: words[i]!.start, end: words[subjectEnd]!.end, kind: e.kind, reason: e.reason, cue: head.lower, fixes: [fix] };
  }
  return undefined;
}

function isVerb(lower: string, kind: 'people' | 'evidence' | 'source'): boolean {
  return kind === 'evidence' ? EVIDENCE_VERB.has(lower) || ATTRIBUTION.has(lower) : ATTRIBUTION.has(lower);
}

/** No clause punctuation between the subject and the verb ("Critics, however, say" is still one clause). */
function clauseContinues(words: Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (/[;:.!?]/.test(words[k]!.before)) return false;
  return !/[;:.!?]/.test(words[to]!.before);
}

/** Index of the noun heading a short phrase from `from`: at most two modifiers, no function words. */
function nounHead(words: Word[], from: number): number | undefined {
  for (let k = from; k < words.length && k <= from + 2; k++) {
    const x = words[k]!;
    if (FUNCTION.has(x.lower) || ATTRIBUTION.has(x.lower) && k > from) return undefined;
    if (ROLE.has(x.lower) || EVIDENCE.has(x.lower)) return k;
    const next = words[k + 1];
    // The head is the last word before the verb group or a preposition.
    if (!next || AUX.has(next.lower) || ATTRIBUTION.has(next.lower) || EVIDENCE_VERB.has(next.lower) || SUBJECT_PREPS.has(next.lower) || /[,;:]/.test(x.after)) return k;
    if (/[.;:!?]/.test(x.after)) return undefined;
  }
  return undefined;
}

/**
 * A view held by nobody named, told as a noun: "the expectation remains that", "there is growing
 * speculation that", "growing concerns within the AI community".
 */
function opinionNoun(text: string, words: Word[], i: number): WeaselHit | undefined {
  const noun = words[i]!;
  const prev = words[i - 1];
  // "his belief that", "the minister's fear that": the holder is named.
  if (prev && (OWNERS.has(prev.lower) || /['’]s?$/.test(prev.value))) return undefined;
  if (PLACEHOLDER.test(text.slice(noun.end))) return undefined;
  let start = i;
  while (start > 0 && start > i - 2 && VAGUE_GROWTH.has(words[start - 1]!.lower) && words[start - 1]!.after === '') start--;
  if (start > 0 && words[start - 1]!.lower === 'the' && words[start - 1]!.after === '') start--;
  const next = words[i + 1];
  const after = words[i + 2];
  if (!next || noun.after !== '') return undefined;
  const e = OPINION.get(noun.lower)!;
  const hit = (end: number): WeaselHit => ({
    start: words[start]!.start,
    end,
    kind: 'vague attribution',
    reason: e,
    cue: noun.lower,
    fixes: [{ title: 'Ask for the source: insert “[whose?]”', edits: [{ offset: noun.end, length: 0, newText: ' [whose?]' }] }],
  });
  // "the expectation remains that", "the consensus is that", "there is speculation that".
  if (next.lower === 'that' && (start < i || words[i - 1]?.lower === 'is' || words[i - 1]?.lower === 'amid')) return hit(noun.end);
  // "The concern is that" usually points back to a concern just named; "remains" or an inflating
  // adjective ("the widespread belief is that") makes it free-floating.
  const inflated = words.slice(start, i).some((x) => VAGUE_GROWTH.has(x.lower));
  if (/^(?:remains|is|was)$/.test(next.lower) && after?.lower === 'that' && next.after === '' && start < i && (next.lower === 'remains' || inflated)) return hit(next.end);
  // "concerns within the AI community", "skepticism among analysts".
  if (/^(?:within|among)$/.test(next.lower)) {
    for (let k = i + 2; k < words.length && k <= i + 6; k++) {
      if (COMMUNITIES.has(words[k]!.lower)) return hit(words[k]!.end);
      if (words[k]!.after !== '' && !/^[-’']$/.test(words[k]!.after)) break;
    }
  }
  return undefined;
}

/** "according to reports", "according to sources within the company": no one named. */
function accordingTo(text: string, words: Word[], i: number): WeaselHit | undefined {
  const first = words[i + 2];
  if (!first || DETERMINERS.has(first.lower) || isCapitalised(first)) return undefined;
  let last = i + 2;
  let unnamedHead = false;
  for (let k = i + 2; k < words.length && k <= i + 11; k++) {
    const x = words[k]!;
    if (isCapitalised(x)) return undefined;
    // "a statement from the county works department", "a report by the auditor's office": a definite
    // body is named as the source, even in lower case.
    if (k > i + 2 && SOURCE_PREPS.has(x.lower) && DETERMINERS.has(words[k + 1]?.lower ?? '')) return undefined;
    if (UNNAMED_HEADS.has(x.lower)) unnamedHead = true;
    last = k;
    if (/[,;:.!?()]/.test(x.after) || PLACEHOLDER.test(text.slice(x.end))) break;
    const next = words[k + 1];
    // "according to reports the firm…": a new noun phrase that no preposition links to the source.
    if (next && next.lower === 'the' && !LINKING_PREPS.has(x.lower)) break;
  }
  if (PLACEHOLDER.test(text.slice(words[last]!.end))) return undefined;
  if (!unnamedHead && !UNNAMED_OPENERS.has(first.lower)) return undefined;
  return {
    start: words[i]!.start,
    end: words[last]!.end,
    kind: 'vague attribution',
    reason: 'points to a source the reader cannot find',
    cue: 'according to',
    fixes: [{ title: 'Ask for the source: insert “[which?]”', edits: [{ offset: words[last]!.end, length: 0, newText: ' [which?]' }] }],
  };
}

/** "is believed to", "was expected to", "is being interpreted as", "are being discussed", "it is said that". */
function passiveAt(text: string, words: Word[], b: number): WeaselHit | undefined {
  const be = words[b]!;
  // "'s" after a noun is a possessive as often as "is": only take "is"-like forms.
  if ((be.lower === "'s" || be.lower === '’s') && !/^(?:it|that|this|he|she)$/.test(words[b - 1]?.lower ?? '')) return undefined;
  let k = b + 1;
  let progressive = be.lower === 'being';
  let perfect = be.lower === 'been';
  while (k < words.length && k < b + 5) {
    const x = words[k]!.lower;
    if (x === 'being') progressive = true;
    else if (x === 'been') perfect = true;
    else if (!PASSIVE_ADVERBS.has(x)) break;
    k++;
  }
  const part = words[k];
  if (!part) return undefined;
  const entry = PASSIVE.get(part.lower);
  if (!entry) return undefined;
  if (PLACEHOLDER.test(text.slice(part.end))) return undefined;
  const impersonal = words[b - 1]?.lower === 'it' || (words[b - 1]?.lower === 'has' && words[b - 2]?.lower === 'it') || (words[b - 1]?.lower === 'had' && words[b - 2]?.lower === 'it');
  // A vague or absent agent keeps the view unattributed; a named one ("by the Treasury") does not.
  let f = k + 1;
  if (words[f]?.lower === 'by') {
    const agentEnd = agentPhrase(words, f + 1);
    if (agentEnd === undefined) return undefined;
    f = agentEnd + 1;
  }
  const frameWord = words[f];
  const start = b > 0 && impersonal && words[b - 1]!.lower === 'it' ? words[b - 1]!.start : impersonal ? words[b - 2]!.start : be.start;
  const sep = frameWord ? frameWord.before : '';
  const hit = (end: number, frame: string): WeaselHit => ({
    start,
    end,
    kind: entry.kind,
    reason: entry.reason,
    cue: part.lower,
    fixes: passiveFixes(words, b, k, f, frame),
  });
  const has = (frame: PassiveEntry['frames'][number]) => entry.frames.includes(frame);
  if (frameWord && sep === '' && frameWord.lower === 'to' && has('to')) return hit(frameWord.end, 'to');
  if (frameWord && sep === '' && frameWord.lower === 'as' && has('as')) return hit(frameWord.end, 'as');
  if (impersonal && has('that') && (!frameWord || frameWord.lower === 'that' || /[,;:.]/.test(part.after))) return hit(part.end, 'that');
  if (has('progressive') && (progressive || (perfect && /^critici[sz]ed$|^questioned$/.test(part.lower))) && words[k + 1]?.lower !== 'by') return hit(part.end, 'progressive');
  if (has('predicate') && frameWord && sep === '' && f === k + 1 && !FUNCTION.has(frameWord.lower)) return hit(part.end, 'predicate');
  if (has('predicate') && frameWord && sep === '' && f === k + 1 && /^(?:a|an|one|the)$/.test(frameWord.lower)) return hit(part.end, 'predicate');
  return undefined;
}

/** "criticised by some", "is considered by many to be", "was dismissed by critics": the agent is nobody in particular. */
function vagueAgent(text: string, words: Word[], i: number): WeaselHit | undefined {
  const prev = words[i - 1]!;
  // Only after a participle: "by some accounts" or "by many measures" is not an agent.
  if (!/(?:ed|en|wn|ght)$/.test(prev.lower) || words[i]!.before !== '') return undefined;
  const first = words[i + 1];
  if (!first) return undefined;
  let end: number | undefined;
  if (PRONOUN_QUANT.has(first.lower) && (first.after !== '' || !words[i + 2] || FUNCTION.has(words[i + 2]!.lower))) end = i + 1;
  else if (QUANT.has(first.lower) && OPINION_HOLDERS.has(words[i + 2]?.lower ?? '')) end = i + 2;
  else if (OPINION_HOLDERS.has(first.lower) && !isCapitalised(first)) end = i + 1;
  if (end === undefined || PLACEHOLDER.test(text.slice(words[end]!.end))) return undefined;
  const q = QUANT.get(first.lower) ?? VAGUE_SOURCE.get(first.lower);
  return {
    start: words[i]!.start,
    end: words[end]!.end,
    kind: 'vague attribution',
    reason: q?.reason ?? 'credits a view to a group without naming anyone in it',
    cue: first.lower,
    fixes: [{ title: 'Ask for the source: insert “[who?]”', edits: [{ offset: words[end]!.end, length: 0, newText: ' [who?]' }] }],
  };
}

/** End index of a vague agent after "by" ("by some", "by many analysts", "by critics"), or undefined when named. */
function agentPhrase(words: Word[], from: number): number | undefined {
  const first = words[from];
  if (!first) return undefined;
  if (QUANT.has(first.lower) || first.lower === 'a' && /^(?:number|few|handful)$/.test(words[from + 1]?.lower ?? '')) {
    let k = from;
    while (k + 1 < words.length && k < from + 3 && !FUNCTION.has(words[k + 1]!.lower) && words[k]!.after === '') k++;
    return k;
  }
  if (ROLE.has(first.lower) || VAGUE_SOURCE.has(first.lower)) return from;
  return undefined;
}

/**
 * Fixes for a passive: always a placeholder asking by whom; and, for "is believed to be", the
 * preferred plain statement "is".
 */
function passiveFixes(words: Word[], b: number, k: number, f: number, frame: string): Fix[] {
  const part = words[k]!;
  const fixes: Fix[] = [];
  const be = words[b]!;
  const beWord = words[f + 1];
  if (frame === 'to' && FINITE_BE.has(be.lower) && beWord?.lower === 'be' && f === k + 1 && words[f]!.before === '' && beWord.before === '') {
    // "is believed to be" → "is": delete from after "is" to the end of "be".
    fixes.push({ title: `State it plainly: “${be.value}”`, edits: [{ offset: be.end, length: beWord.end - be.end, newText: '' }], preferred: true });
  }
  fixes.push({ title: 'Ask for the source: insert “[by whom?]”', edits: [{ offset: part.end, length: 0, newText: ' [by whom?]' }] });
  return fixes;
}

/** Inflections of a verb lemma: say → says, said, saying. */
function inflect(lemma: string): string[] {
  const irregular = IRREGULAR.get(lemma);
  if (irregular) return [lemma, ...irregular];
  const s = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const ed = lemma.endsWith('e') ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`;
  const ing = /[^e]e$/.test(lemma) ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [lemma, s, ed, ing];
}
