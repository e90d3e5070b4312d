#!/usr/bin/env node
// End-to-end tests of the extension in real VS Code.
//
//   node test/e2e/run.mjs                    headless and offline: code-server + Debian chromium
//                                            (through test/e2e/launcher.mjs)
//   COPYDESK_E2E_DESKTOP=1 node test/e2e/run.mjs
//                                            desktop VS Code downloaded by @vscode/test-electron
//                                            (needs the internet and a display)
//
// The extension must be built first (npm run build → dist/client.cjs, dist/server.cjs).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { installCodeServer } from '../../scripts/install-code-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
const launcher = join(here, 'launcher.mjs');
const suite = join(here, 'suite', 'index.cjs');

/** Runs the suite; resolves to the process exit code. */
export async function runSuite({ extensionDevelopmentPath, extensionTestsEnv = {}, label = 'e2e' }) {
  const desktop = process.env.COPYDESK_E2E_DESKTOP === '1';
  // A fresh copy of the fixture workspace, so edits made by the tests never touch the repo.
  const workspace = mkdtempSync(join(tmpdir(), 'cdws-'));
  cpSync(join(here, 'workspace'), workspace, { recursive: true });
  const resultFile = `${workspace}-result.json`;
  const started = Date.now();
  const summary = () => {
    // A plain closing line for CI: "e2e: N passed, N failed".
    try {
      const r = JSON.parse(readFileSync(resultFile, 'utf8'));
      console.log(`${label}: suite ran in VS Code ${r.vscode}`);
      console.log(`${label}: ${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
    } catch {
      console.log(`${label}: 0 passed, 1 failed`); // the suite never reported (host failed to start)
    }
  };
  try {
    const options = {
      extensionDevelopmentPath,
      extensionTestsPath: suite,
      launchArgs: [workspace],
      extensionTestsEnv: { ...extensionTestsEnv, COPYDESK_E2E_RESULT: resultFile },
    };
    if (!desktop) {
      installCodeServer({ quiet: true });
      options.vscodeExecutablePath = launcher;
    }
    await runTests(options);
    console.log(`${label}: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    summary();
    return 0;
  } catch (err) {
    console.error(`${label}: FAILED in ${((Date.now() - started) / 1000).toFixed(1)} s: ${err?.message ?? err}`);
    summary();
    return typeof err?.code === 'number' && err.code > 0 ? err.code : 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(resultFile, { force: true });
  }
}

export function checkBuilt() {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const main = resolve(repoRoot, pkg.main ?? 'dist/client.cjs');
  if (!existsSync(main)) {
    console.error(`e2e: ${main} does not exist: build the extension first (npm run build)`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  checkBuilt();
  process.exitCode = await runSuite({ extensionDevelopmentPath: repoRoot });
}
