/**
 * Checking many drafts on worker threads, so a folder of drafts uses every core the user allows.
 *
 * The caller reads the drafts and builds the workspace index (shared boilerplate needs every draft
 * indexed before any is analysed); `analyseDrafts` then spreads the analyses over `threads` worker
 * threads and returns the results in the order of the jobs, exactly as the in-process loop would.
 * One thread, one draft, or a missing worker bundle: the drafts are analysed in this thread.
 *
 * The same module is the worker's entry point: bundled as dist/cli-worker.cjs (scripts/build.mjs),
 * or loaded from source through tsx when the CLI itself runs from source (tests).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, type AnalysisResult, type LanguageId, type ResolvedConfig } from '../core/index.js';
import { WorkspaceIndex, type WorkspaceSnapshot } from '../core/workspace.js';

/** One draft to analyse. `config` must be plain data (it is copied to the worker). */
export interface DraftJob {
  path: string;
  text: string;
  languageId: LanguageId;
  config?: ResolvedConfig;
}

/** What the analysis of one draft gave, minus the parsed document (it stays in the worker). */
export type DraftOutcome = Omit<AnalysisResult, 'document'> & {
  /** Rules that threw on this draft, with the error's stack (the other rules still reported). */
  ruleErrors: { rule: string; error: string }[];
};

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

/** Drafts sent to a worker per message: enough to amortise messaging, few enough to balance. */
const BATCH = 4;

/** Analyses `jobs` with the workspace facts of `index`, on up to `threads` threads. */
export async function analyseDrafts(
  jobs: readonly DraftJob[],
  options: { threads?: number; index?: WorkspaceIndex; /** Called with the number of drafts done so far. */ onProgress?: (done: number) => void } = {},
): Promise<DraftOutcome[]> {
  const threads = Math.min(options.threads ?? defaultThreads(), jobs.length);
  const script = workerScript();
  if (threads <= 1 || !script) {
    const workspace = options.index?.facts();
    return jobs.map((job, i) => {
      const outcome = analyseOne(job, workspace);
      options.onProgress?.(i + 1);
      return outcome;
    });
  }

  const results: DraftOutcome[] = new Array(jobs.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const feed = (w: Worker) => {
        if (next >= jobs.length) return;
        const ids: number[] = [];
        while (ids.length < BATCH && next < jobs.length) ids.push(next++);
        w.postMessage(ids.map((id) => ({ id, job: jobs[id] })));
      };
      // The index goes over as plain data (WorkspaceIndex.snapshot), rebuilt in each worker.
      const snapshot = options.index ? options.index.snapshot() : null;
      for (let t = 0; t < threads; t++) {
        const w = new Worker(script, { workerData: { copydeskCheckWorker: true, index: snapshot } });
        workers.push(w);
        w.on('message', (batch: { id: number; outcome: DraftOutcome }[]) => {
          for (const { id, outcome } of batch) results[id] = outcome;
          done += batch.length;
          options.onProgress?.(done);
          if (done === jobs.length) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < jobs.length) reject(new Error(`a check worker stopped (exit code ${code}) before the drafts were done`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

function analyseOne(job: DraftJob, workspace: ReturnType<WorkspaceIndex['facts']> | undefined): DraftOutcome {
  const ruleErrors: DraftOutcome['ruleErrors'] = [];
  const { findings, unusedDisables } = analyse(job.text, {
    languageId: job.languageId,
    path: job.path,
    config: job.config,
    workspace,
    onRuleError: (rule, error) => ruleErrors.push({ rule, error: String((error as Error)?.stack ?? error) }),
  });
  // The parsed document is not sent back: the caller has the text, and copying it would cost.
  return { findings, unusedDisables, ruleErrors };
}

/** The file a worker runs: this module from source, or its bundle beside the CLI bundle. */
function workerScript(): string | undefined {
  const self = fileURLToPath(import.meta.url);
  if (/\.ts$/.test(self)) return self;
  const bundled = join(dirname(self), 'cli-worker.cjs');
  return existsSync(bundled) ? bundled : undefined;
}

// Worker side: analyse the batches the main thread sends until it terminates this thread.
if (!isMainThread && parentPort && (workerData as { copydeskCheckWorker?: boolean } | null)?.copydeskCheckWorker) {
  const data = workerData as { index: WorkspaceSnapshot | null };
  const workspace = data.index ? WorkspaceIndex.fromSnapshot(data.index).facts() : undefined;
  const port = parentPort;
  port.on('message', (batch: { id: number; job: DraftJob }[]) => {
    port.postMessage(batch.map(({ id, job }) => ({ id, outcome: analyseOne(job, workspace) })));
  });
}
