/**
 * The language server's view of the workspace on disk: team config files and the index of every
 * draft for cross-file boilerplate. Indexing runs in the background, a batch of files at a time,
 * so open drafts are analysed while it goes on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { LineIndex, WorkspaceIndex, languageOfPath, type Position } from '../core/index.js';
import { ConfigError, ConfigLoader, CONFIG_FILE_NAMES } from '../config/index.js';

const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);
/** Files larger than this are not indexed (they are not typical drafts). */
const MAX_INDEX_BYTES = 2 * 1024 * 1024;

export function isConfigPath(path: string): boolean {
  return CONFIG_FILE_NAMES.some((n) => path.endsWith(`/${n}`) || path === n);
}

/** Yields drafts below `root` (Markdown and text files the config files do not exclude). */
export async function* walkDrafts(root: string, loader: ConfigLoader, seen = new Set<string>()): AsyncGenerator<string> {
  let real: string;
  try {
    real = (await stat(root)).isDirectory() ? root : '';
  } catch {
    return;
  }
  if (!real || seen.has(root)) return;
  seen.add(root);
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(root, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || safe(() => loader.isIgnored(p, true), true)) continue;
      yield* walkDrafts(p, loader, seen);
    } else if (e.isFile() && safe(() => loader.wantsFile(p), false)) {
      yield p;
    }
  }
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ConfigError) return fallback;
    throw e;
  }
}

/** Indexes every draft under `roots` into `index`, reporting progress as it goes. */
export async function indexWorkspace(
  roots: string[],
  index: WorkspaceIndex,
  loader: ConfigLoader,
  report: (done: number, path: string) => void,
  isOpen: (path: string) => boolean,
): Promise<number> {
  let done = 0;
  for (const root of roots) {
    for await (const path of walkDrafts(root, loader)) {
      // Open drafts are indexed from the editor's text, which may be newer than the disk.
      if (isOpen(path)) continue;
      try {
        const s = await stat(path);
        if (s.size > MAX_INDEX_BYTES) continue;
        index.update(path, await readFile(path, 'utf8'), languageOfPath(path));
        forgetLines(path);
      } catch {
        continue;
      }
      done++;
      report(done, path);
      // Yield to the event loop so requests for open drafts are served between files.
      await new Promise((r) => setImmediate(r));
    }
  }
  return done;
}

/**
 * The line indexes of other drafts, read from disk when a diagnostic first points into them.
 * Performance: every keystroke publishes the draft's related information again (a paragraph that
 * hundreds of drafts share points at five of them), so each file is read once, not once per
 * place per keystroke; `forgetLines` drops a file's index when the file is indexed again.
 */
const lineIndexes = new Map<string, LineIndex>();
/** At most this many files' line indexes are kept (then all are let go); each holds its line starts, not the text. */
const MAX_LINE_INDEXES = 4096;

/** Line and character of `offset` in a file on disk, for related information in other drafts. */
export function positionInFile(path: string, offset: number): Position {
  let lines = lineIndexes.get(path);
  if (!lines) {
    try {
      lines = new LineIndex(readFileSync(path, 'utf8'));
    } catch {
      // Unreadable now: not kept, so the next diagnostic tries again.
      return { line: 0, character: 0 };
    }
    if (lineIndexes.size >= MAX_LINE_INDEXES) lineIndexes.clear();
    lineIndexes.set(path, lines);
  }
  return lines.positionAt(offset);
}

/** Forgets the line index of `path` (its text changed, on disk or in the editor). */
export function forgetLines(path: string): void {
  lineIndexes.delete(path);
}

/** The file-system path of a `file:` URI, or undefined for other schemes (untitled drafts). */
export function fsPathOf(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : undefined;
}
