/**
 * The `copydesk` command: files in, findings out. A thin adapter over the core.
 * Exit codes: 0 clean, 1 findings at or above the failing severity, 2 usage or read errors.
 */
import { parseArgs } from 'node:util';
import { analyse, type Finding, type LanguageId } from '../core/index.js';
import { collectFiles, readDraft, UsageError } from './files.js';
import { formatJson, formatStylish, type FileReport } from './format.js';

const USAGE = `Usage: copydesk check [options] <files|dirs|globs...>

Options:
  --format <stylish|json>   output format (default: stylish)
  --max-warnings <n>        fail when there are more than n warnings
  -h, --help                show this help
`;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err.write(`copydesk: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out.write(USAGE);
    return 0;
  }
  const [command, ...targets] = positionals;
  if (command !== 'check') {
    io.err.write(`copydesk: ${command ? `unknown command "${command}"` : 'missing command'}\n\n${USAGE}`);
    return 2;
  }
  if (values.format !== 'stylish' && values.format !== 'json') {
    io.err.write(`copydesk: unknown format "${values.format}" (use stylish or json)\n`);
    return 2;
  }
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
    io.err.write(`copydesk: --max-warnings needs a whole number, got "${values['max-warnings']}"\n`);
    return 2;
  }
  if (targets.length === 0) {
    io.err.write(`copydesk: no files given\n\n${USAGE}`);
    return 2;
  }

  let files: string[];
  try {
    files = await collectFiles(targets);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`copydesk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const reports: FileReport[] = [];
  let readErrors = 0;
  for (const path of files) {
    let text: string;
    try {
      text = await readDraft(path);
    } catch (e) {
      io.err.write(`copydesk: ${path}: ${(e as Error).message}\n`);
      readErrors++;
      continue;
    }
    const languageId: LanguageId = /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'plaintext';
    const { findings } = analyse(text, {
      languageId,
      path,
      onRuleError: (rule, err) => io.err.write(`copydesk: rule ${rule} failed on ${path}: ${(err as Error).stack ?? err}\n`),
    });
    reports.push({ path, text, findings });
  }

  io.out.write(values.format === 'json' ? formatJson(reports) : formatStylish(reports));
  if (readErrors > 0) return 2;
  const all: Finding[] = reports.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) return 1;
  return 0;
}
