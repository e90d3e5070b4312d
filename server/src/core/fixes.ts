/** Applying fixes to text: never overlapping, never outside the text. */
import type { Finding, TextEdit } from './types.js';

/**
 * Applies non-overlapping edits to `text`. Overlapping edits are a bug in a rule: the later one
 * (in offset order) is dropped rather than corrupting the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.offset < pos || e.offset + e.length > text.length || e.length < 0) continue;
    out += text.slice(pos, e.offset) + e.newText;
    pos = e.offset + e.length;
  }
  return out + text.slice(pos);
}

/**
 * The edits of every finding's preferred fix that do not collide with an earlier fix; a fix is
 * taken whole or not at all. Re-running the analysis catches what was left for a second pass.
 */
export function preferredEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  for (const f of sorted) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix) continue;
    const clash = fix.edits.some((e) => taken.some((t) => e.offset < t.offset + t.length + 1 && t.offset < e.offset + e.length + 1));
    if (!clash) taken.push(...fix.edits);
  }
  return taken;
}
