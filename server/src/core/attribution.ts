/**
 * Who said each quotation of a draft. For every quotation (quotations.ts) it looks for an
 * attribution — a speech cue (said, told, wrote, according to, in a statement, "her remarks", ...)
 * with a speaker — in the sentence holding the quotation, the sentence before and the sentence
 * after, as the guideline asks. A speaker is:
 * - a name, possibly after a title ("OpenAI CEO Sam Altman" → Sam Altman);
 * - a pronoun or a description ("he", "the company", "his lawsuit") that refers back to a name
 *   mentioned earlier in the draft (the most recent fitting one is taken);
 * - or vague: "a source", "one official", "critics", "people familiar with the matter".
 * A quotation in the same paragraph as an attributed one, with no other cue, continues it (news
 * style: a paragraph of quotes has one speaker, named once).
 *
 * It also tells quotations from terms and titles: a quoted word or two, a short fragment woven into
 * the writer's sentence with no cue ("the so-called “wrong side of history”"), or a Title Case
 * name of a work is not someone's speech.
 *
 * Quoted words are masked before cues are looked for, so a speaker's own "I said no" is not an
 * attribution.
 */
import { detach, type Block, type ParsedDocument } from './document.js';
import { sentenceSpansOf } from './nlp.js';
import { documentQuotations, type Memo, type Quotation } from './quotations.js';
import {
  AGENT_NOUNS, ALWAYS_VAGUE, ANONYMOUS_QUALIFIERS, ANONYMOUS_ROLES, BETWEEN_SPEAKER_AND_CUE, CLAUSE_BOUNDARIES, GROUP_NOUNS,
  INDEFINITE, NAME_ABBREVIATIONS, NEGATORS, NOT_NAMES, PRONOUNS, SPEECH_NOUNS, SPEECH_VERBS, TITLES, VAGUE_ALONE,
} from './data/attribution.js';

export type SpeakerKind = 'named' | 'pronoun' | 'description' | 'group' | 'writer' | 'vague';

export interface Speaker {
  kind: SpeakerKind;
  /** Who it is: the name, or the name a pronoun/description refers to; null when unresolved or vague. */
  name: string | null;
  /** The words of the draft that name the speaker ("she", "the company", "a source"). */
  phrase: string;
  /** Document offset and length of `phrase`. */
  offset: number;
  length: number;
  /** For vague speakers: why the source is vague. */
  reason?: string;
}

export interface Attribution {
  /** The cue word(s) ("said", "according to", "remarks", ":" for "Name: “…”"). */
  cue: string;
  cueOffset: number;
  speaker: Speaker;
  /** Where the attribution was found, relative to the quotation. */
  where: 'same' | 'before' | 'after' | 'continued';
}

export type QuotationKind = 'quote' | 'term' | 'title';

export interface AttributedQuotation {
  quotation: Quotation;
  kind: QuotationKind;
  /** The attribution that sources the quotation, if any. */
  attribution: Attribution | null;
  /** A pronoun or description in the window that refers to no one named earlier. */
  unresolved: Speaker | null;
}

// ---------------------------------------------------------------------------------------------
// Lexicon lookups

const CUE_FORMS = new Set<string>();
for (const g of SPEECH_VERBS) {
  for (const v of g.verbs) {
    const stem = v.endsWith('e') ? v.slice(0, -1) : v;
    CUE_FORMS.add(v).add(v + 's').add(v.endsWith('e') ? v + 'd' : v + 'ed').add(stem + 'ing');
  }
  for (const f of g.forms ?? []) CUE_FORMS.add(f);
}
const NOUN_CUES = new Set(SPEECH_NOUNS);
const NEGATE = new Set(NEGATORS);
const VAGUE_HEADS = new Map(Object.entries(ALWAYS_VAGUE));
const QUALIFIERS = new Set(ANONYMOUS_QUALIFIERS);
const ROLES = new Set(ANONYMOUS_ROLES);
const INDEF = new Set(INDEFINITE);
const ALONE = new Set(VAGUE_ALONE);
const AGENTS = new Set(AGENT_NOUNS);
const GROUPS = new Set(GROUP_NOUNS);
const TITLE_WORDS = new Set(TITLES);
const ABBREV = new Set(NAME_ABBREVIATIONS);
const NOT_NAME = new Set(NOT_NAMES);
const BETWEEN = new Set(BETWEEN_SPEAKER_AND_CUE);
const BOUNDARY = new Set(CLAUSE_BOUNDARIES);
/** Cues whose speaker may follow them after a quotation ("…,” said Altman). */
const INVERTIBLE = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'continued', 'continues', 'explained', 'noted', 'notes', 'recalled', 'replied', 'responded', 'insisted', 'argued', 'warned', 'declared', 'tweeted', 'posted', 'quipped', 'joked', 'remarked', 'observed', 'concluded', 'stated', 'countered', 'shot', 'fired', 'reads', 'read']);
const DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

// ---------------------------------------------------------------------------------------------
// Tokens of the draft with quotations masked

/** Marks where a quotation stood in the masked text. */
const QUOTE_CHAR = '\uE000';

/** A token of one unit; offsets are relative to the unit's start (so a unit's tokens can be kept across edits above it). */
interface Tok {
  kind: 'w' | 'p' | 'q';
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN_RE = /\uE000|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-.&][\p{L}\p{N}]+)*(?:['’](?=\s))?|[,;:()\u2014\u2013\u2015]|-{1,2}|[.!?]+/gu;

/** First characters of TOKEN_RE's punctuation alternatives. */
const PUNCT_FIRST = ',;:()\u2014\u2013\u2015-.!?';

function lowerWord(t: string): string {
  const lower = t.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Tokens of masked[from..to), offsets relative to `from`. */
function tokensIn(masked: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = from;
  for (let m = TOKEN_RE.exec(masked); m && m.index < to; m = TOKEN_RE.exec(masked)) {
    // Tokens are kept across edits (memo): a long one must not hold this version of the draft.
    const t = m[0].length > 12 ? detach(m[0]) : m[0];
    const start = m.index - from;
    if (t === QUOTE_CHAR) out.push({ kind: 'q', text: t, lower: t, start, end: start + 1 });
    // A token is punctuation or a word from its first character (the pattern's alternatives do not mix).
    else if (PUNCT_FIRST.includes(t[0]!)) out.push({ kind: 'p', text: t, lower: t, start, end: start + t.length });
    else out.push({ kind: 'w', text: t, lower: lowerWord(t), start, end: start + t.length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentence units

interface Unit {
  start: number;
  end: number;
  block: number;
  /** Paragraph number (a block, or a line of a block that uses single line breaks). */
  para: number;
  heading: boolean;
}

/**
 * Sentences of the draft in document offsets, split at line breaks that end a paragraph, then
 * joined so that no quotation is cut in two and a sentence that starts in lower case ("… !” she
 * said.") stays with the one before.
 */
function unitsOf(doc: ParsedDocument, quotes: Quotation[], memo?: Memo): Unit[] {
  const units: Unit[] = [];
  let para = 0;
  // Quotations are in order and do not overlap: the first one ending after a unit's start is the
  // only one that can run across the boundary with the unit before.
  let qi = 0;
  /** Whether the last unit's text ends with a closing quotation mark (its last raw piece decides). */
  let prevEndsQuote = false;
  doc.blocks.forEach((block, bi) => {
    const raw = doc.text.slice(block.offset, block.offset + block.text.length);
    // Performance: a block's sentence pieces are block-relative and kept by its text across edits.
    const pieces = memo ? memo('attribution.pieces', raw === block.text ? block.text : `${block.text}\u0000${raw}`, () => piecesOf(block, raw)) : piecesOf(block, raw);
    const heading = block.kind === 'heading';
    for (const p of pieces.list) {
      if (p.blank) continue;
      const start = block.offset + p.start;
      const end = block.offset + p.end;
      const prev = units[units.length - 1];
      while (qi < quotes.length && quotes[qi]!.end <= start) qi++;
      const across = quotes[qi];
      const cut = prev && across && across.start < prev.end && across.mark !== 'block';
      // "“…!” she said." and "“…” ― Jane Doe" belong with the quotation before them.
      const lowerStart = prev && prev.block === bi && prev.para === para + p.para && p.lowerStart && prevEndsQuote;
      if (prev && (cut || lowerStart)) prev.end = end;
      else units.push({ start, end, block: bi, para: para + p.para, heading });
      // A joined unit's text ends with this piece, which is not blank: its end is this piece's end.
      prevEndsQuote = p.endsQuote;
    }
    para += pieces.paras;
  });
  return units;
}

/** A sentence (or a line of one) of a block, block-relative, with what joining units needs of its text. */
interface Piece {
  start: number;
  end: number;
  /** Paragraph number within the block, from 1. */
  para: number;
  blank: boolean;
  /** Starts in lower case or with a dash ("… !” she said.", "― Jane Doe"). */
  lowerStart: boolean;
  /** Ends with a closing quotation mark. */
  endsQuote: boolean;
}

/**
 * Sentences of a block split at line breaks that end a paragraph. `raw` is the block's slice of the
 * draft (the unit texts are read there, as the tokens are).
 */
function piecesOf(block: Block, raw: string): { list: Piece[]; paras: number } {
  const list: Piece[] = [];
  let para = 1;
  let last = 0;
  const text = block.text;
  const push = (start: number, end: number) => {
    const t = raw.slice(start, end);
    list.push({
      start,
      end,
      para,
      blank: !t.trim(),
      lowerStart: /^[\s"“”’']*(?:\p{Ll}|[\u2014\u2013\u2015-])/u.test(t),
      endsQuote: /["”’'][\s]*$/.test(t),
    });
  };
  for (const s of sentenceSpansOf(block)) {
    let from = s.start;
    // A sentence that starts on a new line starts a new paragraph (drafts with single line breaks).
    if (last > 0 && text.slice(last, s.start).includes('\n')) para++;
    last = s.end;
    for (let i = s.start; i < s.end; i++) {
      if (text[i] !== '\n') continue;
      const before = text.slice(from, i).trimEnd();
      const after = text.slice(i + 1, s.end).trimStart();
      if (before && after && (/[.!?:"”’)]$/.test(before) || /^[\p{Lu}"“‘'\-*•–—#\d]/u.test(after) && !/[,;]$/.test(before))) {
        push(from, i);
        para++;
        from = i + 1;
      }
    }
    push(from, s.end);
  }
  return { list, paras: para };
}

// ---------------------------------------------------------------------------------------------
// Names mentioned in the draft, for pronouns and descriptions

interface Mention {
  name: string;
  offset: number;
  person: boolean;
}

function isCap(t: Tok | undefined): boolean {
  if (!t || t.kind !== 'w') return false;
  // Performance: asked of every word of a draft; an ASCII first letter needs no Unicode look-up.
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t.text);
}

/** Runs of capitalised words, read left to right from token `i`, allowing "Dr." and initials. */
function capitalRun(toks: Tok[], i: number): number {
  let j = i;
  while (j < toks.length) {
    const t = toks[j]!;
    if (isCap(t)) {
      j++;
      continue;
    }
    if (t.kind === 'p' && t.text === '.' && j > i && (ABBREV.has(toks[j - 1]!.lower) || /^\p{Lu}$/u.test(toks[j - 1]!.text)) && isCap(toks[j + 1])) {
      j++;
      continue;
    }
    if (t.kind === 'w' && /^(?:de|van|von|der|al|bin|da|di|la|le|del|of)$/.test(t.text) && j > i && isCap(toks[j + 1])) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** The name in the capitalised words `words`, titles and honorifics stripped ("OpenAI CEO Sam Altman" → "Sam Altman"). */
function nameOf(words: Tok[]): string | null {
  let ws = words.filter((t) => t.kind === 'w');
  while (ws.length && NOT_NAME.has(ws[0]!.lower)) ws = ws.slice(1);
  if (!ws.length || ws.every((t) => NOT_NAME.has(t.lower) || TITLE_WORDS.has(t.lower))) return null;
  let lastTitle = -1;
  ws.forEach((t, k) => {
    if (TITLE_WORDS.has(t.lower.replace(/\.$/, '')) && k < ws.length - 1) lastTitle = k;
  });
  const rest = ws.slice(lastTitle + 1);
  const name = (rest.length ? rest : ws).map((t) => t.text).join(' ');
  return name.replace(/['’]s$/, '');
}

/** A capitalised run of a unit that may name someone, as far as the unit alone decides. */
interface NameRun {
  /** Unit-relative offset of the run. */
  offset: number;
  name: string;
  nameWords: string[];
  /** A lone capitalised word opening a sentence: a name only if the draft does not use it in lower case. */
  maybeCommon: boolean;
  /** A person's name by its shape (2-4 capitalised words). */
  person: boolean;
}

/** The capitalised runs of a unit's tokens that may be names (what does not depend on the rest of the draft). */
function nameRunsOf(toks: Tok[]): NameRun[] {
  const out: NameRun[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isCap(toks[i])) continue;
    const j = capitalRun(toks, i);
    const run = toks.slice(i, j);
    const sentenceStart = i === 0 || toks[i - 1]!.kind === 'q' || /^[.!?:]+$/.test(toks[i - 1]!.text);
    // A lone capitalised word opening a sentence is usually not a name ("Critics", "Officials").
    const words = run.filter((t) => t.kind === 'w');
    const name = nameOf(run);
    i = j - 1;
    if (!name) continue;
    const nameWords = name.split(' ');
    if (nameWords.length === 1 && (ALWAYS_VAGUE[name.toLowerCase()] || AGENTS.has(name.toLowerCase()) || GROUPS.has(name.toLowerCase()))) continue;
    const person = nameWords.length >= 2 && nameWords.length <= 4 && nameWords.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}\.?$/u.test(w));
    out.push({ offset: run[0]!.start, name, nameWords, maybeCommon: sentenceStart && words.length === 1, person });
  }
  return out;
}

/** Every capitalised run that names someone or something, in document order. */
function mentionsOf(units: Unit[], runsOf: (ui: number) => NameRun[], lowerHas: (w: string) => boolean): Mention[] {
  const out: Mention[] = [];
  // A capitalised word opening a sentence is a name unless the draft also uses it in lower case
  // ("Critics said…" / "the critics") or it is a word of the lexicons.
  // Performance: the lexicons first, then the draft's lower-case words, each answer kept for the
  // run (the same names come back throughout a draft).
  const seen = new Map<string, boolean>();
  /** Whether the name, in lower case, is a common word. */
  const commonWord = (name: string) => {
    let common = seen.get(name);
    if (common === undefined) {
      const w = name.toLowerCase();
      common = NOT_NAME.has(w) || VAGUE_HEADS.has(w) || ROLES.has(w) || GROUPS.has(w) || AGENTS.has(w) || CUE_FORMS.has(w) || ALONE.has(w) || TITLE_WORDS.has(w) || lowerHas(w);
      seen.set(name, common);
    }
    return common;
  };
  const surnames = new Set<string>();
  /** The latest full name for a surname ("Altman" → "Sam Altman"). */
  const full = new Map<string, string>();
  units.forEach((u, ui) => {
    if (u.heading) return;
    for (const r of runsOf(ui)) {
      const { name, nameWords } = r;
      if (r.maybeCommon && !surnames.has(name) && commonWord(name)) continue;
      let person = r.person;
      if (nameWords.length === 1 && surnames.has(name)) person = true;
      if (person && nameWords.length >= 2) {
        surnames.add(nameWords[nameWords.length - 1]!);
        full.set(nameWords[nameWords.length - 1]!, name);
      }
      out.push({ name: nameWords.length === 1 ? full.get(name) ?? name : name, offset: u.start + r.offset, person });
    }
  });
  return out;
}

const LOWER_WORD = /(?<![\p{L}\p{N}'’])\p{Ll}[\p{L}'’-]*/gu;

/**
 * Whether a word occurs in lower case anywhere in the masked draft. With `memo`, the draft is cut
 * into chunks of lines at content-defined points (a word never spans a line break, and the
 * look-behind sees the line break as it would the chunk's start), each chunk's words kept by its
 * text, so an edit re-reads one chunk.
 */
function lowerWords(masked: string, memo?: Memo): (w: string) => boolean {
  if (!memo) {
    const lower = new Set(masked.match(LOWER_WORD) ?? []);
    return (w) => lower.has(w);
  }
  const chunks: Set<string>[] = [];
  let from = 0;
  let lines = 0;
  let pos = 0;
  while (pos < masked.length) {
    const nl = masked.indexOf('\n', pos);
    const end = nl < 0 ? masked.length : nl + 1;
    lines++;
    // A cut after a line chosen by the line's own content (so cuts do not move when text above
    // changes), about one line in 32, or after 512 lines at most. Small chunks: an edit re-reads
    // one, and a look-up asks up to 64 of them before a union of all is built.
    const len = end - pos;
    const cut = end === masked.length || lines >= 512 || (len > 1 && (len * 31 + masked.charCodeAt(pos) + masked.charCodeAt(pos + (len >> 1)) * 7) % 32 === 0);
    if (cut) {
      const text = masked.slice(from, end);
      // Kept across edits: the words are cut from a copy of the chunk, not from this version's draft.
      chunks.push(memo('attribution.lower', text, () => new Set(detach(text).match(LOWER_WORD) ?? [])));
      from = end;
      lines = 0;
    }
    pos = end;
  }
  let union: Set<string> | undefined;
  return (w) => {
    if (chunks.length <= 64) return chunks.some((c) => c.has(w));
    if (!union) {
      union = new Set<string>();
      for (const c of chunks) for (const x of c) union.add(x);
    }
    return union.has(w);
  };
}

/** How many mentions back a pronoun or a surname is looked up (drafts name people again). */
const LOOKBACK = 400;

/** Index of the last mention before `offset` (mentions are in document order), or -1. */
function lastBefore(mentions: Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.offset < offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** "Altman" after "Sam Altman" was mentioned before `offset`: the full name. */
function fullName(mentions: Mention[], name: string, offset: number): string {
  if (name.includes(' ')) return name;
  const last = lastBefore(mentions, offset);
  for (let k = last; k >= 0 && last - k < LOOKBACK; k--) {
    const m = mentions[k]!;
    if (m.person && m.name.endsWith(' ' + name)) return m.name;
  }
  return name;
}

/** The most recent mention before `offset` that fits a pronoun or description. */
function resolve(mentions: Mention[], offset: number, want: 'person' | 'other' | 'any'): string | null {
  let fallback: string | null = null;
  const last = lastBefore(mentions, offset);
  for (let k = last; k >= 0 && last - k < LOOKBACK; k--) {
    const m = mentions[k]!;
    if (want === 'any' || (want === 'person') === m.person) return m.name;
    fallback ??= m.name;
  }
  return fallback;
}

// ---------------------------------------------------------------------------------------------
// Speakers around a cue

interface Found {
  cue: string;
  cueOffset: number;
  speaker: Speaker;
  /** Index of the cue token in its unit (to measure the distance to a quotation). */
  tok: number;
}

const PERSON_DESCRIPTIONS = new Set(['president', 'senator', 'governor', 'mayor', 'candidate', 'nominee', 'congressman', 'congresswoman', 'representative', 'lawmaker', 'minister', 'secretary', 'chairman', 'chairwoman', 'ceo', 'founder', 'cofounder', 'co-founder', 'executive', 'director', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'lawyer', 'attorney', 'prosecutor', 'researcher', 'scientist', 'professor', 'author', 'writer', 'reporter', 'economist', 'analyst', 'doctor', 'leader', 'manager', 'owner', 'investor', 'billionaire', 'entrepreneur', 'activist', 'businessman', 'businesswoman', 'man', 'woman', 'judge', 'pope', 'king', 'queen', 'general', 'commander', 'sheriff', 'chancellor', 'host']);

/** A look-up of the mentions made while finding a unit's attributions, to check a kept result against. */
type Lookup = { want: 'person' | 'other' | 'any'; name?: undefined; result: string | null } | { name: string; result: string };

class SpeakerFinder {
  /** When set, every look-up of the mentions is recorded here. */
  log: Lookup[] | undefined;

  constructor(
    private readonly doc: ParsedDocument,
    private readonly mentions: Mention[],
  ) {}

  /**
   * Classifies the words toks[from..to) (a noun phrase) as a speaker, or undefined. `base` is the
   * document offset the tokens are relative to; `at` the document offset names are looked up before.
   */
  classify(toks: Tok[], from: number, to: number, at: number, base: number): Speaker | undefined {
    const words = toks.slice(from, to).filter((t) => t.kind === 'w');
    if (!words.length) return undefined;
    const start = toks[from]!.start + base;
    const end = toks[to - 1]!.end + base;
    const phrase = this.doc.text.slice(start, end);
    const span = { phrase, offset: start, length: end - start };
    const lowers = words.map((w) => w.lower);
    const head = lowers[lowers.length - 1]!;
    if (PRONOUNS[head] && (words.length === 1 || !/^\p{Lu}/u.test(words[words.length - 1]!.text) || words[words.length - 1]!.text === 'I')) {
      const only = words[words.length - 1]!;
      span.phrase = only.text;
      span.offset = only.start + base;
      span.length = only.end - only.start;
      const kind = PRONOUNS[head]!;
      if (kind === 'writer') return { ...span, kind: 'writer', name: head === 'i' ? 'the writer' : this.resolve(at, 'other') ?? 'the writer' };
      return { ...span, kind: 'pronoun', name: this.resolve(at, kind === 'person' ? 'person' : 'other') };
    }
    const vague = vagueReason(lowers, words);
    if (vague) return { ...span, kind: 'vague', name: null, reason: vague };
    // A possessive ("Musk’s lawsuit", "the company’s statement"): the owner speaks.
    const poss = words.findIndex((w) => /['’]s$|s['’]$/.test(w.text));
    if (poss >= 0 && poss < words.length - 1) {
      const owner = words.slice(0, poss + 1);
      const inner = this.classify(toks, toks.indexOf(owner[0]!), toks.indexOf(owner[owner.length - 1]!) + 1, at, base);
      if (inner && inner.kind !== 'vague') return { ...inner, ...span, kind: inner.kind };
    }
    const caps = namedIn(toks, from, to);
    if (caps) return { ...span, kind: 'named', name: this.fullName(caps, at) };
    if (lowers.length >= 2 && (DETERMINERS.has(lowers[0]!) || DETERMINERS.has(lowers[lowers.length - 2]!)) && AGENTS.has(head)) {
      const owner = lowers[lowers.length - 2]!;
      const want = PERSON_DESCRIPTIONS.has(head) || owner === 'his' || owner === 'her' ? 'person' : 'other';
      return { ...span, kind: 'description', name: this.resolve(at, want) };
    }
    if (GROUPS.has(head) || (AGENTS.has(head) && words.length >= 2)) return { ...span, kind: 'group', name: phrase };
    // "the announcer said", "her doctor wrote": a short definite description names its speaker.
    if (words.length >= 2 && words.length <= 3 && ['the', 'his', 'her', 'their', 'its'].includes(lowers[0]!) && !lowers.slice(1).some((w) => NOT_NAME.has(w))) {
      return { ...span, kind: 'group', name: phrase };
    }
    return undefined;
  }

  private fullName(name: string, at: number): string {
    if (name.includes(' ')) return name;
    const result = fullName(this.mentions, name, at);
    this.log?.push({ name, result });
    return result;
  }

  private resolve(at: number, want: 'person' | 'other' | 'any'): string | null {
    const result = resolve(this.mentions, at, want);
    this.log?.push({ want, result });
    return result;
  }

  /** True when the look-ups in `log` give the same answers before document offset `at` now. */
  replays(log: readonly Lookup[], at: number): boolean {
    for (const l of log) {
      const now = l.name === undefined ? resolve(this.mentions, at, l.want) : fullName(this.mentions, l.name, at);
      if (now !== l.result) return false;
    }
    return true;
  }
}

/** Why the speaker words are vague, or undefined when they are not. */
function vagueReason(lowers: string[], words: Tok[]): string | undefined {
  const head = lowers[lowers.length - 1]!;
  for (const w of lowers) {
    const r = VAGUE_HEADS.get(w);
    if (r) return `${r} (“${words.map((t) => t.text).join(' ')}”)`;
  }
  const phrase = words.map((t) => t.text).join(' ');
  if (lowers.length === 1 && ALONE.has(head)) return `no one in particular (“${phrase}”)`;
  const peopleAt = lowers.findIndex((w) => w === 'people' || w === 'person' || w === 'those' || w === 'someone');
  if (peopleAt >= 0 && lowers.slice(peopleAt + 1).some((w) => QUALIFIERS.has(w))) return `people who are described but not named (“${phrase}”)`;
  const roleAt = lowers.findIndex((w) => ROLES.has(w));
  if (roleAt >= 0) {
    const first = lowers[0]!;
    if (INDEF.has(first)) return `a role without a name (“${phrase}”)`;
    const capsBefore = words.slice(0, roleAt).some((t) => /^\p{Lu}/u.test(t.text) && !NOT_NAME.has(t.lower));
    const capsAfter = words.slice(roleAt + 1).some((t) => /^\p{Lu}/u.test(t.text) && !NOT_NAME.has(t.lower));
    if (roleAt === 0 && !capsAfter && /s$/.test(lowers[roleAt]!) && !GROUPS.has(lowers[roleAt]!)) return `a role without a name (“${phrase}”)`;
    if (roleAt === 0 && !capsBefore && !capsAfter && ['officials', 'aides', 'advisers', 'advisors', 'staffers', 'insiders', 'people'].includes(lowers[0]!)) return `a role without a name (“${phrase}”)`;
  }
  return undefined;
}

/** A name among toks[from..to): the last capitalised run that is a name. */
function namedIn(toks: Tok[], from: number, to: number): string | null {
  let found: string | null = null;
  for (let i = from; i < to; i++) {
    if (!isCap(toks[i])) continue;
    const j = Math.min(capitalRun(toks, i), to);
    const name = nameOf(toks.slice(i, j));
    if (name && !(j - i === 1 && (AGENTS.has(toks[i]!.lower) || GROUPS.has(toks[i]!.lower)))) found = name;
    i = j - 1;
  }
  return found;
}

/**
 * The noun phrase that ends at token `end` (inclusive), read leftwards: at most 9 words, stopping
 * at punctuation, a quotation or a word that begins a clause. Returns [from, end + 1).
 */
function phraseLeft(toks: Tok[], end: number): [number, number] | undefined {
  let i = end;
  let words = 0;
  while (i >= 0 && words < 9) {
    const t = toks[i]!;
    if (t.kind === 'w') {
      if (BOUNDARY.has(t.lower) && !(t.lower === 'and' && isCap(toks[i - 1]) && isCap(toks[i + 1]))) break;
      if (CUE_FORMS.has(t.lower) && i !== end && !isCap(t)) break;
      words++;
      i--;
      continue;
    }
    if (t.kind === 'p' && t.text === '.' && i > 0 && (ABBREV.has(toks[i - 1]!.lower) || /^\p{Lu}$/u.test(toks[i - 1]!.text))) {
      i--;
      continue;
    }
    break;
  }
  return i === end ? undefined : [i + 1, end + 1];
}

/** The noun phrase that starts at token `from`, read rightwards (after "said", "according to"). */
function phraseRight(toks: Tok[], from: number): [number, number] | undefined {
  let i = from;
  let words = 0;
  while (i < toks.length && words < 9) {
    const t = toks[i]!;
    if (t.kind === 'w') {
      if (i > from && (BOUNDARY.has(t.lower) || CUE_FORMS.has(t.lower) || BETWEEN.has(t.lower) || /^(?:on|in|at|during|after|before|to|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|recently|earlier|later|told)$/.test(t.lower))) {
        // "people familiar with the matter" keeps its "with"; "said Smith in a statement" stops.
        if (!(t.lower === 'with' || t.lower === 'who' || t.lower === 'to' && /^(?:close|familiar)$/.test(toks[i - 1]!.lower))) break;
      }
      words++;
      i++;
      continue;
    }
    if (t.kind === 'p' && t.text === '.' && i > from && (ABBREV.has(toks[i - 1]!.lower) || /^\p{Lu}$/u.test(toks[i - 1]!.text)) && isCap(toks[i + 1])) {
      i++;
      continue;
    }
    break;
  }
  return i === from ? undefined : [from, i];
}

/** A function that records an attribution if the phrase `r` names a speaker. */
type Push = (cueIndex: number, r: [number, number] | undefined, cue?: string) => boolean;

/** `base`: the document offset `toks` are relative to. */
function pusher(toks: Tok[], finder: SpeakerFinder, out: Found[], base: number): Push {
  const at = atOf(toks, base);
  return (cueIndex, r, cue) => {
    if (!r) return false;
    const speaker = finder.classify(toks, r[0], r[1], at, base);
    if (!speaker) return false;
    const cueTok = toks[cueIndex]!;
    out.push({ cue: cue ?? cueTok.text, cueOffset: cueTok.start + base, speaker, tok: cueIndex });
    return true;
  };
}

/** Where the speakers of a unit are looked up: before its first token. */
function atOf(toks: Tok[], base: number): number {
  return toks.length ? toks[0]!.start + base : 0;
}

/** Attributions by cue words in one unit's tokens (quotation contents are masked). */
function attributionsIn(toks: Tok[], finder: SpeakerFinder, base: number): Found[] {
  const out: Found[] = [];
  const push = pusher(toks, finder, out, base);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'w') continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    // "according to X", "as X put it" (the cue is 'put'; the speaker on the left).
    if (t.lower === 'according' && next?.lower === 'to') {
      push(i, phraseRight(toks, i + 2), 'according to');
      continue;
    }
    if (CUE_FORMS.has(t.lower) && !isCap(t) || (CUE_FORMS.has(t.lower) && i > 0 && INVERTIBLE.has(t.lower))) {
      if (prev && prev.kind === 'w' && NEGATE.has(prev.lower)) continue;
      // After a quotation or at a clause start, the speaker may follow: "…,” said Altman.
      const afterQuote = !prev || prev.kind === 'q' || (prev.kind === 'p' && /^[,:;(\u2014\u2013-]+$/.test(prev.text)) && toks[i - 2]?.kind === 'q';
      if (INVERTIBLE.has(t.lower) && afterQuote && next?.kind === 'w' && push(i, phraseRight(toks, i + 1))) continue;
      let j = i - 1;
      while (j >= 0 && toks[j]!.kind === 'w' && BETWEEN.has(toks[j]!.lower)) j--;
      let done = false;
      for (const r of leftCandidates(toks, j)) if ((done = push(i, r))) break;
      if (done) continue;
      if (INVERTIBLE.has(t.lower) && next?.kind === 'w' && push(i, phraseRight(toks, i + 1))) continue;
      // "… before asking her, “…”", "…, adding: “…”": the subject of the clause speaks.
      if ((/ing$/.test(t.lower) || (j >= 0 && toks[j]!.kind === 'w' && BOUNDARY.has(toks[j]!.lower))) && push(i, clauseSubject(toks, i))) continue;
      // "quotes", "comments", "remarks" are nouns as well: try them as such below.
      if (!NOUN_CUES.has(t.lower)) continue;
    }
    if (NOUN_CUES.has(t.lower)) {
      // "Musk's argument", "her remarks", "comments by the mayor", "in a statement, the company ...".
      if (prev?.kind === 'w' && /['’]s$|s['’]$/.test(prev.text)) {
        // The owner: the possessive word with the capitalised words and the determiner before it.
        let k = i - 1;
        while (k > 0 && (isCap(toks[k - 1]) || (toks[k - 1]!.kind === 'p' && toks[k - 1]!.text === '.' && isCap(toks[k - 2])))) k--;
        if (k > 0 && toks[k - 1]!.kind === 'w' && DETERMINERS.has(toks[k - 1]!.lower)) k--;
        if (push(i, [k, i])) continue;
      }
      if (prev?.kind === 'w' && ['his', 'her', 'their', 'its'].includes(prev.lower)) {
        if (push(i, [i - 1, i])) continue;
      }
      if (next?.kind === 'w' && (next.lower === 'by' || next.lower === 'from' || next.lower === 'of')) {
        const r = phraseRight(toks, i + 2);
        if (r && namedIn(toks, r[0], r[1]) && push(i, r)) continue;
      }
    }
  }
  return out;
}

/** "Altman: “…”" — a name as a label before the quotation token `qTok`; "“…” — Sam Altman" after it. */
function labelAttributions(toks: Tok[], finder: SpeakerFinder, qTok: number, base: number): Found[] {
  const out: Found[] = [];
  const push = pusher(toks, finder, out, base);
  const colon = toks[qTok - 1];
  if (colon?.kind === 'p' && colon.text === ':' && qTok >= 2 && !CUE_FORMS.has(toks[qTok - 2]!.lower)) {
    const r = phraseLeft(toks, qTok - 2);
    if (r && r[0] === 0 && namedIn(toks, r[0], r[1])) push(qTok - 1, r, ':');
  }
  const dash = toks[qTok + 1];
  if (dash?.kind === 'p' && /^(?:\u2014|\u2013|\u2015|-{1,2})$/.test(dash.text)) {
    const r = phraseRight(toks, qTok + 2);
    if (r && namedIn(toks, r[0], r[1])) push(qTok + 1, r, dash.text);
  }
  return out;
}


/** Skips a parenthetical ending at token `j` ("Sen. Claire McCaskill (D-Mo.)"): the token before it. */
function skipParen(toks: Tok[], j: number): number {
  if (toks[j]?.kind !== 'p' || toks[j]!.text !== ')') return j;
  let k = j - 1;
  while (k >= 0 && !(toks[k]!.kind === 'p' && toks[k]!.text === '(') && j - k < 12) k--;
  return k >= 0 && toks[k]!.text === '(' ? k - 1 : j;
}

/** The phrases that may name the speaker of a cue whose left neighbour is token `j`, best first. */
function leftCandidates(toks: Tok[], j: number): [number, number][] {
  j = skipParen(toks, j);
  if (j < 0) return [];
  const t = toks[j]!;
  if (t.kind === 'w') {
    const r = phraseLeft(toks, j);
    return r ? [r] : [];
  }
  if (t.kind !== 'p' || t.text !== ',') return [];
  // "Sam Altman, OpenAI's chief executive, said": the name before the apposition first.
  const out: [number, number][] = [];
  let m = skipParen(toks, j - 1);
  while (m >= 0 && j - m < 16) {
    const x = toks[m]!;
    if (x.kind === 'q' || (x.kind === 'p' && x.text !== '.' && x.text !== ')')) break;
    // An unmatched ")" (a list number "2)") leaves skipParen where it was: step over it.
    const skipped = x.kind === 'p' && x.text === ')' ? skipParen(toks, m) : m - 1;
    m = skipped === m ? m - 1 : skipped;
  }
  if (m >= 0 && toks[m]!.kind === 'p' && toks[m]!.text === ',') {
    const r = phraseLeft(toks, skipParen(toks, m - 1));
    if (r) out.push(r);
  }
  const appo = phraseLeft(toks, skipParen(toks, j - 1));
  if (appo) out.push(appo);
  return out;
}

/** The first name or pronoun of the clause holding token `i` (after the last quotation before it). */
function clauseSubject(toks: Tok[], i: number): [number, number] | undefined {
  let from = 0;
  for (let k = i - 1; k >= 0; k--) {
    if (toks[k]!.kind === 'q') {
      from = k + 1;
      break;
    }
  }
  for (let k = from; k < i; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w') continue;
    if (PRONOUNS[t.lower] && t.lower !== 'it') return [k, k + 1];
    if (isCap(t) && !NOT_NAME.has(t.lower)) return [k, Math.min(capitalRun(toks, k), i)];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Quotation or term?

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'but', 'is', 'vs', 'de']);

function wordsOfContent(content: string): string[] {
  return content.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** "Mostly True", "The Art of the Deal": every word but the small ones capitalised. */
function isTitleCase(words: string[]): boolean {
  return words.length > 0 && words.length <= 12 && words.every((w, k) => /^[\p{Lu}\p{N}]/u.test(w) || (k > 0 && SMALL_WORDS.has(w.toLowerCase())));
}

// ---------------------------------------------------------------------------------------------
// The analysis

const memoByDoc = new WeakMap<ParsedDocument, AttributedQuotation[]>();

/**
 * Every quotation of the draft with its kind and attribution (memoised per parsed document, so the
 * three quotation rules share one analysis). With `memo` (RuleContext.memo), the work on each
 * sentence is kept across analyses by its text: a keystroke redoes the changed paragraph, and the
 * rest only where a name it refers back to has changed.
 */
export function attributeQuotations(doc: ParsedDocument, memo?: Memo): AttributedQuotation[] {
  const hit = memoByDoc.get(doc);
  if (hit) return hit;
  const quotes = documentQuotations(doc);
  const units = unitsOf(doc, quotes, memo);
  // Quotation interiors become one marker character plus spaces: cues inside them are the speaker's words.
  const masked = maskQuotations(doc.text, quotes);
  /** What a unit's own text decides: its tokens and the names in it (and, with `memo`, its kept cues). */
  const unitData: (UnitData | undefined)[] = new Array(units.length);
  const cells: (CueCell | undefined)[] = new Array(units.length);
  const dataOf = (ui: number): UnitData => {
    let d = unitData[ui];
    if (!d) {
      if (memo) blockData(ui);
      d = unitData[ui] ??= unitDataOf(masked, units[ui]!);
    }
    return d;
  };
  /**
   * Performance: the units that start and end in the block of unit `ui` are kept together, by the
   * block's masked text and their places in it (one memo entry per paragraph). A unit that runs on
   * into the next block (a quotation over several paragraphs) is worked out again each time.
   */
  const blockData = (ui: number): void => {
    const bi = units[ui]!.block;
    let first = ui;
    while (first > 0 && units[first - 1]!.block === bi) first--;
    const block = doc.blocks[bi]!;
    const end = block.offset + block.text.length;
    let last = first;
    while (last < units.length && units[last]!.block === bi && units[last]!.end <= end) last++;
    if (last === first) return;
    // What decides the units' data: the masked text from the block's start to just past the first
    // white space after its end, and the units' places in it. Performance: when the masked block
    // is the block's own text, that text object (kept by the engine across edits, its hash cached)
    // is the key, and the variants kept under it are told apart by the units' places and the few
    // masked characters after the block, compared as they are (no key string is built). Otherwise
    // a copy of the masked block (a slice would keep this version of the draft alive) is the key.
    const stop = spaceAfter(masked, end);
    const maskedBlock = masked.slice(block.offset, end);
    const variants = memo!('attribution.block', maskedBlock === block.text ? block.text : detach(maskedBlock), (): KeptBlock[] => []);
    const tail = masked.slice(end, stop);
    let kept = variants.find((v) => v.tail === tail && samePlaces(v.places, units, first, last, block.offset));
    if (!kept) {
      // A block's text rarely comes with more than a few layouts of units: the variants stay few.
      if (variants.length >= 8) variants.length = 0;
      const inside = units.slice(first, last);
      kept = {
        places: inside.flatMap((u) => [u.start - block.offset, u.end - block.offset]),
        tail: detach(tail),
        data: inside.map((u) => unitDataOf(masked, u)),
        cells: inside.map((): CueCell => ({ found: null, log: [] })),
      };
      variants.push(kept);
    }
    for (let k = 0; k < last - first; k++) {
      unitData[first + k] = kept.data[k];
      cells[first + k] = kept.cells[k];
    }
  };
  // Without `memo` (one analysis, a whole draft at once), only the units next to a quotation keep
  // their tokens: the speakers are looked for there, and a unit's names are all the others are
  // read for. Performance: a 1M-word draft held about a hundred bytes a token otherwise.
  const nearQuote = memo ? undefined : unitsNearQuotes(units, quotes);
  const runsOf = (ui: number): NameRun[] =>
    !nearQuote || nearQuote[ui] || unitData[ui] ? dataOf(ui).runs : unitDataOf(masked, units[ui]!).runs;
  const mentions = mentionsOf(units, runsOf, lowerWords(masked, memo));
  const finder = new SpeakerFinder(doc, mentions);
  const unitOf = (offset: number): number => {
    // Units are in document order and do not overlap: binary search.
    let lo = 0;
    let hi = units.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = units[mid]!;
      if (offset < u.start) hi = mid - 1;
      else if (offset >= u.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  const toksOf = (ui: number): Tok[] => dataOf(ui).toks;
  const found = new Map<number, Found[]>();
  const cuesOf = (ui: number): Found[] => {
    let f = found.get(ui);
    if (!f) {
      const base = units[ui]!.start;
      const toks = toksOf(ui);
      const cell = cells[ui];
      if (cell) {
        // The cues of a unit depend on its text and on the names mentioned before it: kept with the
        // text, and checked by asking the mentions the same questions again (cheap look-ups).
        const at = atOf(toks, base);
        if (!cell.found || !finder.replays(cell.log, at)) {
          finder.log = [];
          cell.found = attributionsIn(toks, finder, base).map((x) => shiftFound(x, -base));
          cell.log = finder.log;
          finder.log = undefined;
        }
        f = cell.found.map((x) => shiftFound(x, base));
      } else f = attributionsIn(toks, finder, base);
      found.set(ui, f);
    }
    return f;
  };
  const foundIn = (ui: number): Found[] => (units[ui]!.heading ? [] : cuesOf(ui));
  const out: AttributedQuotation[] = [];
  quotes.forEach((q) => {
    let ui = unitOf(q.start);
    if (ui < 0) ui = firstUnitFrom(units, q.start);
    const unit = units[ui];
    let attribution: Attribution | null = null;
    let unresolved: Speaker | null = null;
    let kind: QuotationKind = 'quote';
    const words = wordsOfContent(q.content);
    if (unit) {
      const toks = toksOf(ui);
      const qTok = tokenAt(toks, q.start - unit.start);
      const same = [...cuesOf(ui), ...(qTok >= 0 ? labelAttributions(toks, finder, qTok, unit.start) : [])].sort((a, b) => Math.abs(a.tok - qTok) - Math.abs(b.tok - qTok));
      const prevTok = toks[qTok - 1];
      const integrated = q.mark !== 'block' && qTok > 0 && prevTok!.kind === 'w' && !CUE_FORMS.has(prevTok!.lower);
      const lowerStart = /^\s*\p{Ll}/u.test(q.content);
      const pick = (list: Found[]): Found | undefined => list.find((f) => f.speaker.kind !== 'vague' && !unresolvedOf(f.speaker)) ?? list[0];
      const best = pick(same);
      if (best) attribution = toAttribution(best, 'same');
      if (q.mark !== 'block' && words.length > 1 && isTitleCase(words) && !/[.!?]\s*$/.test(q.content.trim().replace(/[,;:]$/, ''))) {
        // "The Apprentice", "Mostly True": the name of a work or a rating, not speech.
        kind = 'title';
      } else if (q.mark !== 'block' && words.length <= 2) {
        // A quoted word or two is a term ("soft landing"), even after "called it" — unless the
        // attribution is attached to it as speech is ("“We lost,” Hill said", "He said: “No.”").
        const after = best && best.tok > qTok && best.tok - qTok <= 6 && (toks[qTok + 1]?.text === ',' || /[,!?]\s*$/.test(q.content));
        const before = best && best.tok < qTok && qTok - best.tok <= 2 && /^[,:]$/.test(toks[qTok - 1]?.text ?? '');
        kind = (after || before) && !integrated ? 'quote' : 'term';
      } else if (!best && (integrated || lowerStart) && words.length <= 8 && !/[.!?]\s+\p{Lu}/u.test(q.content)) {
        // A short fragment woven into the writer's own sentence with no cue: a term or scare quote.
        kind = 'term';
      }
      if (!attribution) {
        const around: [Found[], 'before' | 'after'][] = [];
        if (ui > 0 && !units[ui - 1]!.heading) around.push([foundIn(ui - 1), 'before']);
        if (ui + 1 < units.length && !units[ui + 1]!.heading) around.push([foundIn(ui + 1), 'after']);
        const named = around.flatMap(([list, where]) => list.filter((f) => f.speaker.kind !== 'vague' && !unresolvedOf(f.speaker)).map((f) => [f, where] as const));
        const any = around.flatMap(([list, where]) => list.map((f) => [f, where] as const));
        const choice = named[0] ?? any[0];
        if (choice) attribution = toAttribution(choice[0], choice[1]);
      }
      if (!attribution && kind === 'quote') {
        // A paragraph of quotations has one speaker: continue the previous quote of the paragraph.
        for (let p = out.length - 1; p >= 0; p--) {
          const prev = out[p]!;
          if (prev.kind !== 'quote') continue;
          // Terms and titles are the writer's words: they neither carry nor break a chain of quotes.
          const pu = units[unitOf(prev.quotation.start)];
          if (!pu || pu.para !== units[ui]!.para && !(pu.block === unit.block - 1 && /^[\s]*["“‘']/.test(doc.text.slice(unit.start, unit.end)) && ui - unitOf(prev.quotation.end - 1) <= 1)) break;
          if (prev.attribution && prev.attribution.speaker.kind !== 'vague') attribution = { ...prev.attribution, where: 'continued' };
          break;
        }
      }
      if (attribution && unresolvedOf(attribution.speaker)) {
        unresolved = attribution.speaker;
        attribution = null;
      }
    }
    out.push({ quotation: q, kind, attribution, unresolved });
  });
  memoByDoc.set(doc, out);
  return out;
}

/** Marks the unit holding each quotation (or the first unit after it) and the units on either side. */
function unitsNearQuotes(units: readonly Unit[], quotes: readonly Quotation[]): Uint8Array {
  const near = new Uint8Array(units.length);
  let ui = 0;
  for (const q of quotes) {
    // Quotations are in order: the unit holding one (or the first after it) never moves back.
    while (ui < units.length && units[ui]!.end <= q.start) ui++;
    for (let k = Math.max(0, ui - 1); k <= ui + 1 && k < units.length; k++) near[k] = 1;
  }
  return near;
}

/** What a unit's own (masked) text decides. */
interface UnitData {
  toks: Tok[];
  runs: NameRun[];
}

/** The data and kept attributions of the units of one block (see blockData in attributeQuotations). */
interface KeptBlock {
  /** Start and end of each unit, relative to the block. */
  places: number[];
  /** The masked characters after the block that its last token may read. */
  tail: string;
  data: UnitData[];
  cells: CueCell[];
}

/** Whether units[first..last) lie at `places` (pairs of start and end) relative to `offset`. */
function samePlaces(places: readonly number[], units: readonly Unit[], first: number, last: number, offset: number): boolean {
  if (places.length !== 2 * (last - first)) return false;
  for (let k = 0; k < last - first; k++) {
    const u = units[first + k]!;
    if (places[2 * k] !== u.start - offset || places[2 * k + 1] !== u.end - offset) return false;
  }
  return true;
}

/** A unit's kept attributions (offsets relative to the unit) and the look-ups they depended on; refreshed in place when those answer differently. */
interface CueCell {
  found: Found[] | null;
  log: Lookup[];
}

function unitDataOf(masked: string, u: Unit): UnitData {
  const toks = tokensIn(masked, u.start, u.end);
  return { toks, runs: nameRunsOf(toks) };
}

/**
 * Just past the first white space at or after `end`: the masked text up to there decides the
 * tokens of units ending by `end` (a token that starts before `end` ends at that space at the
 * latest, and the token pattern looks one character ahead).
 */
function spaceAfter(masked: string, end: number): number {
  SPACE.lastIndex = end;
  const m = SPACE.exec(masked);
  return m ? m.index + 1 : masked.length;
}

const SPACE = /\s/g;

function shiftFound(f: Found, d: number): Found {
  return { ...f, cueOffset: f.cueOffset + d, speaker: { ...f.speaker, offset: f.speaker.offset + d } };
}

/** Index of the first unit starting at or after `offset` (units are in order), or -1. */
function firstUnitFrom(units: Unit[], offset: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < units.length ? lo : -1;
}

/**
 * The draft with each quotation's interior replaced by spaces (line breaks kept) and its first
 * character by QUOTE_CHAR, built from slices (quotations are in order and do not overlap).
 */
function maskQuotations(text: string, quotes: readonly Quotation[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const q of quotes) {
    if (q.start < pos || q.end <= q.start || q.end > text.length) return maskByChar(text, quotes);
    const inner = text.slice(q.start + 1, q.end);
    parts.push(text.slice(pos, q.start), QUOTE_CHAR, inner.includes('\n') ? inner.replace(/[^\n]/g, ' ') : ' '.repeat(inner.length));
    pos = q.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** The general form of maskQuotations, for quotations that would not meet its assumptions. */
function maskByChar(text: string, quotes: readonly Quotation[]): string {
  const chars = text.split('');
  for (const q of quotes) {
    for (let i = q.start; i < q.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
    chars[q.start] = QUOTE_CHAR;
  }
  return chars.join('');
}

/** Index of the quotation token at document offset `offset` in `toks` (binary search), or -1. */
function tokenAt(toks: Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = toks[mid]!;
    if (t.start < offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return t.kind === 'q' ? mid : -1;
  }
  return -1;
}

/** A pronoun or description that found no name to refer to. */
function unresolvedOf(s: Speaker): boolean {
  return (s.kind === 'pronoun' || s.kind === 'description') && s.name === null;
}

function toAttribution(f: Found, where: Attribution['where']): Attribution {
  return { cue: f.cue, cueOffset: f.cueOffset, speaker: f.speaker, where };
}

/** One line of the Outline view: a quotation and who said it. */
export interface QuotationEntry {
  offset: number;
  length: number;
  /** The quoted words without their marks, whitespace collapsed. */
  text: string;
  /** The speaker's name (or the vague phrase), null when no one is named. */
  speaker: string | null;
  vague: boolean;
  kind: QuotationKind;
  closed: boolean;
}

/** Every quotation of the draft with its speaker (or null) and whether the source is vague. */
export function listQuotations(doc: ParsedDocument): QuotationEntry[] {
  return attributeQuotations(doc).map((a) => ({
    offset: a.quotation.start,
    length: a.quotation.end - a.quotation.start,
    text: a.quotation.content.replace(/\s+/g, ' ').trim(),
    speaker: speakerName(a),
    vague: a.attribution?.speaker.kind === 'vague',
    kind: a.kind,
    closed: a.quotation.closed,
  }));
}

/** The name shown for a quotation's speaker: the name, or the vague phrase, or null. */
export function speakerName(a: AttributedQuotation): string | null {
  const s = a.attribution?.speaker;
  if (!s) return null;
  return s.kind === 'vague' ? s.phrase : s.name ?? s.phrase;
}
