// Where a keystroke's analysis goes, rule by rule (a profiling aid; `npm run bench` gives the
// editor figures through the real server).
//
// Bundles the analysis core from source (esbuild), opens one draft in an `Analyzer` as the language
// server does, then types one letter at a time at places spread over the draft (as bench/run.mjs
// does), re-analysing after each. Each rule's `analyse` is timed; the rest of an analysis (parsing,
// the paragraph cache, sorting, inline disables) is shown as "(engine)". Prints p50, p95 and the
// mean per rule, in ms, and the analysis as a whole.
//
// Usage: node bench/keystroke-rules.mjs [draft (default bench/corpora/10k.txt)] [--edits n (default 1000)]
//        [--workspace <folder>]: the drafts of the folder are indexed first, as the language server
//        indexes an open workspace, so shared-boilerplate compares the draft with them.
// The corpora in bench/corpora/ are made by `npm run bench`; any draft can be named instead.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { percentile, typingPlace } from './typing.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const editsAt = args.indexOf('--edits');
const EDITS = editsAt >= 0 ? Number(args[editsAt + 1]) : 1000;
const workspaceAt = args.indexOf('--workspace');
const folder = workspaceAt >= 0 ? resolve(args[workspaceAt + 1] ?? '') : undefined;
const draft = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--edits' && args[i - 1] !== '--workspace') ?? join(ROOT, 'bench', 'corpora', '10k.txt'));
if (!existsSync(draft)) {
  console.error(`keystroke-rules: ${draft} is missing; run \`npm run bench\` once to make the corpora, or name a draft.`);
  process.exit(2);
}
if (!Number.isInteger(EDITS) || EDITS < 1) {
  console.error('keystroke-rules: --edits needs a whole number of at least 1');
  process.exit(2);
}

const out = join(ROOT, 'bench', 'out');
mkdirSync(out, { recursive: true });
const bundle = join(out, 'core-for-keystrokes.cjs');
await build({ entryPoints: [join(ROOT, 'server', 'src', 'core', 'index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const { Analyzer, RULES, WorkspaceIndex, languageOfPath } = await import(pathToFileURL(bundle).href);

/** The workspace index, as the language server builds it (the draft itself included). */
let workspace;
if (folder) {
  if (!existsSync(folder)) {
    console.error(`keystroke-rules: no folder ${folder}`);
    process.exit(2);
  }
  const index = new WorkspaceIndex();
  const names = readdirSync(folder).filter((n) => /\.(md|markdown|txt)$/i.test(n));
  for (const n of names) index.update(join(folder, n), readFileSync(join(folder, n), 'utf8'), languageOfPath(n));
  index.update(draft, readFileSync(draft, 'utf8'), languageOfPath(draft));
  workspace = index.facts();
  console.log(`workspace: ${names.length} drafts of ${folder} indexed`);
}

/** Time spent in each rule during the current analysis. */
let spent = new Map();
for (const rule of RULES) {
  const analyse = rule.analyse;
  rule.analyse = function timed(...a) {
    const t = performance.now();
    try {
      return analyse.apply(this, a);
    } finally {
      spent.set(rule.id, (spent.get(rule.id) ?? 0) + performance.now() - t);
    }
  };
}

const languageId = /\.(md|markdown|mdx)$/i.test(draft) ? 'markdown' : 'plaintext';
let text = readFileSync(draft, 'utf8');
const analyzer = new Analyzer();
let t0 = performance.now();
analyzer.analyse(text, { languageId, path: draft, workspace });
const firstMs = performance.now() - t0;

const perRule = new Map();
const totals = [];
for (let i = 0; i < EDITS; i++) {
  // The edits bench/run.mjs types.
  const at = typingPlace(text, i, EDITS);
  text = text.slice(0, at) + 'e' + text.slice(at);
  spent = new Map();
  t0 = performance.now();
  analyzer.analyse(text, { languageId, path: draft, workspace });
  const total = performance.now() - t0;
  totals.push(total);
  let inRules = 0;
  for (const [id, ms] of spent) {
    if (!perRule.has(id)) perRule.set(id, []);
    perRule.get(id).push(ms);
    inRules += ms;
  }
  if (!perRule.has('(engine)')) perRule.set('(engine)', []);
  perRule.get('(engine)').push(total - inRules);
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const row = (name, xs) => `| ${name.padEnd(22)} | ${percentile(xs, 50).toFixed(2).padStart(7)} | ${percentile(xs, 95).toFixed(2).padStart(7)} | ${mean(xs).toFixed(2).padStart(7)} |`;
console.log(`${draft}: ${languageId}, ${text.length} characters; first analysis ${firstMs.toFixed(1)} ms; ${EDITS} one-letter edits`);
console.log('| Part of a keystroke     |     p50 |     p95 |    mean |');
console.log('| ---------------------- | ------: | ------: | ------: |');
console.log(row('whole analysis', totals));
for (const [id, xs] of [...perRule].sort((a, b) => mean(b[1]) - mean(a[1]))) console.log(row(id, xs));
