// The Copydesk benchmark (`npm run bench`; never part of `npm test`).
//
// Measures, on corpora generated from samples/ (see bench/corpus.mjs):
// - the CLI as a user runs it, one cold process per run: wall time, peak memory, words/s and time
//   per word, at 1k, 10k, 100k and 1M words, plain text and Markdown; cold start on an empty file;
// - the 1,000-draft folder with 1 and 2 worker threads;
// - the peers on the same files in the same run (retext-english + retext-intensify; write-good),
//   each capped by a timeout, with the ratio Copydesk time / peer time;
// - the editor path through the real language server over LSP stdio (debounce set to 0): didOpen to
//   publishDiagnostics for a 10k-word draft, one-character didChange to publishDiagnostics (p50/p95
//   over 1,000 edits spread over the draft), and the server's memory afterwards; then the plain-text
//   draft again with the 1,000-draft folder open as the workspace (indexed before the draft opens).
// Prints a table and a pass/fail line against the targets, and writes JSON to bench/out/.
//
// Options: --dist <dir> (default dist), --quick (up to 100k words, fewer repeats),
//          --no-peers, --peer-timeout <s> (default 120), --edits <n> (default 1000),
//          --editor-only (the editor figures alone; the PASS/FAIL line then covers them alone)
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, totalmem, loadavg, platform, release, availableParallelism, tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeCorpora, label } from './corpus.mjs';
import { percentile, typingPlace } from './typing.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const PEAK = join(ROOT, 'bench', 'peak.cjs');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const DIST = resolve(ROOT, opt('--dist', 'dist'));
const QUICK = args.includes('--quick');
const PEERS = !args.includes('--no-peers');
const PEER_TIMEOUT_S = Number(opt('--peer-timeout', 120));
const EDITS = Number(opt('--edits', QUICK ? 300 : 1000));
const EDITOR_ONLY = args.includes('--editor-only');
const CLI = join(DIST, 'cli.cjs');
const SERVER = join(DIST, 'server.cjs');

/** The targets of issue 7. */
const TARGETS = { plain1MSeconds: 10, plain1MMB: 500, firstAnalysisMs: 100, keystrokeP95Ms: 10, coldStartMs: 150 };

for (const f of [CLI, SERVER]) {
  if (!existsSync(f)) {
    console.error(`bench: ${f} is missing; run \`npm run build\` first (npm run bench does).`);
    process.exit(2);
  }
}

mkdirSync(OUT, { recursive: true });
const loadStart = loadavg();
const corpora = makeCorpora();
const files = corpora.files.filter((f) => !QUICK || f.size <= 100_000);

/**
 * Runs `node <script> <args>` as a fresh process and times it. Peak RSS comes from the preloaded
 * bench/peak.cjs (getrusage in the child). Returns { ms, mb, code, stdout } or { timedOut }.
 */
function timed(script, scriptArgs, { timeoutS = 0, env = {} } = {}) {
  const peakFile = join(OUT, `.peak-${process.pid}`);
  rmSync(peakFile, { force: true });
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', PEAK, script, ...scriptArgs], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, COPYDESK_BENCH_PEAK: peakFile },
    });
    // Output is counted, not kept: the JSON report of 1M words is large.
    let findings = 0;
    let tail = '';
    let head = '';
    child.stdout.on('data', (d) => {
      const s = tail + d.toString('utf8');
      findings += (s.match(/"rule": ?"/g) ?? []).length - (tail.match(/"rule": ?"/g) ?? []).length;
      tail = s.slice(-16);
      if (head.length < 200) head += d.toString('utf8').slice(0, 200);
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d).length > 4000 && (stderr = stderr.slice(-4000)));
    let timer;
    let timedOut = false;
    if (timeoutS > 0)
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutS * 1000);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      if (timedOut) return done({ timedOut: true, ms });
      const peaks = existsSync(peakFile) ? readFileSync(peakFile, 'utf8').trim().split('\n').map(Number) : [];
      rmSync(peakFile, { force: true });
      done({ ms, mb: peaks.length ? Math.max(...peaks) / 1024 : NaN, code, findings, head, stderr });
    });
  });
}

// Three runs at 1M words too: one run there moves by 15 % with the machine's other load.
const repeats = (size) => (size <= 10_000 ? (QUICK ? 3 : 5) : QUICK ? 1 : 3);

/** Runs the Copydesk CLI `n` times on `target`; the run with the median time is reported. */
async function copydesk(target, n, extra = []) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const r = await timed(CLI, ['check', '--format', 'json', '--max-file-size', '1000000', ...extra, ...[target].flat()]);
    if (r.code !== 0 && r.code !== 1) throw new Error(`copydesk failed on ${target} (exit ${r.code}):\n${r.stderr}`);
    runs.push(r);
  }
  runs.sort((a, b) => a.ms - b.ms);
  const mid = runs[(runs.length - 1) >> 1];
  return { ms: mid.ms, mb: Math.max(...runs.map((r) => r.mb)), findings: mid.findings, runs: runs.length };
}

async function peer(name, target) {
  const script = join(ROOT, 'bench', 'peers', `${name}.mjs`);
  const r = await timed(script, [target], { timeoutS: PEER_TIMEOUT_S });
  if (r.timedOut) return { timedOut: true, ms: PEER_TIMEOUT_S * 1000 };
  if (r.code !== 0) return { error: r.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${r.code}` };
  return { ms: r.ms, mb: r.mb, findings: Number(r.head.trim()) };
}

const log = (s) => process.stderr.write(`${s}\n`);
const results = { cli: [], coldStart: undefined, folder: [], lsp: [] };

// Cold start: an empty draft, so the figure is process start + bundle load + one empty analysis.
const emptyFile = join(OUT, 'empty.txt');
writeFileSync(emptyFile, '');
if (!EDITOR_ONLY) {
  log('cold start on an empty file...');
  results.coldStart = await copydesk(emptyFile, 7);
}

for (const f of EDITOR_ONLY ? [] : files) {
  log(`${label(f.size)} ${f.format}: copydesk...`);
  const c = await copydesk(f.path, repeats(f.size));
  const row = { size: label(f.size), format: f.format, words: f.words, copydesk: c, peers: {} };
  if (PEERS)
    for (const name of ['retext-intensify', 'write-good']) {
      log(`${label(f.size)} ${f.format}: ${name}...`);
      row.peers[name] = await peer(name, f.path);
    }
  results.cli.push(row);
}

// The folder of 1,000 drafts, with 1 and 2 worker threads.
for (const threads of EDITOR_ONLY ? [] : [1, 2]) {
  log(`${corpora.folder.drafts} drafts, ${threads} thread(s)...`);
  // The drafts are named one by one: bench/corpora/ is git-ignored, and the CLI honours .gitignore
  // when it walks a folder.
  const drafts = readdirSync(corpora.folder.path).sort().map((n) => join(corpora.folder.path, n));
  const c = await copydesk(drafts, QUICK ? 1 : 3, ['--threads', String(threads)]);
  if (!c.findings) throw new Error(`the ${drafts.length}-draft folder gave no findings: the run checked nothing`);
  results.folder.push({ threads, drafts: corpora.folder.drafts, words: corpora.folder.words, ...c });
}

// The editor path through the real server.
for (const f of corpora.files.filter((x) => x.size === 10_000)) {
  log(`LSP ${label(f.size)} ${f.format}: didOpen + ${EDITS} edits...`);
  results.lsp.push({ size: label(f.size), format: f.format, words: f.words, ...(await editorRun(f)) });
}
// And with a workspace open: the folder of 1,000 drafts, copied out of the repository (the server,
// like the CLI, leaves git-ignored files out of its index, and bench/corpora/ is git-ignored).
{
  const f = corpora.files.find((x) => x.size === 10_000 && x.format === 'plaintext');
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-workspace-'));
  try {
    for (const n of readdirSync(corpora.folder.path)) copyFileSync(join(corpora.folder.path, n), join(folder, n));
    log(`LSP ${label(f.size)} ${f.format}, ${corpora.folder.drafts}-draft workspace: indexing, didOpen + ${EDITS} edits...`);
    results.lsp.push({ size: label(f.size), format: f.format, words: f.words, workspace: corpora.folder.drafts, ...(await editorRun(f, { workspace: folder })) });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Drives dist/server.cjs over stdio like an editor: open the draft, then type. With `workspace` (a
 * folder), the editor has that folder open: the server indexes its drafts first (the run waits
 * for the indexing to end), and shared-boilerplate compares the draft with them.
 */
async function editorRun(f, { workspace } = {}) {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import(
    pathToFileURL(join(ROOT, 'node_modules', 'vscode-languageserver-protocol', 'lib', 'node', 'main.js')).href
  );
  const child = spawn(process.execPath, [SERVER, '--stdio'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, COPYDESK_DEBOUNCE_MS: '0' },
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].uri === p.uri && (p.version ?? 0) >= waiters[i].version) waiters.splice(i, 1)[0].resolve({ at: performance.now(), n: p.diagnostics.length });
    }
  });
  conn.onNotification('window/logMessage', () => undefined);
  // The server says how long it spent on each version (analysis and conversion, before sending):
  // the rest of a keystroke's time is the protocol (JSON of every diagnostic, both ways).
  const serverMs = new Map();
  conn.onNotification('copydesk/status', (s) => serverMs.set(s.version, s.analysisMs));
  // The workspace's indexing reports progress; its end is when the index is complete.
  let indexed;
  const indexing = new Promise((res) => (indexed = res));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', (p) => p.value?.kind === 'end' && indexed());
  conn.listen();
  const folders = workspace ? [{ uri: pathToFileURL(workspace).href, name: 'drafts' }] : null;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folders?.[0].uri ?? null,
    workspaceFolders: folders,
    capabilities: { window: { workDoneProgress: true } },
    initializationOptions: { settings: {} },
  });
  await conn.sendNotification('initialized', {});
  if (workspace) await indexing;
  const published = (uri, version) => new Promise((res) => waiters.push({ uri, version, resolve: res }));

  let text = readFileSync(f.path, 'utf8');
  const uri = pathToFileURL(f.path).href;
  const languageId = f.format;
  let t0 = performance.now();
  let wait = published(uri, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const open = await wait;
  const firstMs = open.at - t0;

  // Edits spread evenly over the draft, one letter each, each changing one paragraph (typing.mjs).
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const at = typingPlace(text, i, EDITS);
    const before = text.slice(0, at);
    const line = (before.match(/\n/g) ?? []).length;
    const character = at - (before.lastIndexOf('\n') + 1);
    text = before + 'e' + text.slice(at);
    const version = i + 2;
    wait = published(uri, version);
    t0 = performance.now();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }],
    });
    times.push((await wait).at - t0);
  }
  let rssMB = NaN;
  let peakMB = NaN;
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    rssMB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
    peakMB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    // No /proc (not Linux): memory is left out rather than guessed.
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  const inServer = [...serverMs].filter(([v]) => v >= 2).map(([, ms]) => ms);
  return {
    firstAnalysisMs: firstMs,
    firstAnalysisServerMs: serverMs.get(1),
    diagnostics: open.n,
    edits: EDITS,
    keystrokeP50Ms: percentile(times, 50),
    keystrokeP95Ms: percentile(times, 95),
    keystrokeMaxMs: Math.max(...times),
    keystrokeServerP50Ms: percentile(inServer, 50),
    keystrokeServerP95Ms: percentile(inServer, 95),
    serverRssMB: rssMB,
    serverPeakMB: peakMB,
  };
}

// ---- Report ----
const loadEnd = loadavg();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  loadAverage: { start: loadStart.map((x) => +x.toFixed(2)), end: loadEnd.map((x) => +x.toFixed(2)) },
};
const fmtS = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtPeer = (p) => (!p ? '-' : p.timedOut ? `> ${PEER_TIMEOUT_S} s` : p.error ? 'error' : `${fmtS(p.ms)} ${p.mb.toFixed(0)} MB`);
const ratio = (c, p) => (!p ? '-' : p.timedOut ? `< ${(c.ms / p.ms).toFixed(2)}` : p.error ? '-' : (c.ms / p.ms).toFixed(2));

const lines = [];
const table = (head, rows) => {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  lines.push(`| ${head.map((h, i) => h.padEnd(w[i])).join(' | ')} |`);
  lines.push(`| ${w.map((n, i) => (i < 2 ? '-'.repeat(n) : '-'.repeat(n - 1) + ':')).join(' | ')} |`);
  for (const r of rows) lines.push(`| ${r.map((c, i) => (i < 2 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join(' | ')} |`);
  lines.push('');
};
table(
  ['Size', 'Format', 'Words', 'Copydesk', 'Peak MB', 'Words/s', 'µs/word', 'Findings', 'retext-intensify', 'ratio', 'write-good', 'ratio'],
  results.cli.map((r) => [
    r.size,
    r.format,
    r.words,
    fmtS(r.copydesk.ms),
    r.copydesk.mb.toFixed(0),
    Math.round(r.words / (r.copydesk.ms / 1000)),
    ((r.copydesk.ms * 1000) / r.words).toFixed(1),
    r.copydesk.findings,
    fmtPeer(r.peers['retext-intensify']),
    ratio(r.copydesk, r.peers['retext-intensify']),
    fmtPeer(r.peers['write-good']),
    ratio(r.copydesk, r.peers['write-good']),
  ]),
);
table(
  ['Folder', 'Threads', 'Words', 'Wall time', 'Peak MB', 'Words/s', 'Findings'],
  results.folder.map((r) => [`${r.drafts} drafts`, r.threads, r.words, fmtS(r.ms), r.mb.toFixed(0), Math.round(r.words / (r.ms / 1000)), r.findings]),
);
table(
  ['Editor (LSP)', 'Format', 'First analysis', 'in server', 'Keystroke p50', 'p95', 'Max', 'in server p50', 'p95', 'Server RSS after', 'Server peak'],
  results.lsp.map((r) => [
    r.workspace ? `${r.size} words, ${r.workspace}-draft workspace` : `${r.size} words`,
    r.format,
    `${r.firstAnalysisMs.toFixed(1)} ms`,
    `${r.firstAnalysisServerMs?.toFixed(1) ?? '-'} ms`,
    `${r.keystrokeP50Ms.toFixed(2)} ms`,
    `${r.keystrokeP95Ms.toFixed(2)} ms`,
    `${r.keystrokeMaxMs.toFixed(1)} ms`,
    `${r.keystrokeServerP50Ms?.toFixed(2) ?? '-'} ms`,
    `${r.keystrokeServerP95Ms?.toFixed(2) ?? '-'} ms`,
    `${r.serverRssMB.toFixed(0)} MB`,
    `${r.serverPeakMB.toFixed(0)} MB`,
  ]),
);
if (results.coldStart) lines.push(`Cold start (empty file, median of ${results.coldStart.runs}): ${fmtS(results.coldStart.ms)}, ${results.coldStart.mb.toFixed(0)} MB`);
const flat = results.cli.filter((r) => r.format === 'plaintext');
if (flat.length > 1) lines.push(`Time per word, plain text, ${flat.map((r) => `${r.size}: ${((r.copydesk.ms * 1000) / r.words).toFixed(1)} µs`).join(', ')}`);

// Pass/fail against the targets.
const plain1M = results.cli.find((r) => r.size === '1M' && r.format === 'plaintext');
const lspMd = results.lsp.find((r) => r.format === 'markdown') ?? results.lsp[0];
const checks = [
  plain1M ? [`1M words plain ≤ ${TARGETS.plain1MSeconds} s`, plain1M.copydesk.ms / 1000 <= TARGETS.plain1MSeconds, fmtS(plain1M.copydesk.ms)] : undefined,
  plain1M ? [`1M words plain ≤ ${TARGETS.plain1MMB} MB`, plain1M.copydesk.mb <= TARGETS.plain1MMB, `${plain1M.copydesk.mb.toFixed(0)} MB`] : undefined,
  ...results.lsp.map((r) => [`first analysis ${r.size} ${r.format}${r.workspace ? ' in a workspace' : ''} ≤ ${TARGETS.firstAnalysisMs} ms`, r.firstAnalysisMs <= TARGETS.firstAnalysisMs, `${r.firstAnalysisMs.toFixed(1)} ms`]),
  ...results.lsp.map((r) => [`keystroke p95 ${r.format}${r.workspace ? ' in a workspace' : ''} ≤ ${TARGETS.keystrokeP95Ms} ms`, r.keystrokeP95Ms <= TARGETS.keystrokeP95Ms, `${r.keystrokeP95Ms.toFixed(2)} ms`]),
  results.coldStart ? [`cold start ≤ ${TARGETS.coldStartMs} ms`, results.coldStart.ms <= TARGETS.coldStartMs, fmtS(results.coldStart.ms)] : undefined,
  results.folder.length === 2 ? ['1,000 drafts faster with 2 threads', results.folder[1].ms < results.folder[0].ms, `${fmtS(results.folder[0].ms)} → ${fmtS(results.folder[1].ms)}`] : undefined,
].filter(Boolean);
void lspMd;
const pass = checks.every((c) => c[1]);
lines.push('');
lines.push(`${pass ? 'PASS' : 'FAIL'}: ${checks.map(([name, ok, got]) => `${ok ? '✓' : '✗'} ${name} (${got})`).join('; ')}`);
lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage.start.join(' ')} at start, ${machine.loadAverage.end.join(' ')} at end`);

const report = lines.join('\n');
console.log(report);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const json = { date: new Date().toISOString(), machine, targets: TARGETS, pass, checks: checks.map(([name, ok, got]) => ({ name, ok, got })), ...results, corpora: { files: corpora.files, folder: corpora.folder } };
writeFileSync(join(OUT, `bench-${stamp}.json`), JSON.stringify(json, null, 2) + '\n');
// latest.json and latest.md are the last whole bench: an --editor-only run does not replace them.
if (!EDITOR_ONLY) writeFileSync(join(OUT, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
if (!EDITOR_ONLY) writeFileSync(join(OUT, 'latest.md'), report + '\n');
console.log(`\nJSON: bench/out/bench-${stamp}.json${EDITOR_ONLY ? '' : ' (and bench/out/latest.json)'}`);
rmSync(emptyFile, { force: true });
