#!/usr/bin/env node
// A stand-in for the desktop VS Code executable, for @vscode/test-electron's runTests
// (`vscodeExecutablePath`). It runs the same extension test suite in real VS Code, headless
// and offline: code-server (VS Code's server + web workbench, extension host in Node) opened
// by Debian's chromium driven by playwright-core.
//
// argv (from runTests): <workspace folder> [electron flags...] --extensionTestsPath=<suite>
//   --extensionDevelopmentPath=<ext dir> --extensions-dir=... --user-data-dir=...
// Only the workspace folder and the two test paths are used; everything else is ignored.
//
// Environment:
//   COPYDESK_E2E_VSIX=<file.vsix>  install this packaged extension into the (fresh) extensions
//                                  dir before starting (packaged-extension mode).
//   COPYDESK_E2E_TIMEOUT=<seconds> overall limit, default 300.
//   COPYDESK_E2E_VERBOSE=1         also print code-server's and the browser's own output.
//
// Exit code: the suite's (0 = all passed), 1 on any harness failure, 124 on timeout.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const codeServerDir = join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server');
const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');
const CHROMIUM = process.env.COPYDESK_E2E_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.COPYDESK_E2E_TIMEOUT || 300) * 1000;
const VERBOSE = process.env.COPYDESK_E2E_VERBOSE === '1';

const log = (...a) => process.stdout.write(`[launcher] ${format(...a)}\n`);
const logErr = (...a) => process.stderr.write(`[launcher] ${format(...a)}\n`);

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const out = { folder: undefined, extensionTestsPath: undefined, extensionDevelopmentPath: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)=(.*)$/s.exec(a);
    if (m) {
      if (m[1] === 'extensionTestsPath') out.extensionTestsPath = resolve(m[2]);
      else if (m[1] === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(resolve(m[2]));
      continue;
    }
    if (a === '--extensionTestsPath' || a === '--extensionDevelopmentPath') {
      const v = argv[++i];
      if (a === '--extensionTestsPath') out.extensionTestsPath = resolve(v);
      else out.extensionDevelopmentPath.push(resolve(v));
      continue;
    }
    if (a.startsWith('-')) continue; // Electron/desktop-only flags
    if (!out.folder) out.folder = resolve(a);
  }
  return out;
}

// ---------------------------------------------------------------- helpers
function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForHealth(port, child, deadline) {
  const url = `http://127.0.0.1:${port}/healthz`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100)); // polling interval while the server starts
  }
  throw new Error(`code-server did not answer ${url} in time`);
}

function vscodeVersion() {
  try {
    const pkg = JSON.parse(readFileSync(join(codeServerDir, 'lib', 'vscode', 'package.json'), 'utf8'));
    const product = JSON.parse(readFileSync(join(codeServerDir, 'lib', 'vscode', 'product.json'), 'utf8'));
    const cs = JSON.parse(readFileSync(join(codeServerDir, 'package.json'), 'utf8'));
    return `VS Code ${pkg.version} (${product.quality ?? 'stable'} ${String(product.commit ?? '').slice(0, 10)}), code-server ${cs.version}`;
  } catch (e) {
    return `unknown (${e.message})`;
  }
}

/** Keeps the last lines of a noisy stream, to show when something goes wrong. */
class Tail {
  constructor(max = 200) {
    this.max = max;
    this.lines = [];
  }
  push(prefix, chunk) {
    for (const line of String(chunk).split(/\r?\n/)) {
      if (!line) continue;
      if (VERBOSE) process.stdout.write(`${prefix} ${line}\n`);
      this.lines.push(`${prefix} ${line}`);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  dump(title) {
    if (VERBOSE || !this.lines.length) return;
    process.stderr.write(`[launcher] ---- last lines of ${title} ----\n${this.lines.join('\n')}\n[launcher] ---- end ----\n`);
  }
}

function flushAndExit(code) {
  // runTests stops reading our output the moment we exit: let stdout/stderr drain first.
  let pending = 2;
  const done = () => {
    if (--pending === 0) setTimeout(() => process.exit(code), 200);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

// ---------------------------------------------------------------- main
const args = parseArgs(process.argv.slice(2));
let server; // code-server child (own process group)
let browser;
let tmpRoot;
let cleaningUp;
const serverTail = new Tail();

function killServerGroup() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const pgid = server.pid;
    const hard = setTimeout(() => {
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
      res();
    }, 3000);
    server.once('exit', () => {
      clearTimeout(hard);
      // the group may still hold the language server or the extension host: finish them off
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
      res();
    });
    try { process.kill(-pgid, 'SIGTERM'); } catch { clearTimeout(hard); res(); }
  });
}

async function cleanup() {
  if (cleaningUp) return cleaningUp;
  cleaningUp = (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    }
    await killServerGroup();
    if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaningUp;
}

async function finish(code) {
  try {
    await cleanup();
  } catch (e) {
    logErr('cleanup failed:', e?.message ?? e);
  }
  flushAndExit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    logErr(`received ${sig}, stopping`);
    finish(sig === 'SIGINT' ? 130 : 143);
  });
}

const overall = setTimeout(() => {
  logErr(`timed out after ${TIMEOUT_MS / 1000}s`);
  serverTail.dump('code-server output');
  finish(124);
}, TIMEOUT_MS);

async function main() {
  if (!args.extensionTestsPath) throw new Error('missing --extensionTestsPath=');
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (${codeServerEntry}); run: node scripts/install-code-server.mjs`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing; install Debian packages: apt-get install chromium ripgrep libkrb5-dev build-essential python3 pkg-config`);
  }
  log(`host: ${vscodeVersion()}`);

  // Short temporary root: VS Code creates Unix sockets under it (path limit ~107 chars).
  tmpRoot = mkdtempSync('/tmp/cde2e-');
  const dirs = {
    tmp: join(tmpRoot, 'tmp'),
    config: join(tmpRoot, 'cfg'),
    data: join(tmpRoot, 'data'),
    cache: join(tmpRoot, 'cache'),
    userData: join(tmpRoot, 'ud'),
    extensions: join(tmpRoot, 'ext'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });

  const env = { ...process.env };
  // Electron-specific variables that would confuse a plain Node process.
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  Object.assign(env, {
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
  });

  const vsix = process.env.COPYDESK_E2E_VSIX;
  if (vsix) {
    const file = resolve(vsix);
    if (!existsSync(file)) throw new Error(`COPYDESK_E2E_VSIX: ${file} does not exist`);
    log(`installing ${file} into the extensions dir`);
    const r = spawnSync(
      process.execPath,
      [codeServerEntry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', file],
      { env, encoding: 'utf8', timeout: 120_000 },
    );
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (out) log(out.replace(/\n/g, '\n[launcher] '));
    if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status ?? r.signal ?? r.error})`);
  }

  const port = await freePort();
  server = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--ignore-last-opened',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.on('data', (d) => serverTail.push('[code-server]', d));
  server.stderr.on('data', (d) => serverTail.push('[code-server]', d));
  server.on('exit', (code, sig) => {
    if (!cleaningUp) {
      logErr(`code-server exited unexpectedly (${code ?? sig})`);
      serverTail.dump('code-server output');
      finish(1);
    }
  });

  const t0 = Date.now();
  await waitForHealth(port, server, Date.now() + 60_000);
  log(`code-server up on 127.0.0.1:${port} in ${Date.now() - t0} ms`);

  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [];
  for (const p of args.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(p)]);
  payload.push(['extensionTestsPath', remote(args.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  payload.push(['skipReleaseNotes', 'true']);
  const query = new URLSearchParams();
  if (args.folder) query.set('folder', args.folder);
  query.set('payload', JSON.stringify(payload));
  const url = `http://${authority}/?${query.toString()}`;

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

  let reportExit;
  const exited = new Promise((res) => {
    reportExit = res;
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    reportExit(typeof code === 'number' ? code : Number(code) || 0);
  });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    // The extension host's console arguments, format string first (as console.log got them).
    const parts = Array.isArray(logArgs) ? logArgs : [logArgs];
    const text = format(...parts);
    if (type === 'error') process.stderr.write(`${text}\n`);
    else process.stdout.write(`${text}\n`);
  });
  const browserTail = new Tail(100);
  page.on('console', (m) => browserTail.push(`[browser ${m.type()}]`, m.text()));
  page.on('pageerror', (e) => browserTail.push('[browser pageerror]', e?.stack ?? String(e)));
  page.on('crash', () => logErr('the page crashed'));

  log(`opening the workbench (folder ${args.folder ?? '(none)'})`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const code = await exited;
  log(`suite finished with exit code ${code} (${((Date.now() - t0) / 1000).toFixed(1)} s after code-server start)`);
  if (code !== 0) {
    browserTail.dump('browser console');
    serverTail.dump('code-server output');
  }
  return code;
}

main().then(
  (code) => {
    clearTimeout(overall);
    finish(code);
  },
  (err) => {
    clearTimeout(overall);
    logErr(`error: ${err?.stack ?? err}`);
    serverTail.dump('code-server output');
    finish(1);
  },
);
