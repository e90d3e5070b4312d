/**
 * unclosed-quote: a quotation mark that opens a quotation never closed — not in its paragraph, and
 * not continued by an opening mark on the next paragraph (the convention for a quote that runs
 * over several paragraphs). The reader cannot tell where the speaker's words end.
 */
import type { DocumentRule } from '../rule.js';
import type { RawFinding } from '../types.js';
import { documentQuotations } from '../quotations.js';

export const unclosedQuote: DocumentRule = {
  id: 'unclosed-quote',
  category: 'unsourced-quote',
  defaultSeverity: 'warning',
  description: 'Quotation marks that open a quotation that is never closed.',
  fixable: false,
  scope: 'document',
  analyse(doc) {
    const out: RawFinding[] = [];
    for (const q of documentQuotations(doc)) {
      if (q.closed || q.mark === 'block') continue;
      out.push({
        offset: q.start,
        length: 1,
        message: 'Quotation opened here is never closed: add the closing mark where the quoted words end (a quote that continues in the next paragraph opens that paragraph with a quotation mark).',
        data: { speaker: null },
      });
    }
    return out;
  },
};
