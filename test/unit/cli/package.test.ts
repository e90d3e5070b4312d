import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

test('the packaged extension holds every bundle the build writes (the CLI loads its parts at run time)', () => {
  const built = readdirSync('dist').filter((f) => f.endsWith('.cjs'));
  assert.ok(built.includes('cli.cjs') && built.length >= 4, 'run the build first: dist/ has the bundles');
  const listed = execFileSync(process.execPath, [join('node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim());
  for (const f of built) assert.ok(listed.includes(`dist/${f}`), `dist/${f} is left out of the .vsix by .vscodeignore`);
});
