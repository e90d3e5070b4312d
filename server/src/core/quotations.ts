/**
 * Finds direct quotations inside one block: curly and straight double quotes, and curly single
 * quotes when they open after a space or bracket (so apostrophes such as "don’t" or "the ’90s" are
 * not taken for quotation marks).
 */

export interface QuoteSpan {
  /** Offset of the opening mark in the text. */
  start: number;
  /** Offset just after the closing mark, or the end of the text when the quote is never closed. */
  end: number;
  closed: boolean;
  mark: 'double' | 'single';
}

const OPEN_BEFORE = /[\s([{\u2014\u2013\-:;,/]|^$/;

/** Quotation spans of `text`, outermost only, in order. */
export function findQuotations(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\u201C' || (ch === '"' && opensAt(text, i))) {
      const close = ch === '"' ? text.indexOf('"', i + 1) : indexOfAny(text, ['\u201D'], i + 1);
      spans.push(close < 0 ? { start: i, end: text.length, closed: false, mark: 'double' } : { start: i, end: close + 1, closed: true, mark: 'double' });
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (ch === '\u2018' && OPEN_BEFORE.test(text[i - 1] ?? '')) {
      const close = closingSingle(text, i + 1);
      if (close >= 0) {
        spans.push({ start: i, end: close + 1, closed: true, mark: 'single' });
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/** True when `offset` lies inside (or on the marks of) one of `spans`. */
export function insideQuotation(spans: readonly QuoteSpan[], offset: number): boolean {
  for (const s of spans) if (offset >= s.start && offset < s.end) return true;
  return false;
}

function opensAt(text: string, i: number): boolean {
  return OPEN_BEFORE.test(text[i - 1] ?? '');
}

function indexOfAny(text: string, marks: string[], from: number): number {
  let best = -1;
  for (const m of marks) {
    const j = text.indexOf(m, from);
    if (j >= 0 && (best < 0 || j < best)) best = j;
  }
  return best;
}

/** A closing ’ is one not followed by a letter (which would make it an apostrophe: don’t). */
function closingSingle(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\u2019' && !/\p{L}/u.test(text[j + 1] ?? '')) return j;
    if (text[j] === '\n' && text[j + 1] === '\n') return -1;
  }
  return -1;
}
