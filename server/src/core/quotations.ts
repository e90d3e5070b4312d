/**
 * Finds direct quotations. Two levels:
 * - `findQuotations(text)`: the outermost quotation spans of one block's text (what the hedge rules
 *   use, through `blockQuotations(block)`, to skip the speaker's own words);
 * - `documentQuotations(doc)`: quotations of a whole draft, with a quote that runs over several
 *   paragraphs (opening mark on each paragraph, closing mark only on the last) joined into one,
 *   Markdown block quotes as quotations of their own, and quotes that are never closed.
 *
 * Quotation marks are told apart by what stands on each side of them: a straight " after a space
 * opens, one before a space or punctuation closes. Single marks (British style, or quotes nested in
 * a double quotation) are only taken for quotation marks when they cannot be apostrophes: "don’t",
 * "O’Brien" (letters on both sides), "the ’90s", "rock ’n’ roll" (elisions) and "the players’
 * union" (a plural possessive) stay apostrophes, and a single opening mark needs a closing one.
 */
import type { Block, ParsedDocument } from './document.js';
import type { RuleContext } from './rule.js';
import { TextMemo } from './text-memo.js';

export interface QuoteSpan {
  /** Offset of the opening mark in the text. */
  start: number;
  /** Offset just after the closing mark, or the end of the text when the quote is never closed. */
  end: number;
  closed: boolean;
  mark: 'double' | 'single';
}

/** A span as the scanner sees it, with what the document level needs to join paragraphs. */
export interface ScannedQuote extends QuoteSpan {
  /** Quotations nested inside this one (the speaker quoting someone else). */
  inner: QuoteSpan[];
  /** The quotation's first mark is the first non-blank character of its line. */
  atLineStart: boolean;
}

type Role = 'open' | 'close' | 'either' | 'none';

const SPACE_BEFORE = /[\s([{\u2014\u2013/]/;
const PUNCT_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-/\u2026*_]/;
const LETTER = /[\p{L}\p{N}]/u;
const DOUBLE_OPENERS = '\u201C"\u201E\u00AB';
const DOUBLE_CLOSERS = '\u201D"\u00BB';
const SINGLE_MARKS = "'\u2018\u2019";
/** Words that start with an elision apostrophe: ’90s, ’n’, ’em, ’tis. */
const ELISION = /^(?:\d\d(?:s\b|\b)|n['\u2019]|em\b|tis\b|twas\b|til\b|cause\b|bout\b|round\b|nuff\b)/i;

function isBlank(ch: string | undefined): boolean {
  return ch === undefined || ch === '' || /\s/.test(ch);
}

/** What a double mark at `i` does, from its neighbours. */
function doubleRole(text: string, i: number): Role {
  const ch = text[i]!;
  const p = text[i - 1];
  const n = text[i + 1];
  // A single mark before counts as a space only when it opens ("'\"word\"'"), not when it closes (",'\"").
  const openingSingle = p !== undefined && SINGLE_MARKS.includes(p) && (i < 2 || SPACE_BEFORE.test(text[i - 2]!));
  const spaceBefore = p === undefined || SPACE_BEFORE.test(p) || openingSingle || DOUBLE_OPENERS.includes(p);
  const spaceAfter = isBlank(n);
  if (ch === '\u201C' || ch === '\u201E' || ch === '\u00AB') {
    // A sloppy “ used as a closing mark: after a letter, before a space.
    return !spaceBefore && (spaceAfter || PUNCT_AFTER.test(n!)) && ch === '\u201C' ? 'either' : 'open';
  }
  if (ch === '\u201D' || ch === '\u00BB') return spaceBefore && !spaceAfter && LETTER.test(n!) ? 'either' : 'close';
  // Straight mark.
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && (spaceAfter || PUNCT_AFTER.test(n!) || SINGLE_MARKS.includes(n!) || DOUBLE_CLOSERS.includes(n!))) return 'close';
  if (spaceBefore && spaceAfter) return 'none';
  return 'either';
}

/** What a single mark at `i` does: apostrophes and elisions are 'none'. */
function singleRole(text: string, i: number): Role {
  const ch = text[i]!;
  const p = text[i - 1];
  const n = text[i + 1];
  if (p !== undefined && n !== undefined && LETTER.test(p) && LETTER.test(n)) return 'none';
  const spaceBefore = p === undefined || SPACE_BEFORE.test(p) || DOUBLE_OPENERS.includes(p);
  if (spaceBefore) {
    if (isBlank(n) || ch === '\u2019' && !LETTER.test(n!)) return 'none';
    return ELISION.test(text.slice(i + 1, i + 8)) ? 'none' : 'open';
  }
  if (ch === '\u2018') return 'none';
  if (isBlank(n) || PUNCT_AFTER.test(n!) || DOUBLE_CLOSERS.includes(n!)) return 'close';
  return 'none';
}

/** A plural possessive ("the players’ union"): a closing-looking mark after s, before a lowercase word. */
function looksPossessive(text: string, i: number): boolean {
  return /s/i.test(text[i - 1] ?? '') && /^ \p{Ll}/u.test(text.slice(i + 1, i + 3));
}

/**
 * Where the next closing marks are, for every offset of `text`: the offsets of each kind of mark,
 * in order, found in one pass over the marks and line breaks (not every character), so finding the
 * closing mark of each opening one is a binary search (a paragraph full of apostrophes stays linear).
 */
class Lookahead {
  /** Single closing marks that are not plural possessives. */
  private readonly single: number[] = [];
  /** Single closing marks of any kind. */
  private readonly singleAny: number[] = [];
  /** Double marks that can close. */
  private readonly double: number[] = [];
  /** Blank lines (paragraph breaks inside the text). */
  private readonly blank: number[] = [];

  constructor(private readonly text: string) {
    const re = /['\u2019"\u201D\u00BB\u201C\n]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const j = m.index;
      const ch = m[0];
      if (ch === "'" || ch === '\u2019') {
        if (singleRole(text, j) === 'close') {
          this.singleAny.push(j);
          if (!looksPossessive(text, j)) this.single.push(j);
        }
      } else if (ch === '\n') {
        if (/^\n[ \t]*\n/.test(text.slice(j, j + 4))) this.blank.push(j);
      } else {
        const r = doubleRole(text, j);
        if (r === 'close' || r === 'either') this.double.push(j);
      }
    }
  }

  /** The closing single mark for an opening one before `from`, or -1; never past a blank line or `stopAt`. */
  closingSingle(from: number, stopAt: number): number {
    const blank = nextAt(this.blank, from);
    const limit = Math.min(stopAt, blank < 0 ? this.text.length : blank);
    const c = nextAt(this.single, from);
    if (c >= 0 && c < limit) return c;
    const a = nextAt(this.singleAny, from);
    return a >= 0 && a < limit ? a : -1;
  }

  /** Offset of the next double mark that can close, from `from`, or -1. */
  nextDoubleClose(from: number): number {
    return nextAt(this.double, from);
  }
}

/** The first offset in the ascending list `at` that is at least `from`, or -1. */
function nextAt(at: readonly number[], from: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length ? at[lo]! : -1;
}

/** Quotation marks, double and single. */
const MARK_RE = /["\u201C\u201E\u00AB\u201D\u00BB'\u2018\u2019]/g;

/**
 * True when only blanks and block-quote markers stand between the last line break before `i` (or
 * the start of the text) and `i`.
 */
function atLineStartOf(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0) {
    const ch = text[k]!;
    if (ch === '\n' || ch === '\r') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '>') return false;
    k--;
  }
  return true;
}

interface Open {
  mark: 'double' | 'single';
  start: number;
  /** Where a single mark must close (its closing mark was found in advance). */
  closeAt?: number;
  inner: QuoteSpan[];
  atLineStart: boolean;
}

/**
 * Every outermost quotation of `text` with the quotations nested in it. Unclosed double quotes run
 * to the end of the text (or to where a new quotation opens on a later line); an unclosed single
 * quote is only kept when it opens a line (it may continue in the next paragraph).
 */
export function scanQuotations(text: string): ScannedQuote[] {
  const out: ScannedQuote[] = [];
  const stack: Open[] = [];
  const ahead = new Lookahead(text);
  const emit = (o: Open, end: number, closed: boolean) => {
    if (stack.length === 0) out.push({ start: o.start, end, closed, mark: o.mark, inner: o.inner, atLineStart: o.atLineStart });
    else stack[stack.length - 1]!.inner.push({ start: o.start, end, closed, mark: o.mark });
  };
  // Performance: only the quotation marks are visited; the text between them cannot change anything.
  const marks = new RegExp(MARK_RE);
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const i = m.index;
    const ch = m[0];
    // Every match is a double or a single mark.
    const isDouble = DOUBLE_OPENERS.includes(ch) || DOUBLE_CLOSERS.includes(ch);
    const top = stack[stack.length - 1];
    if (isDouble) {
      let role = doubleRole(text, i);
      // A mark between spaces closes an open quotation ("…outreach,' \" he told") and is stray otherwise.
      if (role === 'none' && top && /[^\s]/.test(text.slice(Math.max(0, i - 3), i))) role = 'close';
      if (role === 'none') continue;
      const lineStart = atLineStartOf(text, i);
      if (top && role === 'open' && lineStart && stack[0]!.mark === 'double') {
        // A new paragraph of the same speech: the quote continues (opening mark on each paragraph).
        stack.length = 1;
        continue;
      }
      if (top && top.mark === 'single' && (role === 'close' || role === 'either')) {
        // A single mark that opened but meets a double close first was an apostrophe after all,
        // unless a double quotation encloses it.
        const enclosing = stack.findIndex((s) => s.mark === 'double');
        if (enclosing >= 0) {
          const o = stack[enclosing]!;
          stack.length = enclosing;
          emit(o, i + 1, true);
        }
        continue;
      }
      if (top && top.mark === 'double' && (role === 'close' || role === 'either')) {
        stack.pop();
        emit(top, i + 1, true);
        continue;
      }
      if (role === 'open' || role === 'either') {
        if (top && top.mark === 'double') {
          // A double opening inside a double quote: nested only if it closes before the outer one
          // would; otherwise the outer quote was never closed and a new one starts here.
          const close = ahead.nextDoubleClose(i + 1);
          const after = close >= 0 ? ahead.nextDoubleClose(close + 1) : -1;
          if (close >= 0 && after >= 0 && !text.slice(i, after).includes('\n')) {
            stack.push({ mark: 'double', start: i, inner: [], atLineStart: lineStart });
            continue;
          }
          stack.length = 0;
          out.push({ start: top.start, end: trimEnd(text, lineEndBefore(text, top.start, i)), closed: false, mark: 'double', inner: top.inner, atLineStart: top.atLineStart });
        }
        stack.push({ mark: 'double', start: i, inner: [], atLineStart: lineStart });
      }
      continue;
    }
    // Single mark.
    const role = singleRole(text, i);
    if (role === 'none') continue;
    if (top && top.mark === 'single' && role === 'close' && (top.closeAt === undefined || top.closeAt === i)) {
      stack.pop();
      emit(top, i + 1, true);
      continue;
    }
    if (role === 'open') {
      const lineStart = atLineStartOf(text, i);
      if (top && lineStart && stack[0]!.mark === 'single') {
        stack.length = 1;
        continue;
      }
      // Inside a double quote the single quote must close before the double one does.
      const limit = top && top.mark === 'double' ? ahead.nextDoubleClose(i + 1) : text.length;
      const close = ahead.closingSingle(i + 1, limit < 0 ? text.length : limit);
      if (close >= 0) stack.push({ mark: 'single', start: i, closeAt: close, inner: [], atLineStart: lineStart });
      else if (!top && lineStart) out.push({ start: i, end: text.length, closed: false, mark: 'single', inner: [], atLineStart: true });
    }
  }
  if (stack.length) {
    const o = stack[0]!;
    out.push({ start: o.start, end: text.length, closed: false, mark: o.mark, inner: o.inner, atLineStart: o.atLineStart });
  }
  return out;
}

/** The end of the line holding `from`, if that line ends before `limit`; else `limit`. */
function lineEndBefore(text: string, from: number, limit: number): number {
  const nl = text.indexOf('\n', from);
  return nl >= 0 && nl < limit ? nl : limit;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Quotation spans of `text`, outermost only, in order. Unclosed single quotes are left out. */
export function findQuotations(text: string): QuoteSpan[] {
  return outermost(scanQuotations(text));
}

function outermost(scanned: readonly ScannedQuote[]): QuoteSpan[] {
  return scanned.filter((q) => q.closed || q.mark === 'double').map(({ start, end, closed, mark }) => ({ start, end, closed, mark }));
}

/** Remembers per-block work across analyses of one draft (RuleContext.memo). */
export type Memo = RuleContext['memo'];

/**
 * Performance: the scan of a paragraph is kept by its text, so the document-level quotations and
 * the hedge rules' `blockQuotations` scan a paragraph once, and an unchanged paragraph is not
 * scanned again after an edit.
 */
const scanMemo = new TextMemo<readonly ScannedQuote[]>(20_000);
const spanMemo = new TextMemo<readonly QuoteSpan[]>(20_000);

/** `scanQuotations(block.text)`, memoised by the text. Do not mutate. */
export function scanBlock(block: Block): readonly ScannedQuote[] {
  return scanMemo.get(block.text, scanQuotations);
}

/** `findQuotations(block.text)`, memoised by the text. Do not mutate. */
export function blockQuotations(block: Block): readonly QuoteSpan[] {
  return spanMemo.get(block.text, (text) => outermost(scanMemo.get(text, scanQuotations)));
}

/** True when `offset` lies inside (or on the marks of) one of `spans`. */
export function insideQuotation(spans: readonly QuoteSpan[], offset: number): boolean {
  for (const s of spans) if (offset >= s.start && offset < s.end) return true;
  return false;
}

/** A quotation of a whole draft, in document offsets. */
export interface Quotation {
  /** Offset of the opening mark (or of the block quote's first character). */
  start: number;
  /** Offset just after the closing mark (or the end of the paragraph where an unclosed one stops). */
  end: number;
  closed: boolean;
  /** 'block' is a Markdown block quote ("> ..."). */
  mark: 'double' | 'single' | 'block';
  /** Number of paragraphs the quotation runs over. */
  paragraphs: number;
  /** Index in `doc.blocks` of the first and last block it covers. */
  firstBlock: number;
  lastBlock: number;
  /** The quoted words without the marks (paragraph breaks and continuation marks kept). */
  content: string;
}

const docMemo = new WeakMap<ParsedDocument, Quotation[]>();

/**
 * Every quotation of the draft, in order. A quote still open at the end of a paragraph continues
 * when the next paragraph opens with the same mark; if it does not, the quote is unclosed.
 */
export function documentQuotations(doc: ParsedDocument): Quotation[] {
  const hit = docMemo.get(doc);
  if (hit) return hit;
  const out: Quotation[] = [];
  const blocks = doc.blocks;
  const scan = (b: Block) => scanBlock(b);
  let pending: Quotation | undefined;
  // The block-quote run holding the current block: its last block and, per block from the run's
  // start, the marked and trimmed lengths from that block to the run's end (suffix sums, so a long
  // run whose blocks are not one quotation is summed once, not once per block).
  let runLast = -1;
  let runFirst = -1;
  let suffixMarked: number[] = [];
  let suffixTotal: number[] = [];
  let bi = 0;
  while (bi < blocks.length) {
    const block = blocks[bi]!;
    if (block.quoteDepth > 0 && pending === undefined) {
      // A run of block-quote paragraphs at the same depth is one quotation, unless its paragraphs
      // are themselves in quotation marks (then those quotations are the ones to check).
      if (bi > runLast) {
        runFirst = bi;
        runLast = bi;
        while (runLast + 1 < blocks.length && blocks[runLast + 1]!.quoteDepth > 0) runLast++;
        const n = runLast - runFirst + 1;
        suffixMarked = new Array<number>(n + 1).fill(0);
        suffixTotal = new Array<number>(n + 1).fill(0);
        for (let k = n - 1; k >= 0; k--) {
          const b = blocks[runFirst + k]!;
          suffixMarked[k] = suffixMarked[k + 1]! + scan(b).reduce((m, q) => m + (q.end - q.start), 0);
          suffixTotal[k] = suffixTotal[k + 1]! + b.text.trim().length;
        }
      }
      const last = runLast;
      const marked = suffixMarked[bi - runFirst]!;
      const total = suffixTotal[bi - runFirst]!;
      if (marked < total / 2) {
        const lastBlock = blocks[last]!;
        out.push({
          start: block.offset,
          end: lastBlock.offset + lastBlock.text.length,
          closed: true,
          mark: 'block',
          paragraphs: last - bi + 1,
          firstBlock: bi,
          lastBlock: last,
          content: doc.text.slice(block.offset, lastBlock.offset + lastBlock.text.length),
        });
        bi = last + 1;
        continue;
      }
    }
    const spans = scan(block);
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k]!;
      const start = block.offset + s.start;
      const end = block.offset + s.end;
      if (pending) {
        // Only the first quotation of the paragraph, opening it, can continue the pending one.
        if (k === 0 && s.atLineStart && s.start === leadingBlank(block.text) && s.mark === pending.mark) {
          pending.end = end;
          pending.closed = s.closed;
          pending.paragraphs++;
          pending.lastBlock = bi;
          pending.content = contentOf(doc.text, pending);
          if (s.closed || k < spans.length - 1) pending = undefined;
          continue;
        }
        pending = undefined;
      }
      const q: Quotation = { start, end, closed: s.closed, mark: s.mark, paragraphs: 1, firstBlock: bi, lastBlock: bi, content: '' };
      q.content = contentOf(doc.text, q);
      if (!s.closed && s.mark === 'single' && !continuesInNext(blocks, bi, s.mark, scan)) continue;
      out.push(q);
      if (!s.closed && k === spans.length - 1 && s.end >= trimEnd(block.text, block.text.length)) pending = q;
    }
    if (pending && pending.lastBlock === bi && !continuesInNext(blocks, bi, pending.mark, scan)) pending = undefined;
    bi++;
  }
  docMemo.set(doc, out);
  return out;
}

function leadingBlank(text: string): number {
  return text.length - text.trimStart().length;
}

/** True when the block after `bi` opens with a quotation mark of kind `mark`. */
function continuesInNext(blocks: ParsedDocument['blocks'], bi: number, mark: 'double' | 'single' | 'block', scan: (b: Block) => readonly ScannedQuote[]): boolean {
  const next = blocks[bi + 1];
  if (!next || next.kind === 'heading') return false;
  const first = scan(next)[0];
  return !!first && first.mark === mark && first.start === leadingBlank(next.text);
}

function contentOf(text: string, q: Pick<Quotation, 'start' | 'end' | 'closed' | 'mark'>): string {
  if (q.mark === 'block') return text.slice(q.start, q.end);
  return text.slice(q.start + 1, q.closed ? q.end - 1 : q.end);
}
