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
 *
 * Everything that depends on one block only (its words, shingle hashes, sentences, word-pair
 * sets and MinHash bands) is computed block-relative and memoised by the block's text (ctx.memo),
 * so a keystroke re-normalises one paragraph; the cross-block pass is a linear walk over those
 * hashes with hash maps.
 */
import type { DocumentRule, RuleContext } from '../rule.js';
import type { Fix, RawFinding } from '../types.js';
import type { Block, ParsedDocument } from '../document.js';
import { allowedBoilerplateKeys, hash53, hash53Joined, normWords, sentenceRanges, stem } from '../workspace.js';
import { STOPWORDS } from '../data/cruft.js';

/** The guideline's threshold: six words or more. */
export const MIN_WORDS = 6;
/** Word-pair Jaccard at or above which two sentences are near-duplicates. */
const NEAR_JACCARD = 0.6;
const MINHASH_SIZE = 16;
const BAND_ROWS = 2;
/** An overfull bucket (a sentence template repeated many times) is only compared this far. */
const BUCKET_CAP = 8;
/** Function words as normWords spells them, to compare with normalised keys: made when first needed. */
let stopStems: ReadonlySet<string> | undefined;

/** What the rule needs of one block, with offsets relative to the block (memoised by its text). */
interface BlockFacts {
  /** Offsets of the block's words (normWords), in order. */
  starts: Int32Array;
  ends: Int32Array;
  /** hash53 of the MIN_WORDS-word shingle starting at each word that has one. */
  shingles: Float64Array;
  /** The block's sentences (sentenceRanges), with the range of words inside each. */
  sentences: { start: number; end: number; firstWord: number; words: number }[];
  /** Sentences of MIN_WORDS words or more, as the near-duplicate pass compares them. */
  near: NearFacts[];
  /** The text is one quotation standing alone (see isPullQuote). */
  pullQuote: boolean;
}

interface NearFacts {
  start: number;
  end: number;
  /** Hashes of the sentence's word pairs, sorted, without repeats (a set, for Jaccard). */
  pairs: Float64Array;
  /** The MinHash band keys of `pairs`. */
  bands: number[];
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
    const allowed = allowedBoilerplateKeys(ctx.config.allowBoilerplate);
    const facts = doc.blocks.map((b) => ctx.memo('repeated-text', b.text, () => blockFacts(b.text)));
    const spans = mergeSpans([...wholeSentences(exactRepeats(doc.blocks, facts), doc.blocks, facts), ...nearDuplicates(doc.blocks, facts)]);
    const out: RawFinding[] = [];
    for (const s of spans) {
      const block = blockAt(doc.blocks, s.start);
      const { key, n, content } = spanFactsOf(doc, block, s, ctx);
      if (!content) continue;
      if (allowed.some((a) => a.includes(key) || (key.includes(a) && a.length >= key.length * 0.6))) continue;
      const pull = block !== undefined && (doc.blocks[block]!.quoteDepth > 0 || facts[block]!.pullQuote);
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

/**
 * What a span's own text gives (its normalised key, word count, content test), memoised: the same
 * repeats come back on every keystroke. Performance: a span inside a block whose text is its slice
 * of the draft is kept under that text object (the engine keeps an unchanged paragraph's, so the
 * look-up hashes nothing new) by its place in the block; any other span by its own text.
 */
function spanFactsOf(doc: ParsedDocument, bi: number | undefined, s: Span, ctx: RuleContext): SpanFacts {
  const b = bi === undefined ? undefined : doc.blocks[bi]!;
  const end = b ? b.offset + b.text.length : 0;
  if (b && s.end <= end && doc.text.slice(b.offset, end) === b.text) {
    const spans = ctx.memo('repeated-text-spans', b.text, () => new Map<string, SpanFacts>());
    const place = `${s.start - b.offset}:${s.end - b.offset}`;
    let facts = spans.get(place);
    if (!facts) {
      // The spans found in one paragraph change as the rest of the draft does: keep the recent few.
      if (spans.size >= 64) spans.clear();
      spans.set(place, (facts = spanFacts(b.text.slice(s.start - b.offset, s.end - b.offset))));
    }
    return facts;
  }
  return ctx.memo('repeated-text-span', doc.text.slice(s.start, s.end), () => spanFacts(doc.text.slice(s.start, s.end)));
}

interface SpanFacts {
  key: string;
  n: number;
  content: boolean;
}

function spanFacts(text: string): SpanFacts {
  const ws = normWords(text);
  const key = ws.map((w) => w.norm).join(' ');
  return { key, n: ws.length, content: hasContent(key) };
}

/** The block-relative facts of one block's text; pure, so it can be memoised by the text. */
function blockFacts(text: string): BlockFacts {
  const ws = normWords(text);
  const n = ws.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = ws[i]!.start;
    ends[i] = ws[i]!.end;
  }
  // An array literal filled by push, the kind of array hash53 hands hash53Joined too: one shape.
  const norms: string[] = [];
  for (let i = 0; i < n; i++) norms.push(ws[i]!.norm);
  const shingles = new Float64Array(Math.max(0, n - MIN_WORDS + 1));
  // The hash of the six norms joined by spaces, as a string key would give.
  for (let i = 0; i < shingles.length; i++) shingles[i] = hash53Joined(norms, i, MIN_WORDS);
  // A sentence range starts after whitespace and ends before whitespace (or at the block's
  // edges), so its words are exactly the block's words inside it: no word is cut or re-split.
  const sentences: BlockFacts['sentences'] = [];
  const near: NearFacts[] = [];
  let w = 0;
  for (const r of sentenceRanges(text)) {
    while (w < n && starts[w]! < r.start) w++;
    const firstWord = w;
    while (w < n && ends[w]! <= r.end) w++;
    const count = w - firstWord;
    sentences.push({ start: r.start, end: r.end, firstWord, words: count });
    if (count < MIN_WORDS) continue;
    const raw: number[] = [];
    for (let i = firstWord; i + 1 < w; i++) raw.push(hash53Joined(norms, i, 2));
    const pairs = uniqueSorted(raw);
    const sig = minhash(pairs);
    const bands: number[] = [];
    for (let band = 0; band < MINHASH_SIZE / BAND_ROWS; band++) {
      let k = band;
      for (let r2 = 0; r2 < BAND_ROWS; r2++) k = hash53(`${k}:${sig[band * BAND_ROWS + r2]}`);
      bands.push(k);
    }
    near.push({ start: r.start, end: r.end, pairs, bands });
  }
  return { starts, ends, shingles, sentences, near, pullQuote: isPullQuoteText(text) };
}

function uniqueSorted(xs: number[]): Float64Array {
  const sorted = Float64Array.from(xs).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  return sorted.slice(0, m);
}

/**
 * 6-word shingles, hashed; each later occurrence of a seen shingle marks six repeated words.
 * Shingles never cross a block. Word indexes in `first` are global (blocks in order), so the
 * source of a repeat can be found in any earlier block.
 */
function exactRepeats(blocks: readonly Block[], facts: readonly BlockFacts[]): Span[] {
  const base = new Array<number>(facts.length);
  let total = 0;
  for (let bi = 0; bi < facts.length; bi++) {
    base[bi] = total;
    total += facts[bi]!.starts.length;
  }
  const first = new HashIndex(total);
  const spans: Span[] = [];
  for (let bi = 0; bi < facts.length; bi++) {
    const f = facts[bi]!;
    const b0 = base[bi]!;
    // The open run of repeated words: word indexes [from, to) of this block, source word `src` (global).
    let from = -1;
    let to = -1;
    let src = -1;
    for (let i = 0; i < f.shingles.length; i++) {
      const j = first.getOrSet(f.shingles[i]!, b0 + i);
      if (j < 0) continue;
      // A shingle overlapping its own first occurrence ("very very very ...") is not a repeat.
      if (j + MIN_WORDS > b0 + i) continue;
      if (from >= 0 && i <= to) {
        to = Math.max(to, i + MIN_WORDS);
      } else {
        if (from >= 0) spans.push(exactSpan(blocks, facts, base, bi, from, to, src));
        from = i;
        to = i + MIN_WORDS;
        src = j;
      }
    }
    if (from >= 0) spans.push(exactSpan(blocks, facts, base, bi, from, to, src));
  }
  return spans;
}

/** The span of words [from, to) of block `bi`, repeating from global word `src` on. */
function exactSpan(blocks: readonly Block[], facts: readonly BlockFacts[], base: readonly number[], bi: number, from: number, to: number, src: number): Span {
  // The block holding `src`: the last block starting at or before it (an empty block never is).
  let lo = 0;
  let hi = facts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (base[mid]! <= src) lo = mid;
    else hi = mid - 1;
  }
  const f = facts[bi]!;
  const sf = facts[lo]!;
  const sl = src - base[lo]!;
  // The source is as long as the repeat, but never runs past its own block.
  const srcLast = Math.min(sl + (to - from) - 1, sf.starts.length - 1);
  const off = blocks[bi]!.offset;
  const soff = blocks[lo]!.offset;
  return { start: off + f.starts[from]!, end: off + f.ends[to - 1]!, srcStart: soff + sf.starts[sl]!, srcEnd: soff + sf.ends[srcLast]!, kind: 'exact' };
}

/**
 * A map from 53-bit hashes to non-negative integers, open addressing over typed arrays: the
 * cross-block passes make one lookup per word, and a Map with non-integer keys allocates a heap
 * number per key. Sized once for `n` keys.
 */
class HashIndex {
  private readonly keys: Float64Array;
  private readonly vals: Int32Array;
  private readonly mask: number;
  constructor(n: number) {
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }
  /** The value stored for `key`; when there is none, stores `value` and returns -1. */
  getOrSet(key: number, value: number): number {
    let i = (key >>> 0) & this.mask;
    for (;;) {
      const v = this.vals[i]!;
      if (v < 0) {
        this.keys[i] = key;
        this.vals[i] = value;
        return -1;
      }
      if (this.keys[i] === key) return v;
      i = (i + 1) & this.mask;
    }
  }
  /** The value stored for `key`, or -1. */
  get(key: number): number {
    let i = (key >>> 0) & this.mask;
    for (;;) {
      const v = this.vals[i]!;
      if (v < 0 || this.keys[i] === key) return v;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * Sentences whose word pairs overlap an earlier sentence's by NEAR_JACCARD or more. Buckets are
 * chains in typed arrays rather than arrays of objects: a keystroke re-runs this pass over the
 * whole draft, and thousands of small arrays per run would be most of its cost.
 */
function nearDuplicates(blocks: readonly Block[], facts: readonly BlockFacts[]): Span[] {
  const spans: Span[] = [];
  let count = 0;
  for (const f of facts) count += f.near.length;
  const bands = MINHASH_SIZE / BAND_ROWS;
  // Sentences by id (document order): document offsets and word-pair sets. Offsets are small
  // integers: read from an Int32Array they stay Smis in the spans (a Float64Array gives heap
  // numbers, which turn every Span's fields into doubles and deoptimise their readers).
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const pairs: Float64Array[] = [];
  /** The last sentence compared with each: a sentence in several shared buckets is compared once. */
  const seenBy = new Int32Array(count).fill(-1);
  // Band key → bucket; a bucket is a chain of entries (sentence ids) in insertion order.
  const bucketOf = new HashIndex(count * bands);
  const head = new Int32Array(count * bands);
  const tail = new Int32Array(count * bands);
  const size = new Int32Array(count * bands);
  const entrySent = new Int32Array(count * bands);
  const entryNext = new Int32Array(count * bands);
  let buckets = 0;
  let entries = 0;
  let me = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    const off = blocks[bi]!.offset;
    for (const nf of facts[bi]!.near) {
      starts[me] = off + nf.start;
      ends[me] = off + nf.end;
      pairs.push(nf.pairs);
      let match = -1;
      for (let k = 0; k < bands && match < 0; k++) {
        const bucket = bucketOf.getOrSet(nf.bands[k]!, buckets);
        if (bucket < 0) {
          size[buckets++] = 0;
          continue;
        }
        for (let e = size[bucket]! ? head[bucket]! : -1, n = size[bucket]!; n > 0; e = entryNext[e]!, n--) {
          const other = entrySent[e]!;
          // Compared already through another band, and found too different.
          if (seenBy[other] === me) continue;
          seenBy[other] = me;
          if (nearlyEqual(nf.pairs, pairs[other]!)) {
            match = other;
            break;
          }
        }
      }
      if (match >= 0) {
        spans.push({ start: starts[me]!, end: ends[me]!, srcStart: starts[match]!, srcEnd: ends[match]!, kind: 'near' });
      } else {
        // Every band's bucket exists now: the search above created the missing ones.
        for (let k = 0; k < bands; k++) {
          const bucket = bucketOf.get(nf.bands[k]!);
          if (size[bucket]! >= BUCKET_CAP) continue;
          entrySent[entries] = me;
          if (size[bucket] === 0) head[bucket] = entries;
          else entryNext[tail[bucket]!] = entries;
          tail[bucket] = entries++;
          size[bucket]!++;
        }
      }
      me++;
    }
  }
  return spans;
}

function minhash(set: Float64Array): number[] {
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

/**
 * Whether the Jaccard index of two sorted sets without repeats, both / (|a| + |b| - both), is
 * NEAR_JACCARD or more. The index grows with `both`, so the merge walk stops as soon as even
 * matching every remaining element could not reach the smallest passing `both`.
 */
function nearlyEqual(a: Float64Array, b: Float64Array): boolean {
  const total = a.length + b.length;
  const most = Math.min(a.length, b.length);
  if (most / (total - most || 1) < NEAR_JACCARD) return false;
  // Start just below the algebraic bound T·total/(1+T) and step up with the exact test.
  let need = Math.max(0, Math.floor((NEAR_JACCARD * total) / (1 + NEAR_JACCARD)) - 2);
  while (need / (total - need || 1) < NEAR_JACCARD) need++;
  let both = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (both + Math.min(a.length - i, b.length - j) < need) return false;
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      both++;
      i++;
      j++;
    }
  }
  return both >= need;
}

/**
 * A repeat that covers most of its sentence or heading (all but a few framing words, as in
 * "Fast facts: <the headline> explained") takes the whole sentence: the frame says nothing new.
 */
function wholeSentences(spans: Span[], blocks: readonly Block[], facts: readonly BlockFacts[]): Span[] {
  for (const s of spans) {
    const bi = blockAt(blocks, s.start);
    if (bi === undefined) continue;
    const b = blocks[bi]!;
    const f = facts[bi]!;
    const sents = f.sentences;
    // Sentences are in order and do not overlap: start at the first one ending after the span.
    // Growing the span to a sentence's edges never reaches a sentence already passed or skipped.
    let lo = 0;
    let hi = sents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b.offset + sents[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let x = lo; x < sents.length; x++) {
      const r = sents[x]!;
      const from = b.offset + r.start;
      const to = b.offset + r.end;
      if (from >= s.end) break;
      if (to <= s.start) continue;
      const all = r.words;
      // The covered part starts and ends at word or sentence edges, so counting the block's
      // words inside it gives what normWords of that slice would.
      const cFrom = Math.max(r.start, s.start - b.offset);
      const cTo = Math.min(r.end, s.end - b.offset);
      let covered = 0;
      for (let w = r.firstWord; w < r.firstWord + r.words; w++) if (f.starts[w]! >= cFrom && f.ends[w]! <= cTo) covered++;
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
  const stops = (stopStems ??= new Set([...STOPWORDS].map(stem)));
  return key.split(' ').filter((w) => !stops.has(w)).length >= 2;
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
 * A pull-quote: a block quote (checked by the caller), or a block whose text is nothing but one
 * quotation (an attribution dash after it allowed). Repeating a quotation that way is a layout
 * device, so it is reported at information level without a preferred fix.
 */
function isPullQuoteText(text: string): boolean {
  const t = text.trim();
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
