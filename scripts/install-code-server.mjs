#!/usr/bin/env node
// Installs code-server (VS Code's server + web workbench) once into
// .vscode-test/code-server/, for the headless end-to-end tests.
// Works offline: only the npm registry is needed. See test/e2e/README notes in
// test/e2e/launcher.mjs for how it is used.
//
// Usage: node scripts/install-code-server.mjs
// Exports: installCodeServer(), codeServerBin(), CODE_SERVER_VERSION
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep 1.15.11 (pulled in by code-server 4.100.3) downloads this archive
// in its postinstall unless it finds it in its cache folder under $TMPDIR.
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = join(repoRoot, '.vscode-test', 'code-server');

export function codeServerBin() {
  return join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function codeServerPackageDir() {
  return join(installDir, 'node_modules', 'code-server');
}

function installedVersion() {
  try {
    const pkg = JSON.parse(readFileSync(join(codeServerPackageDir(), 'package.json'), 'utf8'));
    // Only count it as installed when the postinstall finished (the VS Code bits exist).
    if (!existsSync(join(codeServerPackageDir(), 'lib', 'vscode', 'product.json'))) return undefined;
    if (!existsSync(join(installDir, '.installed'))) return undefined;
    return pkg.version;
  } catch {
    return undefined;
  }
}

const DEBIAN_HINT =
  'install Debian packages: apt-get install chromium ripgrep libkrb5-dev build-essential python3 pkg-config';

function checkPrerequisites() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('/usr/bin/chromium');
  if (!existsSync('/usr/bin/rg')) missing.push('/usr/bin/rg (ripgrep)');
  if (!existsSync('/usr/include/gssapi.h') && !existsSync('/usr/include/gssapi/gssapi.h')) {
    missing.push('gssapi.h (libkrb5-dev)');
  }
  if (missing.length) {
    throw new Error(`code-server prerequisites missing: ${missing.join(', ')}.\n  ${DEBIAN_HINT}`);
  }
}

export function installCodeServer({ quiet = false } = {}) {
  const have = installedVersion();
  if (have === CODE_SERVER_VERSION) {
    if (!quiet) console.log(`code-server ${have} already installed in ${installDir}`);
    return codeServerBin();
  }
  checkPrerequisites();
  console.log(`Installing code-server@${CODE_SERVER_VERSION} into ${installDir} (about a minute) ...`);
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify({ name: 'copydesk-code-server', private: true, description: 'e2e host, not shipped' }, null, 2),
  );

  // A private TMPDIR holding the ripgrep archive built from Debian's rg.
  const tmp = mkdtempSync(join(tmpdir(), 'cs-inst-'));
  try {
    const cache = join(tmp, RIPGREP_CACHE_DIR);
    mkdirSync(cache, { recursive: true });
    execFileSync('tar', ['czf', join(cache, RIPGREP_ARCHIVE), '-C', '/usr/bin', 'rg']);

    const env = {
      ...process.env,
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true', // postinstall refuses to run as root otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
      npm_config_nodedir: '/usr', // build native modules against the installed Node headers
      npm_config_update_notifier: 'false',
    };
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(
      npm,
      ['install', '--no-audit', '--no-fund', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: installDir, env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status !== 0) {
      throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status ?? r.signal}).\n  ${DEBIAN_HINT}`);
    }
    if (!existsSync(join(codeServerPackageDir(), 'lib', 'vscode', 'product.json'))) {
      throw new Error('code-server installed but lib/vscode is missing: its postinstall did not finish');
    }
    writeFileSync(join(installDir, '.installed'), CODE_SERVER_VERSION + '\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`code-server ${CODE_SERVER_VERSION} installed.`);
  return codeServerBin();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    installCodeServer();
  } catch (err) {
    console.error(`install-code-server: ${err.message}`);
    process.exit(1);
  }
}
