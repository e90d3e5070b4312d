/** Finding and reading the drafts the CLI was given. */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from './args.js';

export { UsageError };

// The file system is read synchronously: nothing else waits on this thread meanwhile, and a
// thousand drafts are read several times faster than through Node's thread pool (node:fs/promises
// would also load Node's stream modules, a few milliseconds of a check of one small draft).

/** Never walked into: tool folders, not drafts. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist']);

export interface CollectOptions {
  /** An extra ignore file in .gitignore format (patterns relative to the current directory). */
  ignorePath?: string;
  /** Whether a file met while walking is a draft (config `files`, default extensions). */
  wantsFile: (path: string) => boolean;
  /** Whether the config's `ignore` patterns exclude a path. */
  isIgnored: (path: string, isDir: boolean) => boolean;
}

/**
 * .gitignore files apply below their folder, up to the repository root (the folder holding .git).
 * Loaded once per folder.
 */
export class GitIgnores {
  private readonly perDir = new Map<string, Ignore | null>();
  private readonly rootOf = new Map<string, string | null>();

  /** Whether `path` is ignored by a .gitignore in its own repository. */
  ignores(path: string, isDir: boolean): boolean {
    const abs = resolve(path);
    const root = this.repoRoot(dirname(abs));
    if (root === null) return false;
    for (let dir = dirname(abs); ; dir = dirname(dir)) {
      const ig = this.load(dir);
      if (ig) {
        const r = relative(dir, abs).split(sep).join('/');
        if (r && ig.ignores(isDir ? `${r}/` : r)) return true;
      }
      if (dir === root || dirname(dir) === dir) return false;
    }
  }

  private repoRoot(dir: string): string | null {
    const hit = this.rootOf.get(dir);
    if (hit !== undefined) return hit;
    const root = existsSync(join(dir, '.git')) ? dir : dirname(dir) === dir ? null : this.repoRoot(dirname(dir));
    this.rootOf.set(dir, root);
    return root;
  }

  private load(dir: string): Ignore | null {
    let ig = this.perDir.get(dir);
    if (ig === undefined) {
      const file = join(dir, '.gitignore');
      ig = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
      this.perDir.set(dir, ig);
    }
    return ig;
  }
}

/**
 * Expands files, directories and globs into drafts, in a stable order. Files named explicitly are
 * always checked; walked and globbed files honour .gitignore, --ignore-path and the config.
 */
export async function collectFiles(targets: string[], options: CollectOptions): Promise<string[]> {
  const git = new GitIgnores();
  let extra: Ignore | undefined;
  if (options.ignorePath) {
    let text: string;
    try {
      text = readFileSync(options.ignorePath, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read the ignore file "${options.ignorePath}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    extra = ignore().add(text);
  }
  const cwd = process.cwd();
  const skipped = (path: string, isDir: boolean): boolean => {
    if (git.ignores(path, isDir) || options.isIgnored(path, isDir)) return true;
    if (!extra) return false;
    const r = relative(cwd, resolve(path)).split(sep).join('/');
    return r !== '' && !r.startsWith('..') && extra.ignores(isDir ? `${r}/` : r);
  };

  const out = new Set<string>();
  const seenReal = new Set<string>();
  for (const t of targets) {
    // tinyglobby (with fdir and picomatch) is loaded only for a target that may be a glob: it costs
    // more start-up time than checking a small draft.
    const globber = mayBeGlob(t) ? await import('tinyglobby') : undefined;
    if (globber?.isDynamicPattern(t)) {
      const hits = await globber.glob(t, { onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (hits.length === 0) throw new UsageError(`no files match "${t}"`);
      for (const h of hits.sort()) {
        if (skipped(h, false)) continue;
        // A draft reached twice through symlinks (a loop, a link to a sibling) is one draft.
        let real: string;
        try {
          real = realpathSync(h);
        } catch {
          real = resolve(h);
        }
        if (seenReal.has(real)) continue;
        seenReal.add(real);
        out.add(h);
      }
      continue;
    }
    let s;
    try {
      s = statSync(t);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read "${t}": ${code === 'ENOENT' ? 'no such file or directory' : (code ?? (e as Error).message)}`);
    }
    if (s.isDirectory()) {
      const found = walk(t, new Set(), options, skipped);
      // Silence here would read as "clean"; say why nothing was checked, as ESLint does.
      if (found.length === 0 && skipped(t, true)) throw new UsageError(`"${t}" is ignored (by a .gitignore, --ignore-path or the config): name its files to check them`);
      for (const f of found) out.add(f);
    } else out.add(t);
  }
  return [...out];
}

/**
 * False when `target` cannot be a glob for tinyglobby's isDynamicPattern: picomatch's scan only
 * reports a glob or a negation on one of these characters (braces, extglobs, classes, wildcards, a
 * leading "!"), so a plain path is told apart without loading the glob library.
 */
export function mayBeGlob(target: string): boolean {
  return /[*?[{(!]/.test(target);
}

function walk(dir: string, seen: Set<string>, options: CollectOptions, skipped: (p: string, isDir: boolean) => boolean): string[] {
  const real = resolve(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read the folder "${dir}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !skipped(p, true)) out.push(...walk(p, seen, options, skipped));
    } else if (e.isFile() && options.wantsFile(p) && !skipped(p, false)) {
      out.push(p);
    }
  }
  return out;
}

/** A draft that cannot be read (missing, a folder, binary): reported with its path, exit code 2. */
export class ReadError extends Error {}

/** Drafts larger than this (in KB) are not analysed; the editor's copydesk.maxFileSizeKB default. */
export const DEFAULT_MAX_FILE_KB = 1024;

/**
 * Reads a draft as UTF-8, refusing folders, pipes, devices, binary files and files over the size
 * limit with a clear message. The size and kind are checked before reading, so a named pipe
 * nobody writes to cannot block the run and a 100 MB export is not loaded at all.
 */
export function readDraft(path: string, maxKB = DEFAULT_MAX_FILE_KB): string {
  const why = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (code ?? (e as Error).message);
  };
  let s;
  try {
    s = statSync(path);
  } catch (e) {
    throw new ReadError(`cannot read the file: ${why(e)}`);
  }
  if (s.isDirectory()) throw new ReadError('cannot read the file: is a folder');
  if (!s.isFile()) throw new ReadError(`not a regular file (${s.isFIFO() ? 'a named pipe' : s.isSocket() ? 'a socket' : 'a device'}); not checked`);
  if (s.size > maxKB * 1024) {
    const size = s.size >= 1 << 20 ? `${(s.size / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(s.size / 1024)} KB`;
    throw new ReadError(`too large to be a draft: ${size}, over the ${maxKB} KB limit (raise it with --max-file-size); not checked`);
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new ReadError(`cannot read the file: ${why(e)}`);
  }
  return decodeDraft(buf);
}

/** UTF-8 text of a draft; NUL bytes mean a binary file (an image, a .docx renamed), not a draft. */
export function decodeDraft(buf: Buffer): string {
  if (buf.includes(0)) throw new ReadError('looks like a binary file (it contains NUL bytes), not a text draft; not checked');
  // A byte-order mark is kept: offsets and --fix must round-trip the file byte for byte.
  return buf.toString('utf8');
}

