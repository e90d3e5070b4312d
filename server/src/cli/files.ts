/** Finding and reading the drafts the CLI was given. */
import { readFile, stat, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** A problem with what the user asked for: exit code 2. */
export class UsageError extends Error {}

const DRAFT_RE = /\.(md|markdown|mdx|txt|text)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist']);

/** Expands files, directories (walked for Markdown and text drafts) and globs, in a stable order. */
export async function collectFiles(targets: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const t of targets) {
    if (isDynamicPattern(t)) {
      const hits = await glob(t, { onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (hits.length === 0) throw new UsageError(`no files match "${t}"`);
      for (const h of hits.sort()) out.add(h);
      continue;
    }
    let s;
    try {
      s = await stat(t);
    } catch {
      throw new UsageError(`cannot read "${t}": no such file or directory`);
    }
    if (s.isDirectory()) for (const f of await walk(t, new Set())) out.add(f);
    else out.add(t);
  }
  return [...out];
}

async function walk(dir: string, seen: Set<string>): Promise<string[]> {
  const real = resolve(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...(await walk(p, seen)));
    } else if (e.isFile() && DRAFT_RE.test(e.name)) {
      out.push(p);
    }
  }
  return out;
}

/** Reads a draft as UTF-8, refusing directories and binary files with a clear message. */
export async function readDraft(path: string): Promise<string> {
  const buf = await readFile(path);
  if (buf.includes(0)) throw new Error('looks like a binary file (contains NUL bytes); not checked');
  return buf.toString('utf8');
}
