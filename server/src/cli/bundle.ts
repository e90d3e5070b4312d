/**
 * Entry point of the CLI bundle (dist/cli-main.cjs): what the small launchers dist/cli.cjs (the
 * command) and dist/cli-worker.cjs (its worker threads) load through the code cache.
 */
import { main, checked } from './main.js';

export { main, checked };

/** Runs the command with `argv` (without node and script) and sets the process's exit code. */
export function runCli(argv: string[]): Promise<void> {
  return main(argv).then(
    (code) => {
      process.exitCode = code;
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
