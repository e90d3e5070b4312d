// Entry point of the end-to-end suite inside VS Code's extension host (extensionTestsPath).
// Runs every *.test.cjs beside this file with mocha and rejects when a test fails.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

function loadMocha() {
  try {
    // mocha 12 is an ES module package; its CommonJS build avoids require(esm).
    return require('mocha/lib/mocha.cjs');
  } catch {
    return require('mocha');
  }
}

async function run() {
  const vscode = require('vscode');
  console.log(`Copydesk e2e: running in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, remote: ${vscode.env.remoteName ?? 'none'})`);
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.cjs'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const failures = await new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((n) => {
        // For the runner script's closing "N passed, N failed" line.
        const out = process.env.COPYDESK_E2E_RESULT;
        if (out) {
          const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
          fs.writeFileSync(out, JSON.stringify({ passes, failures: failed, pending, vscode: vscode.version }));
        }
        resolve(n);
      });
    } catch (err) {
      reject(err);
    }
  });
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}

module.exports = { run };
