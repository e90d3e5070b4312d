/**
 * repeated-text: a run of six or more words that occurs again in the same draft, verbatim or
 * nearly (case, punctuation and small inflections aside), and sentences that are near-duplicates
 * of an earlier one. Every occurrence after the first is reported, pointing at the first.
 *
 * How: every block's words are normalised (stem) and hashed as 6-word shingles in one pass; a
 * shingle seen before marks its six words as repeated, and overlapping marks merge into maximal
 * spans. Sentences are also compared by MinHash over word pairs with banded buckets, so each
 * sentence meets only the few earlier sentences that share a bucket. Both passes are linear in the
 * draft's length. Headings count like any other block.
 */
import type { DocumentRule } from '../rule.js';
import type { Fix, RawFinding } from '../types.js';
import type { Block, ParsedDocument } from '../document.js';
import { hash53, normKey, normWords, sentenceRanges, stem, type NormWord } from '../workspace.js';
import { STOPWORDS } from '../data/cruft.js';

/** The guideline's threshold: six words or more. */
export const MIN_WORDS = 6;
/** Word-pair Jaccard at or above which two sentences are near-duplicates. */
const NEAR_JACCARD = 0.6;
const MINHASH_SIZE = 16;
const BAND_ROWS = 2;
/** An overfull bucket (a sentence template repeated many times) is only compared this far. */
const BUCKET_CAP = 8;
/** Function words as normWords spells them, to compare with normalised keys. */
const STOP_STEMS = new Set([...STOPWORDS].map(stem));

interface W extends NormWord {
  block: number;
}

interface Span {
  start: number;
  end: number;
  srcStart: number;
  srcEnd: number;
  kind: 'exact' | 'near';
}

export const repeatedText: DocumentRule = {
  id: 'repeated-text',
  category: 'boilerplate',
  defaultSeverity: 'warning',
  description: 'A run of six or more words, or a sentence, that repeats earlier text of the draft.',
  fixable: true,
  scope: 'document',
  analyse(doc, ctx) {
    const allowed = ctx.config.allowBoilerplate.map(normKey).filter(Boolean);
    const words: W[] = [];
    doc.blocks.forEach((b, i) => {
      for (const w of normWords(b.text, b.offset)) words.push({ ...w, block: i });
    });
    const spans = mergeSpans([...wholeSentences(exactRepeats(words), doc.blocks), ...nearDuplicates(doc.blocks)]);
    const out: RawFinding[] = [];
    for (const s of spans) {
      const key = normKey(doc.text.slice(s.start, s.end));
      if (!hasContent(key)) continue;
      if (allowed.some((a) => a.includes(key) || (key.includes(a) && a.length >= key.length * 0.6))) continue;
      const block = blockAt(doc.blocks, s.start);
      const pull = block !== undefined && isPullQuote(doc.blocks[block]!);
      const n = normWords(doc.text.slice(s.start, s.end)).length;
      const what = s.kind === 'near' ? 'nearly repeats an earlier sentence' : `repeats ${n} words that appeared earlier`;
      const fix = deletion(doc, s.start, s.end);
      out.push({
        offset: s.start,
        length: s.end - s.start,
        message: pull
          ? `This pull-quote ${what}. Keep it only if the layout sets it apart as a pull-quote; otherwise delete it.`
          : `This text ${what} in the draft. Say it once: delete the repeat or rewrite it to add something new.`,
        fixes: fix ? [{ ...fix, preferred: fix.preferred && !pull && s.kind === 'exact' }] : [],
        related: [{ offset: s.srcStart, length: s.srcEnd - s.srcStart, message: 'First occurrence' }],
        data: { kind: s.kind, words: n, pullQuote: pull },
        ...(pull ? { severity: 'info' as const } : {}),
      });
    }
    return out;
  },
};

/** 6-word shingles, hashed; each later occurrence of a seen shingle marks six repeated words. */
function exactRepeats(words: W[]): Span[] {
  const first = new Map<number, number>();
  const spans: Span[] = [];
  let cur: { from: number; to: number; src: number } | undefined;
  const flush = () => {
    if (!cur) return;
    const a = words[cur.from]!;
    const b = words[cur.to - 1]!;
    // The source is as long as the repeat, but never runs past its own block.
    let srcLast = cur.src + (cur.to - cur.from) - 1;
    while (srcLast > cur.src && words[srcLast]!.block !== words[cur.src]!.block) srcLast--;
    spans.push({ start: a.start, end: b.end, srcStart: words[cur.src]!.start, srcEnd: words[srcLast]!.end, kind: 'exact' });
    cur = undefined;
  };
  for (let i = 0; i + MIN_WORDS <= words.length; i++) {
    if (words[i + MIN_WORDS - 1]!.block !== words[i]!.block) continue;
    let key = words[i]!.norm;
    for (let k = 1; k < MIN_WORDS; k++) key += ' ' + words[i + k]!.norm;
    const h = hash53(key);
    const j = first.get(h);
    if (j === undefined) {
      first.set(h, i);
      continue;
    }
    // A shingle overlapping its own first occurrence ("very very very ...") is not a repeat.
    if (j + MIN_WORDS > i) continue;
    if (cur && i <= cur.to && words[i]!.block === words[cur.from]!.block) {
      cur.to = Math.max(cur.to, i + MIN_WORDS);
    } else {
      flush();
      cur = { from: i, to: i + MIN_WORDS, src: j };
    }
  }
  flush();
  return spans;
}

interface Sent {
  start: number;
  end: number;
  pairs: Set<number>;
}

/** Sentences whose word pairs overlap an earlier sentence's by NEAR_JACCARD or more. */
function nearDuplicates(blocks: readonly Block[]): Span[] {
  const spans: Span[] = [];
  const buckets = new Map<number, Sent[]>();
  for (const b of blocks) {
    for (const r of sentenceRanges(b.text)) {
      const ws = normWords(b.text.slice(r.start, r.end));
      if (ws.length < MIN_WORDS) continue;
      const pairs = new Set<number>();
      for (let i = 0; i + 1 < ws.length; i++) pairs.add(hash53(ws[i]!.norm + ' ' + ws[i + 1]!.norm));
      const sent: Sent = { start: b.offset + r.start, end: b.offset + r.end, pairs };
      const sig = minhash(pairs);
      let match: Sent | undefined;
      const bandKeys: number[] = [];
      for (let band = 0; band < MINHASH_SIZE / BAND_ROWS; band++) {
        let k = band;
        for (let r2 = 0; r2 < BAND_ROWS; r2++) k = hash53(`${k}:${sig[band * BAND_ROWS + r2]}`);
        bandKeys.push(k);
        if (match) continue;
        for (const other of buckets.get(k) ?? []) {
          if (jaccard(pairs, other.pairs) >= NEAR_JACCARD) {
            match = other;
            break;
          }
        }
      }
      if (match) {
        spans.push({ start: sent.start, end: sent.end, srcStart: match.start, srcEnd: match.end, kind: 'near' });
        continue;
      }
      for (const k of bandKeys) {
        let list = buckets.get(k);
        if (!list) buckets.set(k, (list = []));
        if (list.length < BUCKET_CAP) list.push(sent);
      }
    }
  }
  return spans;
}

function minhash(set: Set<number>): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(Infinity);
  for (const x of set) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      // Cheap independent permutations: multiply-xorshift with a per-row odd constant.
      let h = Math.imul((x % 4294967296) ^ (i * 0x9e3779b1), 0x85ebca6b + 2 * i);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}

/**
 * A repeat that covers most of its sentence or heading (all but a few framing words, as in
 * "Fast facts: <the headline> explained") takes the whole sentence: the frame says nothing new.
 */
function wholeSentences(spans: Span[], blocks: readonly Block[]): Span[] {
  for (const s of spans) {
    const bi = blockAt(blocks, s.start);
    if (bi === undefined) continue;
    const b = blocks[bi]!;
    for (const r of sentenceRanges(b.text)) {
      const from = b.offset + r.start;
      const to = b.offset + r.end;
      if (to <= s.start || from >= s.end) continue;
      const all = normWords(b.text.slice(r.start, r.end)).length;
      const covered = normWords(b.text.slice(Math.max(r.start, s.start - b.offset), Math.min(r.end, s.end - b.offset))).length;
      if (all - covered <= 3 && covered >= all * 0.7) {
        s.start = Math.min(s.start, from);
        s.end = Math.max(s.end, to);
      }
    }
  }
  return spans;
}

/** Overlapping spans become one, which keeps the first span's source; exact repeats win the kind. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      if (s.kind === 'exact') last.kind = 'exact';
    } else out.push({ ...s });
  }
  return out;
}

/** Spans of only function words ("and it is one of the") are not boilerplate. */
function hasContent(key: string): boolean {
  return key.split(' ').filter((w) => !STOP_STEMS.has(w)).length >= 2;
}

function blockAt(blocks: readonly Block[], offset: number): number | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (offset < b.offset) hi = mid - 1;
    else if (offset >= b.offset + b.text.length) lo = mid + 1;
    else return mid;
  }
  return undefined;
}

/**
 * A pull-quote: a block quote, or a block that is nothing but one quotation (an attribution dash
 * after it allowed). Repeating a quotation that way is a layout device, so it is reported at
 * information level without a preferred fix.
 */
function isPullQuote(b: Block): boolean {
  if (b.quoteDepth > 0) return true;
  const t = b.text.trim();
  return /^["“‘'][^"”]{10,}["”’'][.,]?(?:\s*[—–-]+\s*[\p{L} .'’-]{0,60})?$/u.test(t);
}

/**
 * The fix deleting [start, end). A whole block (or line) goes with its line break and the blank
 * line after it, so paragraph spacing stays clean; whole sentences go with the space after them;
 * a phrase inside a sentence is removable too but never preferred (the sentence may not survive).
 */
export function deletion(doc: ParsedDocument, start: number, end: number): Fix | undefined {
  const text = doc.text;
  let s = start;
  let e = end;
  const lineStart = text.lastIndexOf('\n', s - 1) + 1;
  let lineEnd = text.indexOf('\n', e);
  if (lineEnd < 0) lineEnd = text.length;
  const prefix = text.slice(lineStart, s);
  const suffix = text.slice(e, lineEnd);
  // Markdown markers before the text (#, >, list bullets) and closing #s belong to the line.
  const markup = doc.languageId === 'markdown' ? /^[ \t>#*+-]*(?:\d+[.)][ \t]*)?$/ : /^[ \t]*$/;
  if (markup.test(prefix) && /^[ \t#]*\r?$/.test(suffix)) {
    s = lineStart;
    e = lineEnd;
    // Take the line break and any blank lines after, up to the next line with text.
    let next = e;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    if (next < text.length) {
      e = text.lastIndexOf('\n', next - 1) + 1;
      if (e <= lineEnd) e = next;
    } else {
      // Last line of the draft: take the break before it instead, keeping the final newline.
      let prev = s;
      while (prev > 0 && /\s/.test(text[prev - 1]!)) prev--;
      s = prev;
    }
    return { title: 'Delete this line', edits: [{ offset: s, length: e - s, newText: '' }], preferred: true };
  }
  const sentenceStart = s === lineStart || /[.!?…]["”’')\]]*\s+$/.test(text.slice(Math.max(lineStart, s - 4), s)) || /\s$/.test(prefix) && /[.!?…]["”’')\]]*\s*$/.test(prefix);
  const sentenceEnd = /[.!?…]["”’')\]]*$/.test(text.slice(s, e)) || /^\s*$/.test(suffix);
  if (text[e] === ' ') e++;
  else if (text[s - 1] === ' ') s--;
  const whole = sentenceStart && sentenceEnd;
  return { title: whole ? 'Delete the repeated sentence' : 'Delete this text', edits: [{ offset: s, length: e - s, newText: '' }], preferred: whole };
}
