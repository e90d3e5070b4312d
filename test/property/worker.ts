/**
 * Runs a property in a worker thread with a deadline. Rules run synchronously, so a rule caught
 * in an endless loop would block the test process for good; a worker can be terminated.
 */
import { Worker } from 'node:worker_threads';
import type { PropertyRun } from './suite.js';

const suite = new URL('./suite.ts', import.meta.url).href;
const tsx = import.meta.resolve('tsx/esm/api');

// The worker registers tsx itself: loaders of the parent thread do not reach a worker's imports.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  const { runProperty } = await import(workerData.suite);
  parentPort.postMessage({ failure: runProperty(workerData.run) ?? null });
})().catch((e) => parentPort.postMessage({ failure: 'the property could not run: ' + (e && e.stack || e) }));
`;

/** Resolves with a failure description, or undefined when the property held within `deadlineMs`. */
export function runInWorker(run: PropertyRun, deadlineMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { run, suite, tsx }, env: process.env });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(`property "${run.name}" (seed ${run.seed}, ${run.numRuns} runs) did not finish within ${deadlineMs} ms: a check hangs or is far too slow`);
    }, deadlineMs);
    worker.once('message', (m: { failure: string | null }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m.failure ?? undefined);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve(`worker error: ${e.stack ?? e}`);
    });
  });
}

