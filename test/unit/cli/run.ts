/** Drives the CLI in-process: fake streams, a temporary folder as the working directory. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../../server/src/cli/main.js';

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

export interface RunOptions {
  stdin?: string | Buffer;
  /** Pretend standard output / standard error are terminals. */
  outTTY?: boolean;
  errTTY?: boolean;
}

/**
 * Runs `copydesk <argv>` with `cwd` as the working directory. Analyses stay in this thread (unless
 * a test passes --threads) so tests can count them. threads.test.ts covers the threaded path.
 */
export async function run(cwd: string, argv: string[], o: RunOptions = {}): Promise<RunResult> {
  if (argv[0] === 'check' && !argv.includes('--threads')) argv = [...argv, '--threads', '1'];
  let out = '';
  let err = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv, {
      out: { write: (s: string) => (out += s), isTTY: o.outTTY ?? false },
      err: { write: (s: string) => (err += s), isTTY: o.errTTY ?? false, columns: 80 },
      in: (async function* () {
        if (o.stdin !== undefined) yield typeof o.stdin === 'string' ? Buffer.from(o.stdin) : o.stdin;
      })(),
    });
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}

/** A temporary folder holding `files` (path → content); removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
  for (const [p, content] of Object.entries(files)) {
    const full = join(dir, p);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Sentences written for these tests: one hedge each ("perhaps", "reportedly"), one clean. */
export const HEDGED = 'The council will perhaps vote on the budget on Tuesday.\n';
export const HEARSAY = 'The mayor reportedly signed the order on Friday.\n';
export const CLEAN = 'The council voted seven to two on Tuesday to approve the budget.\n';
