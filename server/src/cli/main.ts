/**
 * The `copydesk` command: drafts in, findings out. A thin adapter over the core and the config
 * loader. Exit codes: 0 clean, 1 findings at or above --fail-on (or more than --max-warnings
 * warnings), 2 usage, configuration or read errors.
 *
 * Only argument parsing is loaded up front; the analysis core and the report formats are
 * imported when needed, so `--help` and `--version` start instantly.
 */
// Node's modules are imported here, never with import(): the bundle is run through vm.Script
// (compile-cache.ts), where import() is not available without an experimental flag.
import { fstatSync, statSync, writeFile, writeSync, type Stats } from 'node:fs';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import { parseCli, USAGE, UsageError, type CliOptions } from './args.js';
import type { Finding, LanguageId, ResolvedConfig, Severity } from '../core/index.js';
import type { UnusedDisable } from '../core/disables.js';
import type { FileReport } from './format/common.js';
import type { WorkspaceIndex, WorkspaceSnapshot } from '../core/workspace.js';
import type { CheckPool, PoolJob } from './workers.js';
import type { DraftOutcome } from './analyse-draft.js';

export interface CliStream {
  write(s: string): unknown;
  /** UTF-8 bytes, when the stream takes them as they are (standard output); else they go to `write`. */
  writeBytes?(b: Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  out: CliStream;
  err: CliStream;
  /** Standard input, read with --stdin. */
  in?: AsyncIterable<string | Uint8Array>;
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/**
 * Run through tsx rather than from the bundle (tests, the scorer): worker threads are then used
 * only when --threads asks for them, since a worker started from a .ts file loads tsx too.
 */
const fromSource = import.meta.url.endsWith('.ts');

interface Draft {
  path: string;
  text: string;
  languageId: LanguageId;
  /** False for --stdin: nothing on disk to fix. */
  onDisk: boolean;
}

/**
 * The process's streams. Node builds process.stdin and process.stderr on first use (a few ms
 * each, which a check of a small draft notices), so they are only touched when used: standard
 * input with --stdin, standard error when there is something to say or a progress bar to draw.
 */
function processIo(): CliIo {
  return {
    out: stdoutStream(1, () => {
      streamsUsed.out = true;
      return process.stdout;
    }),
    err: {
      write: (s: string) => {
        streamsUsed.err = true;
        return process.stderr.write(s);
      },
      get isTTY() {
        return process.stderr.isTTY;
      },
      get columns() {
        return process.stderr.columns;
      },
    },
    get in() {
      return process.stdin;
    },
  };
}

/** Whether a run through processIo wrote to process.stdout (its fallback) or process.stderr. */
const streamsUsed = { out: false, err: false };

/** The process's standard streams this run wrote to: only those are looked at (building one costs time). */
function usedStreams(): { out?: { writableLength: number }; err?: { writableLength: number } } {
  return { out: streamsUsed.out ? process.stdout : undefined, err: streamsUsed.err ? process.stderr : undefined };
}

/**
 * Whether standard output or error still holds data the operating system has not taken: Node
 * queues what it cannot write at once where these streams are asynchronous (pipes on macOS,
 * terminals and pipes on Windows; on Linux they block instead). `streams` is for tests.
 */
export function outputPending(streams = usedStreams()): boolean {
  return (streams.out?.writableLength ?? 0) > 0 || (streams.err?.writableLength ?? 0) > 0;
}

/**
 * Without --threads, drafts of fewer characters than this in all (some 300,000 words) are checked
 * in this thread alone. A worker thread's start is cheap, but its warm-up is not: V8 optimises the
 * same hot code again in each thread (several seconds of compiler time on its background threads,
 * for the 1,000-draft bench folder), which on a two-core machine only pays off for large runs.
 */
const POOL_MIN_CHARS = 2_000_000;

/** Characters of the report encoded and written at a time, so a large report is not copied whole. */
const WRITE_CHUNK = 1 << 20;

/** What standard output falls back to when not written straight to its descriptor (process.stdout). */
export interface StdoutFallback {
  write(data: string | Uint8Array): boolean;
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
  isTTY?: boolean;
}

/**
 * Standard output. Redirected to a file, a pipe, a socket or /dev/null (CI, scripts, `> report.json`,
 * `> /dev/null` for the exit code alone), the report is written straight to file descriptor 1:
 * building process.stdout for these loads Node's net and stream modules, the slowest part of
 * printing a small report. A terminal, or a write the descriptor refuses (a non-blocking pipe that
 * is full, a closed reader), goes through process.stdout as before, which then gets everything not
 * yet written, in order. `fd` and `fallback` are for tests.
 */
export function stdoutStream(fd = 1, fallback: () => StdoutFallback = () => process.stdout): CliStream {
  let direct: boolean | undefined;
  /** The reader went away (`copydesk check … | head`): the rest of the report is not wanted. */
  let closed = false;
  let listening = false;
  const viaFallback = (data: string | Buffer): boolean => {
    const stream = fallback();
    if (!listening) {
      listening = true;
      stream.on('error', (e) => {
        if (e.code !== 'EPIPE') throw e;
        closed = true;
      });
    }
    return stream.write(data);
  };
  const isDirect = (): boolean => {
    if (direct === undefined) {
      try {
        const s = fstatSync(fd);
        direct = s.isFile() || s.isFIFO() || s.isSocket() || isDevNull(s);
      } catch {
        direct = false;
      }
    }
    return direct;
  };
  /** Writes `bytes` straight to the descriptor; what it refuses, and `rest` after it, go to the fallback. */
  const writeDirect = (bytes: Uint8Array, rest: () => Buffer | undefined): boolean => {
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
        closed = true;
        return false;
      }
      direct = false;
      const after = rest();
      return viaFallback(Buffer.concat(after ? [bytes.subarray(written), after] : [bytes.subarray(written)]));
    }
    return true;
  };
  return {
    write(s: string) {
      if (closed) return false;
      if (!isDirect()) return viaFallback(s);
      for (let from = 0; from < s.length; ) {
        let to = Math.min(s.length, from + WRITE_CHUNK);
        // Never split a surrogate pair between two chunks: each is encoded on its own.
        if (to < s.length && (s.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
        const end = to;
        const ok = writeDirect(Buffer.from(s.slice(from, to), 'utf8'), () => Buffer.from(s.slice(end), 'utf8'));
        // Refused (closed reader), or the rest handed to the fallback.
        if (!ok || !direct) return ok;
        from = to;
      }
      return true;
    },
    writeBytes(b: Uint8Array) {
      if (closed) return false;
      if (!isDirect()) return viaFallback(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      return writeDirect(b, () => undefined);
    },
    get isTTY() {
      return isDirect() ? false : fallback().isTTY;
    },
  };
}

/**
 * Whether `s` is /dev/null (the same character device), not a terminal: no need to ask whether it
 * is a terminal, which would load node:tty and with it the stream modules.
 */
function isDevNull(s: Stats): boolean {
  if (!s.isCharacterDevice()) return false;
  const devNull = statSync('/dev/null', { throwIfNoEntry: false });
  return devNull !== undefined && devNull.isCharacterDevice() && devNull.rdev === s.rdev;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let opts: CliOptions;
  try {
    const parsed = parseCli(argv);
    if ('help' in parsed) {
      io.out.write(USAGE);
      return 0;
    }
    if ('version' in parsed) {
      const { VERSION } = await import('./version.js');
      io.out.write(`${VERSION}\n`);
      return 0;
    }
    opts = parsed;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err.write(`copydesk: ${e.message}\nRun "copydesk --help" for the options.\n`);
    return 2;
  }
  try {
    return await check(opts, io);
  } catch (e) {
    const { ConfigError } = await import('../config/index.js');
    if (e instanceof ConfigError) {
      // Relative to where the user stands, as the file names in the report are.
      const shown = relative(process.cwd(), e.file) || e.file;
      io.err.write(`copydesk: ${shown.startsWith('..') ? e.file : shown}:${e.line}:${e.column}: ${e.reason}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err.write(`copydesk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Whether this process ran the check command (not only --help or --version). */
let checkRan = false;
export const checked = (): boolean => checkRan;

async function check(opts: CliOptions, io: CliIo): Promise<number> {
  checkRan = true;
  const core = await import('../core/index.js');
  const { ConfigLoader } = await import('../config/index.js');
  const files = await import('./files.js');

  for (const id of opts.rules) {
    if (!core.ruleById(id)) throw new UsageError(`--rule: unknown rule "${id}" (known: ${core.RULES.map((r) => r.id).join(', ')})`);
  }
  for (const c of opts.categories) {
    if (!(core.CATEGORIES as readonly string[]).includes(c)) throw new UsageError(`--category: unknown category "${c}" (known: ${core.CATEGORIES.join(', ')})`);
  }
  /** --rule and --category narrow the run: the other rules are switched off, not just hidden. */
  const narrow = (config: ResolvedConfig): ResolvedConfig => {
    if (opts.rules.length === 0 && opts.categories.length === 0) return config;
    const rules = { ...config.rules };
    for (const r of core.RULES) {
      const wanted = (opts.rules.length === 0 || opts.rules.includes(r.id)) && (opts.categories.length === 0 || opts.categories.includes(r.category));
      if (!wanted) rules[r.id] = 'off';
      // A rule asked for by name runs even where the config switched its category off.
      else if (opts.rules.includes(r.id) && rules[r.id] === 'off') delete rules[r.id];
    }
    const categories = { ...config.categories };
    for (const id of opts.rules) categories[core.ruleById(id)!.category] = true;
    return { ...config, rules, categories };
  };

  const loader = new ConfigLoader({ explicit: opts.config });
  if (opts.config) loader.chainFor(process.cwd());

  if (opts.printConfig !== undefined) {
    const fc = loader.forFile(opts.printConfig);
    const shown = { file: opts.printConfig, configFiles: fc.files.map((f) => f.path), config: narrow(fc.config) };
    io.out.write(JSON.stringify(shown, null, 2) + '\n');
    return 0;
  }

  // 1. The drafts: standard input, or files, folders and globs.
  const drafts: Draft[] = [];
  let readErrors = 0;
  const fixing = opts.fix || opts.fixDryRun;
  if (opts.stdin) {
    const chunks: Buffer[] = [];
    for await (const c of io.in ?? process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
    const path = opts.stdinFilename ?? '<stdin>';
    let text: string;
    try {
      const buf = Buffer.concat(chunks);
      if (buf.length > opts.maxFileSizeKB * 1024) throw new files.ReadError(`too large to be a draft: over the ${opts.maxFileSizeKB} KB limit (raise it with --max-file-size); not checked`);
      text = files.decodeDraft(buf);
    } catch (e) {
      io.err.write(`copydesk: ${path}: ${(e as Error).message}\n`);
      return 2;
    }
    drafts.push({ path, text, languageId: opts.stdinFilename ? core.languageOfPath(opts.stdinFilename) : 'markdown', onDisk: false });
  } else {
    const paths = await files.collectFiles(opts.targets, {
      ignorePath: opts.ignorePath,
      wantsFile: (p) => loader.wantsFile(p),
      isIgnored: (p, isDir) => loader.isIgnored(p, isDir),
    });
    for (const path of paths) {
      try {
        drafts.push({ path, text: files.readDraft(path, opts.maxFileSizeKB), languageId: core.languageOfPath(path), onDisk: true });
      } catch (e) {
        if (!(e instanceof files.ReadError)) throw e;
        io.err.write(`copydesk: ${path}: ${e.message}\n`);
        readErrors++;
      }
    }
  }

  // Several drafts to check (not fix): on several threads, this one and workers. By default only
  // when there is enough text to repay starting a worker; fixing works in this thread alone.
  // One long draft: its rules in two parts on two threads (split.ts).
  let pool: CheckPool | undefined;
  const { SPLIT_CHARS } = await import('./split.js');
  const splitOne = !fixing && drafts.length === 1 && drafts[0]!.text.length >= SPLIT_CHARS;
  if (!fixing && (drafts.length > 1 || splitOne)) {
    const chars = drafts.reduce((sum, d) => sum + d.text.length, 0);
    if (opts.threads !== undefined ? opts.threads > 1 : !fromSource && (chars >= POOL_MIN_CHARS || splitOne)) {
      const workers = await import('./workers.js');
      pool = workers.CheckPool.start(Math.min(opts.threads ?? workers.defaultThreads(), splitOne ? 2 : drafts.length), { long: splitOne });
    }
  }
  try {
    return await checkDrafts(drafts, readErrors, pool);
  } finally {
    await pool?.close();
  }

  async function checkDrafts(drafts: Draft[], readErrors: number, pool: CheckPool | undefined): Promise<number> {
    // 2. Every draft is indexed, even outside this shard, so shared paragraphs are found the same
    // way whether the archive is checked whole or split across machines. With worker threads, each
    // indexes a share of the drafts (parsing them, which their analyses reuse) and the shares are
    // merged here in the order of the drafts: the index a single thread would build.
    const { WorkspaceIndex, shareUnits } = await import('../core/workspace.js');
    let snapshot: WorkspaceSnapshot | undefined;
    let index: WorkspaceIndex;
    if (drafts.length < 2) {
      // A draft alone shares nothing with other drafts: there is nothing to index.
      snapshot = { version: 1, files: [] };
      index = new WorkspaceIndex();
    } else if (pool) {
      snapshot = { version: 1, files: await pool.index(drafts) };
      // This thread needs the index only to key the cache.
      index = opts.cache ? WorkspaceIndex.fromSnapshot(snapshot) : new WorkspaceIndex();
    } else {
      index = new WorkspaceIndex();
      for (const d of drafts) index.update(d.path, d.text, d.languageId);
    }
    // A draft alone: no workspace at all, so shared-boilerplate does not normalise its every
    // paragraph to look it up in an empty index.
    const workspace = drafts.length < 2 ? undefined : index.facts();
    const draftNumber = new Map(drafts.map((d, n) => [d, n]));

    let mine = drafts;
    if (opts.shard) {
      const { inShard } = await import('./shard.js');
      mine = drafts.filter((d) => inShard(d.path, opts.shard!.index, opts.shard!.count));
    }

    // 3. Configs first: a broken config file stops the run before any output (exit 2).
    const configs = mine.map((d) => narrow(loader.forFile(opts.stdin && !opts.stdinFilename ? 'stdin.md' : d.path).config));

    const { ResultCache, sha256 } = opts.cache ? await import('./cache.js') : { ResultCache: undefined, sha256: undefined };
    const cache = ResultCache ? new ResultCache(opts.cacheLocation) : undefined;
    const cacheKey = (d: Draft, text: string, config: ResolvedConfig): string => {
      // What other drafts share with this one is part of its result (boilerplate rules).
      const shared = shareUnits(core.parseDocument(text, d.languageId).blocks).map((u) => workspace?.locationsSharing?.(u.key, d.path) ?? []);
      return sha256!(text, d.languageId, JSON.stringify(config), JSON.stringify(shared));
    };

    const { Progress } = await import('./progress.js');
    const progress = new Progress(io.err, mine.length);
    const fixMod = fixing ? await import('./fix.js') : undefined;
    const diffMod = opts.fixDryRun ? await import('./diff.js') : undefined;
    let diffs = '';
    const results: { findings: Finding[]; unused: UnusedDisable[] }[] = new Array(mine.length);
    const keys = mine.map((d, n) => (cache ? cacheKey(d, d.text, configs[n]!) : ''));
    const pending: number[] = [];
    let done = 0;
    for (let n = 0; n < mine.length; n++) {
      const d = mine[n]!;
      const config = configs[n]!;
      const key = keys[n]!;
      const hit = cache?.get(d.path, key);
      const fixable = (f: Finding[], u: UnusedDisable[]) => f.some((x) => x.fixes.some((y) => y.preferred)) || (opts.reportUnusedDisables && u.length > 0);
      if (hit && !(fixing && fixable(hit.findings, hit.unused))) {
        results[n] = { findings: hit.findings, unused: hit.unused };
        progress.tick(++done);
        continue;
      }
      if (!fixing) {
        pending.push(n);
        continue;
      }
      // Fixing re-analyses each draft after every pass: in this thread, one draft at a time.
      const analyzer = new core.Analyzer();
      const run = (text: string) =>
        analyzer.analyse(text, {
          languageId: d.languageId,
          config,
          path: d.path,
          workspace,
          onRuleError: (rule, err) => io.err.write(`copydesk: rule ${rule} failed on ${d.path}: ${(err as Error).stack ?? err}\n`),
        });
      const outcome = fixMod!.fixToFixedPoint(d.text, run, opts.reportUnusedDisables);
      let result = { findings: outcome.last.findings, unused: outcome.last.unusedDisables };
      if (opts.fixDryRun) diffs += diffMod!.unifiedDiff(d.path.split('\\').join('/'), d.text, outcome.text);
      else if (outcome.text !== d.text && d.onDisk) {
        try {
          await fixMod!.writeAtomically(d.path, d.text, outcome.text);
          cache?.set(d.path, cacheKey(d, outcome.text, config), result.findings, result.unused);
        } catch (e) {
          io.err.write(`copydesk: warning: ${d.path}: ${e instanceof fixMod!.ChangedOnDiskError ? e.message : `could not save the fixes: ${(e as Error).message}`}\n`);
          const first = run(d.text);
          result = { findings: first.findings, unused: first.unusedDisables };
        }
      } else cache?.set(d.path, key, result.findings, result.unused);
      results[n] = result;
      progress.tick(++done);
    }

    // 4. Plain checking: the drafts the cache did not answer, on the worker threads started for
    // this run (each analysing the drafts it indexed first), or in this thread. The progress bar
    // follows the drafts as they come back.
    if (pending.length > 0) {
      const before = done;
      const onProgress = (k: number) => progress.tick(before + k);
      // With threads, a JSON report is written by the threads as they analyse (format/json.ts).
      const render = pool && opts.format === 'json' ? ('json' as const) : undefined;
      // Findings that go to the report alone (not to the cache) come back from a worker lean.
      const reportOnly = render !== undefined && !cache;
      const jobs = pending.map((n) => ({ path: mine[n]!.path, text: mine[n]!.text, languageId: mine[n]!.languageId, config: configs[n]!, render, reportOnly }));
      let outcomes: DraftOutcome[];
      if (pool) {
        const { keepRendered } = await import('./format/json.js');
        await pool.setWorkspace(workspace ? snapshot! : null);
        // A long draft goes as two jobs, one per part of its rules, merged when both are back.
        const { SPLIT_CHARS, splitParts } = await import('./split.js');
        const { mergeParts } = core;
        const poolJobs: PoolJob[] = [];
        const slots: number[][] = jobs.map((job, k) => {
          if (job.text.length < SPLIT_CHARS) return [poolJobs.push({ draft: draftNumber.get(mine[pending[k]!]!)!, job }) - 1];
          return splitParts(job.text.length).map(({ part, blockRange }) => poolJobs.push({ draft: -1, job: { ...job, part, blockRange } }) - 1);
        });
        const back = await pool.analyse(poolJobs, (n) => onProgress(Math.floor((n * jobs.length) / poolJobs.length)));
        for (const o of back) if (o.json) keepRendered(o.findings, o.json);
        outcomes = slots.map((s, k) => {
          if (s.length === 1) return back[s[0]!]!;
          const merged = mergeParts(jobs[k]!.text, jobs[k]!.languageId, s.map((i) => back[i]!.findings));
          return { ...merged, ruleErrors: s.flatMap((i) => back[i]!.ruleErrors) };
        });
        // The workers are done: stopping them now frees their heaps before the report is built
        // (for a 1M-word draft, hundreds of MB that would otherwise add to the report's peak).
        await pool.close();
      } else {
        const { analyseOne } = await import('./analyse-draft.js');
        outcomes = jobs.map((job, k) => {
          const outcome = analyseOne(job, workspace);
          onProgress(k + 1);
          return outcome;
        });
      }
      outcomes.forEach((o, k) => {
        const n = pending[k]!;
        for (const e of o.ruleErrors) io.err.write(`copydesk: rule ${e.rule} failed on ${mine[n]!.path}: ${e.error}\n`);
        results[n] = { findings: o.findings, unused: o.unusedDisables };
        cache?.set(mine[n]!.path, keys[n]!, o.findings, o.unusedDisables);
      });
      done += pending.length;
    }
    const reports: FileReport[] = mine.map((d, n) => ({
      path: d.path,
      text: d.text,
      languageId: d.languageId,
      findings: results[n]!.findings,
      ...(opts.reportUnusedDisables ? { unusedDisables: results[n]!.unused } : {}),
    }));
    progress.done();
    await cache?.save();

    // 5. Exit status from everything found; --quiet only trims what is shown.
    const failRank = RANK[opts.failOn];
    const severities = reports.flatMap((r) => [...r.findings.map((f) => f.severity), ...(r.unusedDisables ?? []).map((): Severity => 'warning')]);
    const warnings = severities.filter((s) => s === 'warning').length;
    const failed = severities.some((s) => RANK[s] >= failRank) || (opts.maxWarnings >= 0 && warnings > opts.maxWarnings);
    const shown = opts.quiet
      ? reports.map((r) => ({ ...r, findings: r.findings.filter((f) => RANK[f.severity] >= failRank), ...(r.unusedDisables ? { unusedDisables: RANK.warning >= failRank ? r.unusedDisables : [] } : {}) }))
      : reports;

    // The JSON report comes as UTF-8 chunks, each whole characters: a 1M-word draft's report is
    // never one string, and the findings the threads rendered are written as they are.
    const output: string | Iterable<Uint8Array> = opts.fixDryRun ? diffs : await render(opts, shown, io);
    if (opts.outputFile) {
      try {
        await promisify(writeFile)(opts.outputFile, typeof output === 'string' ? output : Buffer.concat([...output]));
      } catch (e) {
        throw new UsageError(`cannot write the report to "${opts.outputFile}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    } else if (typeof output === 'string') io.out.write(output);
    else
      for (const chunk of output) {
        if (io.out.writeBytes) io.out.writeBytes(chunk);
        else io.out.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'));
      }
    if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
      io.err.write(`copydesk: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}.\n`);
    }
    if (readErrors > 0) return 2;
    return failed ? 1 : 0;
  }
}

async function render(opts: CliOptions, reports: FileReport[], io: CliIo): Promise<string | Iterable<Uint8Array>> {
  switch (opts.format) {
    case 'json':
      return (await import('./format/json.js')).formatJsonChunks(reports);
    case 'github':
      return (await import('./format/github.js')).formatGithub(reports);
    case 'sarif': {
      const { VERSION } = await import('./version.js');
      return (await import('./format/sarif.js')).formatSarif(reports, VERSION);
    }
    case 'html': {
      const { VERSION } = await import('./version.js');
      return (await import('./format/html.js')).formatHtml(reports, VERSION);
    }
    default: {
      const color = opts.color ?? (io.out.isTTY === true && !opts.outputFile && !('NO_COLOR' in process.env));
      const { formatStylish, formatDensity } = await import('./format/stylish.js');
      let text = formatStylish(reports, color);
      if (!opts.quiet) text += formatDensity(reports);
      // Quiet and clean: print nothing, as linters do.
      return opts.quiet && reports.every((r) => r.findings.length === 0 && !r.unusedDisables?.length) ? '' : text;
    }
  }
}
