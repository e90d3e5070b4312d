/** Command-line parsing and validation: everything wrong with the arguments is a usage error (exit 2). */
import { parseArgs } from 'node:util';

/** A problem with what the user asked for, or with a config file or a path: exit code 2. */
export class UsageError extends Error {}

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];
export type FailOn = 'error' | 'warning' | 'info';

export interface CliOptions {
  command: 'check';
  targets: string[];
  format: Format;
  outputFile?: string;
  color?: boolean;
  config?: string;
  ignorePath?: string;
  stdin: boolean;
  stdinFilename?: string;
  fix: boolean;
  fixDryRun: boolean;
  failOn: FailOn;
  quiet: boolean;
  maxWarnings: number;
  rules: string[];
  categories: string[];
  printConfig?: string;
  cache: boolean;
  cacheLocation: string;
  shard?: { index: number; count: number };
  reportUnusedDisables: boolean;
  /** Threads for the analyses (this one and n − 1 workers); undefined: by the machine and the work (at most 2). */
  threads?: number;
  /** Drafts over this size (KB) are refused with a message (exit 2). */
  maxFileSizeKB: number;
}

export const USAGE = `Usage: copydesk check [options] [files|dirs|globs...]

Checks Markdown and plain-text drafts. Directories are walked for *.md, *.markdown, *.mdx, *.txt
and *.text files (or the config's "files" patterns), honouring .gitignore.

Output:
  -f, --format <name>         stylish (default), json, sarif, github or html
  -o, --output-file <file>    write the report to a file instead of standard output
      --color, --no-color     force colours on or off (default: on when output is a terminal)
  -q, --quiet                 report only findings that fail the run (see --fail-on)
      --report-unused-disables  report copydesk-disable comments that silence nothing

Selection:
  -c, --config <file>         use this config file instead of looking for .copydeskrc.json
      --ignore-path <file>    extra ignore file in .gitignore format
      --rule <id>             only run these rules (repeat, or separate with commas)
      --category <name>       only run these categories (hedge, unsourced-quote, boilerplate)
      --stdin                 read the draft from standard input
      --stdin-filename <path> the name of the draft read from standard input
      --shard <i/n>           check only shard i of n (split by path; for CI matrices)
      --max-file-size <KB>    refuse drafts larger than this (default: 1024)
      --threads <n>           analyse on n threads (default: 2 for large runs, else 1)

Fixing:
      --fix                   apply the preferred fixes and save the files
      --fix-dry-run           print the fixes as a unified diff; change nothing

Exit status:
      --fail-on <severity>    error (default), warning or info: exit 1 on findings this severe
      --max-warnings <n>      also exit 1 when there are more than n warnings

Other:
      --cache                 only re-analyse drafts that changed since the last run
      --cache-location <file> where to keep the cache (default: .copydeskcache)
      --print-config <file>   print the configuration in force for a file and exit
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 clean, 1 findings at or above --fail-on (or too many warnings),
2 usage, configuration or read errors.
`;

export type Parsed = { help: true } | { version: true } | CliOptions;

/** Parses `argv` (without node and the script); throws UsageError. */
export function parseCli(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'output-file': { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'ignore-path': { type: 'string' },
        stdin: { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'error' },
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-warnings': { type: 'string' },
        rule: { type: 'string', multiple: true, default: [] },
        category: { type: 'string', multiple: true, default: [] },
        'print-config': { type: 'string' },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string', default: '.copydeskcache' },
        shard: { type: 'string' },
        'report-unused-disables': { type: 'boolean', default: false },
        threads: { type: 'string' },
        'max-file-size': { type: 'string', default: '1024' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { help: true };
  if (v.version) return { version: true };
  const [command, ...targets] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}" (the command is "check")` : 'missing command "check"');

  const format = v.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${v.format}" (use ${FORMATS.join(', ')})`);
  const failOn = v['fail-on'] as FailOn;
  if (!['error', 'warning', 'info'].includes(failOn)) throw new UsageError(`--fail-on takes error, warning or info, not "${v['fail-on']}"`);
  const maxWarnings = v['max-warnings'] === undefined ? -1 : Number(v['max-warnings']);
  if (v['max-warnings'] !== undefined && (!/^\d+$/.test(v['max-warnings']) || !Number.isSafeInteger(maxWarnings))) {
    throw new UsageError(`--max-warnings needs a whole number, got "${v['max-warnings']}"`);
  }
  let shard: CliOptions['shard'];
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes i/n with 1 <= i <= n (e.g. 2/4), not "${v.shard}"`);
    shard = { index, count };
  }
  const threads = v.threads === undefined ? undefined : Number(v.threads);
  if (threads !== undefined && (!/^\d+$/.test(v.threads!) || threads < 1)) throw new UsageError(`--threads needs a whole number of at least 1, got "${v.threads}"`);
  const maxFileSizeKB = Number(v['max-file-size']);
  if (!/^\d+$/.test(v['max-file-size'] ?? '') || maxFileSizeKB < 1) throw new UsageError(`--max-file-size needs a whole number of KB, at least 1, got "${v['max-file-size']}"`);
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color contradict each other');
  if (v.fix && v['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (v.stdin && targets.length > 0) throw new UsageError('--stdin reads one draft from standard input; give no files with it');
  if (v.stdin && v.fix) throw new UsageError('--fix cannot save standard input; use --fix-dry-run to see the fixes');
  if (!v.stdin && targets.length === 0 && v['print-config'] === undefined) throw new UsageError('no files given');
  const list = (xs: string[]) => xs.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return {
    command: 'check',
    targets,
    format,
    outputFile: v['output-file'],
    color: v.color ? true : v['no-color'] ? false : undefined,
    config: v.config,
    ignorePath: v['ignore-path'],
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    failOn,
    quiet: v.quiet ?? false,
    maxWarnings,
    rules: list(v.rule ?? []),
    categories: list(v.category ?? []),
    printConfig: v['print-config'],
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'] ?? '.copydeskcache',
    shard,
    reportUnusedDisables: v['report-unused-disables'] ?? false,
    threads,
    maxFileSizeKB,
  };
}
