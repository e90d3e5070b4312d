/**
 * Loads a CommonJS bundle with a V8 code cache, so a run of the CLI does not compile the bundle
 * again: compiling it was a third of the start-up time of a check of a small draft.
 *
 * The cache lives in a folder of the user's own under the system's temporary folder
 * (`copydesk-compile-cache-<uid>`, mode 0700), one file per bundle path and Node version. A cache
 * file holds a copy of the bundle's source next to V8's data: it is used only when that copy equals
 * the bundle byte for byte (and V8 accepts the data), so a rebuilt or edited bundle never runs
 * stale code; the data is stored twice, and used only when the copies agree. Anything wrong (an unwritable or foreign folder, a truncated or corrupt file, a
 * rejected cache) means the bundle is compiled as usual; the cache is then written when the process
 * exits, with the functions the run compiled. Results never depend on the cache: it holds compiled
 * code, never data.
 *
 * Off with COPYDESK_COMPILE_CACHE=0 (or NODE_DISABLE_COMPILE_CACHE=1, Node's own switch), and when
 * source maps are enabled (stack traces then go through Node's own loader).
 */
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { hash53 } from '../core/hash.js';
import { Script } from 'node:vm';
import { isAscii } from 'node:buffer';

/**
 * A cache file: MAGIC, the source's length and the V8 data's length (u32, little-endian), the
 * bundle's source, then V8's data twice. V8 checks its data's version, flags and source length,
 * but not (in release builds) a checksum of the data; the data is used only when both copies agree
 * byte for byte, which catches a corrupt file at the cost of a memory comparison.
 */
const MAGIC = Buffer.from('CDCC0002');
const HEADER = MAGIC.length + 8;
/** Cache files kept in the folder (the most recently written); older ones are deleted. */
const KEEP = 8;

/** The wrapper Node's own loader puts around a CommonJS module. */
const WRAP_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_END = '\n});';

/** Whether the cache may be used in this process. */
function enabled(): boolean {
  const env = process.env;
  if (env.COPYDESK_COMPILE_CACHE === '0' || env.COPYDESK_COMPILE_CACHE === 'false') return false;
  if (env.NODE_DISABLE_COMPILE_CACHE) return false;
  return !(process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled && !process.execArgv.includes('--enable-source-maps');
}

/**
 * The cache folder, created if needed, or undefined when it cannot be trusted: it must be a real
 * folder (not a link), owned by this user and closed to everyone else, since code read from it runs.
 */
export function cacheFolder(root = tmpdir()): string | undefined {
  const uid = process.getuid?.();
  const dir = join(root, `copydesk-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    // Looked at before it is made: mkdir on every run would fail with EEXIST, and a thrown error
    // costs more than a stat.
    let s = lstatSync(dir, { throwIfNoEntry: false });
    if (!s) {
      try {
        mkdirSync(dir, { mode: 0o700 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      }
      s = lstatSync(dir);
    }
    if (!s.isDirectory()) return undefined;
    // On Windows there are no POSIX owners and modes; the temporary folder is the user's own.
    if (uid !== undefined && (s.uid !== uid || (s.mode & 0o077) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** A short, stable hash of a string (cyrb53), for file names. */
function nameHash(s: string): string {
  return hash53(s).toString(36);
}

/** The cache file for `file` in `dir`: one per bundle path, Node version and architecture. */
export function cacheFileFor(dir: string, file: string): string {
  return join(dir, `${basename(file).replace(/[^\w.-]/g, '_')}-${nameHash(`${file}\0${process.version}\0${process.arch}`)}.v8cache`);
}

/**
 * V8's data from `cacheFile` if the file is ours, whole, and made for exactly `source`; undefined
 * otherwise (missing, foreign, truncated, corrupt, or for another version of the bundle).
 */
export function readCache(cacheFile: string, source: Buffer): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(cacheFile, 'r');
    const s = fstatSync(fd);
    const uid = process.getuid?.();
    if (!s.isFile() || (uid !== undefined && s.uid !== uid) || s.size < HEADER) return undefined;
    const file = Buffer.allocUnsafe(s.size);
    let got = 0;
    while (got < file.length) {
      const n = readSync(fd, file, got, file.length - got, got);
      if (n === 0) return undefined;
      got += n;
    }
    if (!file.subarray(0, MAGIC.length).equals(MAGIC) || file.readUInt32LE(MAGIC.length) !== source.length) return undefined;
    const length = file.readUInt32LE(MAGIC.length + 4);
    const start = HEADER + source.length;
    if (length === 0 || start + 2 * length !== file.length) return undefined;
    if (!file.subarray(HEADER, start).equals(source)) return undefined;
    const data = file.subarray(start, start + length);
    return data.equals(file.subarray(start + length)) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a cache file atomically (a private temporary file renamed over it); errors are ignored. */
export function writeCache(cacheFile: string, source: Buffer, cached: Buffer): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const header = Buffer.alloc(HEADER);
    MAGIC.copy(header);
    header.writeUInt32LE(source.length, MAGIC.length);
    header.writeUInt32LE(cached.length, MAGIC.length + 4);
    writeFileSync(tmp, Buffer.concat([header, source, cached, cached]), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, cacheFile);
    prune(dirname(cacheFile), cacheFile);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was written.
    }
  }
}

/** Keeps the KEEP most recently written cache files of `dir` (builds come and go). */
function prune(dir: string, keep: string): void {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.v8cache'))
    .map((n) => join(dir, n))
    .filter((p) => p !== keep)
    .map((p) => ({ p, t: statSync(p).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { p } of files.slice(KEEP - 1)) unlinkSync(p);
}

/**
 * Runs the CommonJS bundle `file` as `require(file)` would, from the code cache when there is a
 * good one, and returns its exports. `writeOnExit` (the main thread only, so threads do not race):
 * when there was no usable cache, one is written as the process exits if `writeOnExit()` says the
 * run was worth caching (it compiled what later runs need).
 *
 * The bundle's own require() calls go through `options.require`, by default the require() of this
 * code as bundled into a launcher (CommonJS), which lies next to the bundle: node:module's
 * createRequire would load node:module, half a millisecond of every start. Run from source (an ES
 * module), pass one.
 */
export function loadBundle(file: string, options: { writeOnExit?: () => boolean; require?: NodeRequire } = {}): unknown {
  const localRequire = options.require ?? launcherRequire();
  if (!enabled()) return localRequire(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`cannot load ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (is the build complete?)`);
  }
  const dir = cacheFolder();
  const cacheFile = dir ? cacheFileFor(dir, file) : undefined;
  const cached = cacheFile ? readCache(cacheFile, bytes) : undefined;
  // The production bundle is ASCII (scripts/build-ascii.mjs): read as Latin-1, a plain copy, where
  // UTF-8 would make a string of twice the size. Anything else (a development build) as UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new Script(WRAP_START + (source.startsWith('#!') ? source.replace(/^#!.*/, '') : source) + WRAP_END, { filename: file, cachedData: cached });
  if (cacheFile && options.writeOnExit && (!cached || script.cachedDataRejected)) {
    const write = options.writeOnExit;
    process.once('exit', () => {
      if (write()) writeCache(cacheFile, bytes, script.createCachedData());
    });
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, localRequire, module, file, dirname(file));
  module.loaded = true;
  return module.exports;
}

/** The require() of the launcher this code is bundled into. */
function launcherRequire(): NodeRequire {
  if (typeof require !== 'function') throw new Error('loadBundle: no require() in an ES module; pass options.require');
  return require;
}
