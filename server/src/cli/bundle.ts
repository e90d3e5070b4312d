/**
 * Entry point of the CLI bundle (dist/cli-main.cjs): what the small launchers dist/cli.cjs (the
 * command) and dist/cli-worker.cjs (its worker threads) load through the code cache.
 */
import { main, checked, outputPending } from './main.js';

export { main, checked };

/**
 * Runs the command with `argv` (without node and script) and ends the process with its exit code.
 * Once the report is out the process exits at once: left to end by itself, Node tears down the
 * heap of the run first, a few hundred ms after a 1M-word draft (0.2–0.5 s measured), with nothing
 * left to do. Output still queued for standard output or error is let drain first.
 */
export function runCli(argv: string[]): Promise<void> {
  return main(argv).then(
    (code) => {
      process.exitCode = code;
      if (!outputPending()) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`copydesk: internal error: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}

/** Starts serving as a check worker (this must be a worker thread started by CheckPool). */
export async function startWorker(): Promise<void> {
  await import('./workers.js');
}
