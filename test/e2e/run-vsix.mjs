#!/usr/bin/env node
// End-to-end tests of the PACKAGED extension: builds the .vsix with vsce, installs it into a fresh
// extensions dir and runs the same suite as test/e2e/run.mjs, with extensionDevelopmentPath set
// to an empty placeholder extension (runTests requires one) so the repository's sources are not
// what VS Code loads. The suite checks that the running copydesk.copydesk is not the repository.
//
//   node test/e2e/run-vsix.mjs                  headless, offline (code-server + chromium)
//   COPYDESK_E2E_DESKTOP=1 node test/e2e/run-vsix.mjs
//                                               desktop VS Code downloaded by @vscode/test-electron
//   COPYDESK_E2E_SKIP_PACKAGE=1 ...             reuse an existing .vscode-test/copydesk.vsix
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } from '@vscode/test-electron';
import { repoRoot, runSuite } from './run.mjs';

const vsix = join(repoRoot, '.vscode-test', 'copydesk.vsix');
const placeholder = join(repoRoot, '.vscode-test', 'e2e-placeholder-extension');
const desktop = process.env.COPYDESK_E2E_DESKTOP === '1';

function packageVsix() {
  mkdirSync(join(repoRoot, '.vscode-test'), { recursive: true });
  rmSync(vsix, { force: true });
  console.log('vsix: npx vsce package --no-dependencies -o .vscode-test/copydesk.vsix');
  const t0 = Date.now();
  // stdin closed: vsce must not stop at a question. (It runs the vscode:prepublish script.)
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '-o', vsix], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (r.status !== 0 || !existsSync(vsix)) {
    console.error(`vsix: vsce package failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  console.log(`vsix: packaged ${(statSync(vsix).size / 1024).toFixed(0)} KiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** An extension that contributes nothing: runTests insists on an extensionDevelopmentPath. */
function makePlaceholder() {
  mkdirSync(placeholder, { recursive: true });
  writeFileSync(
    join(placeholder, 'package.json'),
    JSON.stringify(
      {
        name: 'copydesk-e2e-placeholder',
        displayName: 'Copydesk e2e placeholder (contributes nothing)',
        publisher: 'copydesk-e2e',
        version: '0.0.0',
        private: true,
        engines: { vscode: '^1.100.0' },
      },
      null,
      2,
    ) + '\n',
  );
}

/** Desktop mode: install the .vsix with the downloaded VS Code's CLI into test-electron's dirs. */
async function desktopCli(action) {
  const exe = await downloadAndUnzipVSCode();
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(exe);
  const r = spawnSync(cli, [...args, action, action === '--install-extension' ? vsix : 'copydesk.copydesk'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0 && action === '--install-extension') {
    console.error(`vsix: ${action} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

if (process.env.COPYDESK_E2E_SKIP_PACKAGE !== '1' || !existsSync(vsix)) packageVsix();
makePlaceholder();
const env = { COPYDESK_E2E_MODE: 'vsix' };
if (desktop) await desktopCli('--install-extension');
else env.COPYDESK_E2E_VSIX = vsix; // the launcher installs it with code-server --install-extension
try {
  process.exitCode = await runSuite({ extensionDevelopmentPath: placeholder, extensionTestsEnv: env, label: 'e2e-vsix' });
} finally {
  if (desktop) await desktopCli('--uninstall-extension');
}
