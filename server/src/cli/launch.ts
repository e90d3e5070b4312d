/**
 * Entry point of dist/cli.cjs, the `copydesk` command: a few lines that load the CLI bundle
 * (dist/cli-main.cjs) through the V8 code cache (compile-cache.ts) and run it. CommonJS only: it
 * is bundled, never run from source (bin.ts is the source entry).
 */
import { join } from 'node:path';
import { loadBundle } from './compile-cache.js';

let cli: typeof import('./bundle.js') | undefined;
try {
  // The code cache is written by a run that checked drafts, not by --help or --version, which
  // compile too little of the CLI to be worth caching.
  cli = loadBundle(join(__dirname, 'cli-main.cjs'), { writeOnExit: () => cli?.checked() === true }) as typeof import('./bundle.js');
} catch (e) {
  process.stderr.write(`copydesk: internal error: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
void cli?.runCli(process.argv.slice(2));
