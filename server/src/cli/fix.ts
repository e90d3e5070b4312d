/** `--fix`: applying preferred fixes until nothing changes, and saving files atomically. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile, chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { applyEdits, preferredEdits, type TextEdit } from '../core/index.js';
import type { AnalysisResult } from '../core/engine.js';

/** Enough passes for fixes that uncover other fixes; a rule that keeps changing its mind stops here. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  last: AnalysisResult;
  passes: number;
}

/**
 * Applies preferred fixes (and, when asked, the removal of unused disable comments), re-analysing
 * after each pass until a pass changes nothing.
 */
export function fixToFixedPoint(text: string, analyse: (text: string) => AnalysisResult, removeUnusedDisables: boolean): FixOutcome {
  let current = text;
  let last = analyse(current);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const edits: TextEdit[] = preferredEdits(last.findings);
    if (removeUnusedDisables) {
      for (const u of last.unusedDisables) {
        const e = u.fix;
        if (!edits.some((t) => e.offset < t.offset + t.length && t.offset < e.offset + e.length)) edits.push(e);
      }
    }
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    passes++;
    last = analyse(current);
  }
  return { text: current, last, passes };
}

/** The file changed on disk since it was read: it is left alone. */
export class ChangedOnDiskError extends Error {}

/**
 * Replaces `path` with `text` only if the file still holds `original`: written to a temporary file
 * in the same folder (so the rename is atomic on one file system), with the file's mode, then renamed
 * over it. A reader never sees half a file, and an editor's concurrent save is not overwritten.
 */
export async function writeAtomically(path: string, original: string, text: string): Promise<void> {
  const now = await readFile(path, 'utf8');
  if (now !== original) throw new ChangedOnDiskError('the file changed on disk while it was being checked; not fixed');
  const mode = (await stat(path)).mode & 0o7777;
  const tmp = join(dirname(path), `.${basename(path)}.copydesk-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
