/**
 * anonymous-source: a quotation attributed to a vague or anonymous source ("a source said", "one
 * official", "critics", "people familiar with the matter"). The quotation is flagged (the guideline's
 * span); the vague phrase is given as related information.
 */
import type { DocumentRule } from '../rule.js';
import type { RawFinding } from '../types.js';
import { attributeQuotations } from '../attribution.js';
import { markCheckedFix } from './unsourced-quote.js';

export const anonymousSource: DocumentRule = {
  id: 'anonymous-source',
  category: 'unsourced-quote',
  defaultSeverity: 'warning',
  description: 'Quotations attributed to an anonymous or vague source (“a source said”, “critics”, “one official”).',
  fixable: true,
  scope: 'document',
  analyse(doc, ctx) {
    const out: RawFinding[] = [];
    for (const a of attributeQuotations(doc, ctx.incremental ? ctx.memo : undefined)) {
      const s = a.attribution?.speaker;
      if (a.kind !== 'quote' || !s || s.kind !== 'vague' || !a.quotation.closed) continue;
      const q = a.quotation;
      out.push({
        offset: q.start,
        length: q.end - q.start,
        message: `The source of this quotation is anonymous: “${s.phrase}” is ${s.reason ?? 'not a name'}. Name who said it, or say why the source cannot be named.`,
        fixes: markCheckedFix(doc, q, 'anonymous-source'),
        related: [{ offset: s.offset, length: s.length, message: 'the anonymous source' }],
        data: { speaker: s.phrase, vague: true },
      });
    }
    return out;
  },
};
