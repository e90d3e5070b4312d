/**
 * unsourced-quote: a direct quotation with no attribution in its own sentence, the sentence before
 * or the sentence after — the copy editor's "who said this?". Terms, scare quotes and titles are
 * left alone (attribution.ts tells them apart); vague sources are anonymous-source's job and
 * unclosed quotations unclosed-quote's.
 */
import type { DocumentRule } from '../rule.js';
import type { Fix, RawFinding } from '../types.js';
import { attributeQuotations } from '../attribution.js';
import type { Quotation } from '../quotations.js';
import type { ParsedDocument } from '../document.js';

export const unsourcedQuote: DocumentRule = {
  id: 'unsourced-quote',
  category: 'unsourced-quote',
  defaultSeverity: 'warning',
  description: 'Direct quotations with no speaker named in the same sentence, the one before or the one after.',
  fixable: true,
  scope: 'document',
  analyse(doc, ctx) {
    const out: RawFinding[] = [];
    for (const a of attributeQuotations(doc, ctx.incremental ? ctx.memo : undefined)) {
      if (a.kind !== 'quote' || !a.quotation.closed || a.attribution) continue;
      const q = a.quotation;
      const message = a.unresolved
        ? `Quotation attributed to “${a.unresolved.phrase}”, which refers to no one named earlier in the draft: name the speaker.`
        : 'Quotation with no source: no one is named as saying it in this sentence, the one before or the one after. Name the speaker (“…,” she said) or drop the quotation marks.';
      out.push({
        offset: q.start,
        length: q.end - q.start,
        message,
        fixes: [...placeholderFix(doc.text, q), ...markCheckedFix(doc, q, 'unsourced-quote')],
        data: { speaker: null },
        related: a.unresolved ? [{ offset: a.unresolved.offset, length: a.unresolved.length, message: 'the speaker named here refers to no one' }] : undefined,
      });
    }
    return out;
  },
};

/**
 * Inserts an attribution placeholder for the editor to fill in — never an invented name. A quote
 * that is a whole sentence ending in a period takes the newspaper form “…,” [NAME] said.; anything
 * else gets ", [NAME] said" after the closing mark.
 */
export function placeholderFix(text: string, q: Quotation): Fix[] {
  if (q.mark === 'block' || !q.closed) return [];
  const close = q.end - 1;
  const lastInside = close - 1;
  const sentenceQuote = text[lastInside] === '.' && /^(?:\s|$)/.test(text.slice(q.end, q.end + 1));
  if (sentenceQuote) {
    return [{
      title: 'Add an attribution placeholder (“…,” [NAME] said.)',
      edits: [
        { offset: lastInside, length: 1, newText: ',' },
        { offset: q.end, length: 0, newText: ' [NAME] said.' },
      ],
    }];
  }
  if (/[?!]/.test(text[lastInside] ?? '') && /^(?:\s|$)/.test(text.slice(q.end, q.end + 1))) {
    return [{ title: 'Add an attribution placeholder (“…?” [NAME] said.)', edits: [{ offset: q.end, length: 0, newText: ' [NAME] said.' }] }];
  }
  return [{ title: 'Add an attribution placeholder (, [NAME] said)', edits: [{ offset: q.end, length: 0, newText: ', [NAME] said' }] }];
}

/**
 * Marks the quotation as checked by the desk: a `copydesk-disable-next-line` comment for the line
 * where it opens. Markdown only (a comment would show as text in a plain-text draft). The comment
 * goes on a line of its own before a paragraph's first line, or at the end of the line before
 * (inline HTML) so that a paragraph is never split.
 */
export function markCheckedFix(doc: ParsedDocument, q: Quotation, rule: string): Fix[] {
  if (doc.languageId !== 'markdown') return [];
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
  const comment = `<!-- copydesk-disable-next-line ${rule} -- checked -->`;
  const prevLineEnd = lineStart - 1;
  const prevLineStart = prevLineEnd > 0 ? text.lastIndexOf('\n', prevLineEnd - 1) + 1 : 0;
  const prevLine = prevLineEnd > 0 ? text.slice(prevLineStart, prevLineEnd) : '';
  const block = doc.blocks.find((b) => q.start >= b.offset && q.start < b.offset + b.text.length);
  const firstLineOfBlock = !block || block.offset >= lineStart || !prevLine.trim();
  if (firstLineOfBlock) {
    // A comment line before a list item or inside a block quote would break the container: no fix there.
    if (/^[ \t]*(?:>|[-*+][ \t]|\d+[.)][ \t])/.test(text.slice(lineStart, q.start))) return [];
    return [{ title: 'Mark the quotation as checked (disable comment)', edits: [{ offset: lineStart, length: 0, newText: comment + '\n' }] }];
  }
  return [{ title: 'Mark the quotation as checked (disable comment)', edits: [{ offset: prevLineEnd, length: 0, newText: ' ' + comment }] }];
}
