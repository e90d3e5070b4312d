/**
 * Checking many drafts on several threads, so a folder of drafts uses every core the user allows.
 *
 * A pool of n threads is this thread and n − 1 worker threads (CheckPool). Shared boilerplate needs
 * every draft indexed before any is analysed, and indexing parses every draft, so the work goes in
 * two rounds over the pool:
 *
 * 1. `index`: the threads parse and index the drafts, a batch at a time, and each draft's units
 *    (its WorkspaceIndex snapshot entry) come back here. They are merged in the order of the
 *    drafts, so the index is the one a single thread builds, with its lists in the same order.
 * 2. `analyse`: every thread gets the merged index and analyses the drafts it indexed first (its
 *    parse memos are warm and it holds their text), then takes drafts from the back of the others'
 *    queues when its own run out. Outcomes are returned in the order of the jobs.
 *
 * This thread works between the messages of the workers, a draft at a time, so it answers them
 * promptly; its own drafts never need copying. `analyseDrafts` is the second round alone.
 *
 * The same module is the workers' entry point: in the bundle, dist/cli-worker.cjs loads the CLI
 * bundle and this module (scripts/build.mjs); from source (tests), a worker imports this file
 * through tsx.
 */
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LanguageId, WorkspaceFacts } from '../core/index.js';
import { WorkspaceIndex, type WorkspaceSnapshot } from '../core/workspace.js';
import { analyseOne, leanFinding, type DraftJob, type DraftOutcome } from './analyse-draft.js';

export type { DraftJob, DraftOutcome };

/** Default thread count: both cores of a laptop, never more than the machine has. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** Parses a `--threads` value; throws an Error whose message explains what is wrong. */
export function parseThreads(value: string | undefined): number {
  if (value === undefined) return defaultThreads();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--threads needs a whole number of at least 1, got "${value}"`);
  return n;
}

/** Drafts per message to a worker: enough to amortise messaging, few enough to balance. */
const WORKER_BATCH = { index: 8, analyse: 4 };
/** Messages a worker has in hand at once, so it never waits for the next one to arrive. */
const IN_FLIGHT = 2;

/** A draft to index: its text stays in the thread that indexed it, for the analysis. */
export interface IndexDraft {
  path: string;
  text: string;
  languageId: LanguageId;
}

/** One draft's entry of a WorkspaceSnapshot. */
export type DraftUnits = WorkspaceSnapshot['files'][number];

/** A draft to analyse: `draft` is its position in the `index` call, or -1 for a draft not indexed there. */
export interface PoolJob {
  draft: number;
  job: DraftJob;
}

type Request =
  | { type: 'index'; items: ({ id: number } & IndexDraft)[] }
  | { type: 'workspace'; snapshot: WorkspaceSnapshot | null }
  | { type: 'analyse'; items: ({ id: number; draft: number; job?: DraftJob } & Pick<DraftJob, 'config' | 'render' | 'reportOnly'>)[] };

type Reply = { items: { id: number; units?: Omit<DraftUnits, 'path'>; outcome?: DraftOutcome }[] };

/** What a thread of the pool does with a request: the same code in this thread and in a worker. */
class DraftServer {
  private readonly drafts = new Map<number, IndexDraft>();
  private workspace: WorkspaceFacts | undefined;

  handle(message: Request): Reply {
    switch (message.type) {
      case 'index':
        return {
          items: message.items.map(({ id, ...d }) => {
            this.drafts.set(id, d);
            return { id, units: unitsOf(d) };
          }),
        };
      case 'workspace':
        this.workspace = message.snapshot ? WorkspaceIndex.fromSnapshot(message.snapshot).facts() : undefined;
        return { items: [] };
      case 'analyse':
        return {
          items: message.items.map(({ id, draft, config, render, reportOnly, job }) => {
            const d = job ?? this.drafts.get(draft);
            if (!d) throw new Error(`check worker: draft ${draft} was not indexed here`);
            const todo = job ?? { ...d, config, render, reportOnly };
            const outcome = analyseOne(todo, this.workspace);
            // A worker's findings are copied to the main thread: only what the report reads of them.
            if (!isMainThread && outcome.json && todo.reportOnly) outcome.findings = outcome.findings.map(leanFinding);
            return { id, outcome };
          }),
        };
    }
  }
}

/** What WorkspaceIndex.update adds for one draft, as a snapshot entry without the path. */
function unitsOf(d: IndexDraft): Omit<DraftUnits, 'path'> {
  // The index's own code, so the units are exactly those a single-thread run indexes.
  const one = new WorkspaceIndex();
  one.update(d.path, d.text, d.languageId);
  const { keys, offsets, lengths } = one.snapshot().files[0]!;
  return { keys, offsets, lengths };
}

/** A thread of the pool, as the scheduler sees it. */
interface Member {
  /** Sends a request; the answers come in the order of the requests. */
  request(message: Request): Promise<Reply>;
  /** Drafts per request. */
  batch: { index: number; analyse: number };
  /** Requests handed over at once. */
  inFlight: number;
  worker?: Worker;
}

/** This thread as a member: one draft at a time, after letting pending messages through. */
function localMember(): Member {
  const server = new DraftServer();
  return {
    request: (message) =>
      new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(server.handle(message));
          } catch (e) {
            reject(e);
          }
        }),
      ),
    batch: { index: 1, analyse: 1 },
    inFlight: 1,
  };
}

/** A worker thread running `script` as a member. */
function workerMember(script: string, youngGenerationMb: number | undefined): Member {
  const worker = startWorker(script, youngGenerationMb);
  const waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (reply: Reply) => waiting.shift()?.resolve(reply));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a check worker stopped (exit code ${code}) before the drafts were done`)));
  return {
    request: (message) =>
      failure
        ? Promise.reject(failure)
        : new Promise((resolve, reject) => {
            waiting.push({ resolve, reject });
            worker.postMessage(message);
          }),
    batch: WORKER_BATCH,
    inFlight: IN_FLIGHT,
    worker,
  };
}

/** The threads of one CLI run: this one and the workers, started once and stopped by `close`. */
export class CheckPool {
  /** Which member indexed each draft of the last `index` call. */
  private owner: Int32Array = new Int32Array(0);
  /** Set when a thread failed or the pool was closed: the others take no more work. */
  private stopped = false;

  private constructor(private readonly members: Member[]) {}

  /**
   * A pool of `threads` threads (this one and threads − 1 workers), or undefined when fewer than
   * two are asked for or the worker script is missing (a bundle copied without
   * dist/cli-worker.cjs): the caller then works alone. `long`: the pool is for the parts of one
   * long draft (split.ts), and its workers get a larger young generation (LONG_DRAFT_YOUNG_MB).
   */
  static start(threads: number, options: { long?: boolean } = {}): CheckPool | undefined {
    const script = workerScript();
    if (threads < 2 || !script) return undefined;
    const young = options.long ? LONG_DRAFT_YOUNG_MB : undefined;
    return new CheckPool([localMember(), ...Array.from({ length: threads - 1 }, () => workerMember(script, young))]);
  }

  /** Number of threads, this one included. */
  get size(): number {
    return this.members.length;
  }

  /**
   * Runs `feed(k)` for each request each member may have in hand, until all are done. `feed` stops
   * taking work once `this.stopped` is set: a failure ends the round without waiting for the rest.
   */
  private async run(feed: (k: number) => Promise<void>): Promise<void> {
    if (this.stopped) throw new Error('the check threads were stopped');
    await Promise.all(
      this.members.flatMap((m, k) =>
        Array.from({ length: m.inFlight }, () =>
          feed(k).catch((e: unknown) => {
            this.stopped = true;
            throw e;
          }),
        ),
      ),
    );
  }

  /**
   * Parses and indexes `drafts` on the threads. Returns each draft's snapshot entry, in the order
   * of `drafts`; each thread keeps the drafts it indexed for `analyse`.
   */
  async index(drafts: readonly IndexDraft[]): Promise<DraftUnits[]> {
    const out: DraftUnits[] = new Array(drafts.length);
    this.owner = new Int32Array(drafts.length);
    let next = 0;
    await this.run(async (k) => {
      const member = this.members[k]!;
      while (next < drafts.length && !this.stopped) {
        const items: ({ id: number } & IndexDraft)[] = [];
        while (items.length < member.batch.index && next < drafts.length) {
          const id = next++;
          const d = drafts[id]!;
          items.push({ id, path: d.path, text: d.text, languageId: d.languageId });
          this.owner[id] = k;
        }
        const reply = await member.request({ type: 'index', items });
        for (const { id, units } of reply.items) out[id] = { path: drafts[id]!.path, ...units! };
      }
    });
    return out;
  }

  /** Gives every thread the workspace index the rules read (null: none). */
  async setWorkspace(snapshot: WorkspaceSnapshot | null): Promise<void> {
    await Promise.all(this.members.map((m) => m.request({ type: 'workspace', snapshot })));
  }

  /**
   * Analyses `jobs` and returns the outcomes in the order of `jobs`. A job whose draft this pool
   * indexed goes to the thread that indexed it, unless another thread has nothing left to do.
   * `onProgress` is called with the number of drafts done so far.
   */
  async analyse(jobs: readonly PoolJob[], onProgress?: (done: number) => void): Promise<DraftOutcome[]> {
    const results: DraftOutcome[] = new Array(jobs.length);
    // Each thread's own jobs, in order; jobs of drafts not indexed here are dealt round the threads.
    const queues: number[][] = this.members.map(() => []);
    let dealt = 0;
    jobs.forEach((j, n) => {
      const k = j.draft >= 0 && j.draft < this.owner.length ? this.owner[j.draft]! : dealt++ % queues.length;
      queues[k]!.push(n);
    });
    const heads = queues.map(() => 0);
    const left = (k: number) => queues[k]!.length - heads[k]!;
    /** The next job for thread k: its own, else the last of the longest other queue. */
    const take = (k: number): number | undefined => {
      if (left(k) > 0) return queues[k]![heads[k]!++];
      let from = -1;
      for (let o = 0; o < queues.length; o++) if (left(o) > 0 && (from < 0 || left(o) > left(from))) from = o;
      return from < 0 ? undefined : queues[from]!.pop();
    };
    let done = 0;
    await this.run(async (k) => {
      const member = this.members[k]!;
      for (;;) {
        const items: Extract<Request, { type: 'analyse' }>['items'] = [];
        while (items.length < member.batch.analyse) {
          const n = take(k);
          if (n === undefined) break;
          const { draft, job } = jobs[n]!;
          // The thread that indexed the draft has its text; any other gets the whole job.
          items.push(draft >= 0 && this.owner[draft] === k ? { id: n, draft, config: job.config, render: job.render, reportOnly: job.reportOnly } : { id: n, draft: -1, job });
        }
        if (items.length === 0 || this.stopped) return;
        const reply = await member.request({ type: 'analyse', items });
        for (const { id, outcome } of reply.items) results[id] = outcome!;
        done += reply.items.length;
        onProgress?.(done);
      }
    });
    return results;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.members.map((m) => m.worker?.terminate()));
  }
}

/**
 * Analyses `jobs` with the workspace facts of `index`, on up to `threads` threads (one thread, one
 * draft or a missing worker script: in this thread alone). Results are in the order of `jobs`.
 */
export async function analyseDrafts(
  jobs: readonly DraftJob[],
  options: { threads?: number; index?: WorkspaceIndex; /** Called with the number of drafts done so far. */ onProgress?: (done: number) => void } = {},
): Promise<DraftOutcome[]> {
  const pool = CheckPool.start(Math.min(options.threads ?? defaultThreads(), jobs.length));
  if (!pool) {
    const workspace = options.index?.facts();
    return jobs.map((job, i) => {
      const outcome = analyseOne(job, workspace);
      options.onProgress?.(i + 1);
      return outcome;
    });
  }
  try {
    await pool.setWorkspace(options.index ? options.index.snapshot() : null);
    return await pool.analyse(
      jobs.map((job) => ({ draft: -1, job })),
      options.onProgress,
    );
  } finally {
    await pool.close();
  }
}

/** The file a worker runs: this module from source, or the worker script beside the CLI bundle. */
export function workerScript(): string | undefined {
  const self = fileURLToPath(import.meta.url);
  if (/\.ts$/.test(self)) return self;
  const bundled = join(dirname(self), 'cli-worker.cjs');
  return existsSync(bundled) ? bundled : undefined;
}

/**
 * The young generation, in MB, of a worker analysing part of a long draft: twice V8's default
 * (48 MB on 64-bit machines). Analysing a long draft allocates short-lived objects fast (parse
 * trees, tokens); with a small nursery many of them live through enough scavenges to be promoted
 * to the old generation and are collected there, later and at more cost. On the bench's 1M-word
 * draft the worker's part finished 0.3–1 s sooner (three runs each way), and the process's peak
 * memory stayed within its run-to-run spread (810–960 MB). A folder of drafts gained nothing from it
 * and held some 50 MB more, so its workers keep the default.
 */
const LONG_DRAFT_YOUNG_MB = 96;

/** A worker running `script` (see workerScript), with V8's default young generation unless told. */
function startWorker(script: string, youngGenerationMb: number | undefined): Worker {
  const workerData = { copydeskCheckWorker: true };
  const resourceLimits = youngGenerationMb ? { maxYoungGenerationSizeMb: youngGenerationMb } : {};
  if (!script.endsWith('.ts')) return new Worker(script, { workerData, resourceLimits });
  // From source (tests): Node 20 does not apply the parent's `--import tsx` to worker threads, so
  // the worker registers tsx's loader itself before it imports this module.
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

/** Worker side: answers the main thread's requests, in order, until it terminates this thread. */
function serve(port: MessagePort): void {
  const server = new DraftServer();
  port.on('message', (message: Request) => port.postMessage(server.handle(message)));
}

if (!isMainThread && parentPort && (workerData as { copydeskCheckWorker?: boolean } | null)?.copydeskCheckWorker) serve(parentPort);
