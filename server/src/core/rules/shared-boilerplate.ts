/**
 * shared-boilerplate: a paragraph, or a sentence of eight words or more, that other drafts of the
 * workspace carry too (the same closing paragraph under every post, a pasted template). The
 * adapter indexes the workspace (WorkspaceIndex) and passes its facts; without them the rule is
 * silent. The team's house text (disclosures, credits) goes in `allowBoilerplate`.
 *
 * A sentence that is a direct quotation is not reported: several stories quoting the same
 * statement is reporting, not boilerplate.
 */
import type { DocumentRule } from '../rule.js';
import type { RawFinding } from '../types.js';
import { allowedBoilerplateKeys, blockShareUnits } from '../workspace.js';
import { deletion } from './repeated-text.js';

/** At most this many other files are listed as related information. */
const MAX_RELATED = 5;

export const sharedBoilerplate: DocumentRule = {
  id: 'shared-boilerplate',
  category: 'boilerplate',
  defaultSeverity: 'warning',
  description: 'A paragraph or sentence that other drafts of the workspace share.',
  fixable: true,
  scope: 'document',
  analyse(doc, ctx) {
    const ws = ctx.workspace;
    if (!ws) return [];
    const allowed = allowedBoilerplateKeys(ctx.config.allowBoilerplate);
    const out: RawFinding[] = [];
    let coveredTo = -1;
    for (const b of doc.blocks) {
      // Performance: a block's units that are not quotations come from the memo, kept by the
      // block's text (and its slice of the draft, which the quotation test reads, when the two
      // differ): a keystroke re-normalises one paragraph, and nothing is hashed for the others.
      const raw = doc.text.slice(b.offset, b.offset + b.text.length);
      const units = ctx.memo('shared-boilerplate-units', raw === b.text ? b.text : `${b.text}\u0000${raw}`, () =>
        blockShareUnits(b.text).filter((u) => !isQuotation(raw.slice(u.offset, u.offset + u.length))),
      );
      for (const u of units) {
        const offset = b.offset + u.offset;
        // Sentences of a paragraph already reported whole are not reported again.
        if (offset + u.length <= coveredTo) continue;
        if (allowed.some((a) => a.includes(u.key) || u.key.includes(a))) continue;
        const places = ws.locationsSharing
          ? ws.locationsSharing(u.key, ctx.path)
          : ws.filesSharing(u.key, ctx.path).map((path) => ({ path, offset: 0, length: 0 }));
        if (!places.length) continue;
        coveredTo = offset + u.length;
        const fix = deletion(doc, offset, offset + u.length);
        const n = places.length;
        out.push({
          offset,
          length: u.length,
          message: `This ${u.kind} also appears in ${n} other draft${n === 1 ? '' : 's'} of the workspace: boilerplate carries no reporting. Delete it, rewrite it for this story, or add it to the allowed boilerplate if it is house text.`,
          fixes: fix ? [{ ...fix, title: `Delete this ${u.kind}`, preferred: false }] : [],
          related: places.slice(0, MAX_RELATED).map((p) => ({ path: p.path, offset: p.offset, length: p.length, message: `Same ${u.kind} here` })),
          data: { kind: u.kind, files: n },
        });
      }
    }
    return out;
  },
};

/** A sentence that is mostly one direct quotation ("...," she said): read in the draft's own text. */
function isQuotation(text: string): boolean {
  const m = text.match(/["“][^"”]+["”]/g);
  if (!m) return false;
  const quoted = m.reduce((s, q) => s + q.length, 0);
  return quoted >= text.length * 0.6;
}
