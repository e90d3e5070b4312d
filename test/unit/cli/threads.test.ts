import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, tempTree, HEDGED, HEARSAY, CLEAN } from './run.js';

const SHARED = 'This story was produced with support from the regional arts council and its many members.\n';

test('--threads spreads the drafts over worker threads with the same report as one thread', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`d/${String(i).padStart(2, '0')}.md`] = [HEDGED, HEARSAY, CLEAN][i % 3]!;
  files['d/x.md'] = 'The county library opens a reading room next spring.\n\n' + SHARED;
  files['d/y.md'] = 'The harbour ferry adds a late sailing on Fridays.\n\n' + SHARED;
  const t = tempTree(files);
  try {
    // From the project folder, so the workers (started from source) find tsx; the drafts by absolute path.
    const one = await run(process.cwd(), ['check', '-f', 'json', '--threads', '1', join(t.dir, 'd')]);
    const two = await run(process.cwd(), ['check', '-f', 'json', '--threads', '2', join(t.dir, 'd')]);
    assert.equal(two.code, one.code);
    assert.equal(two.err, '');
    assert.equal(two.out, one.out);
    assert.ok(JSON.parse(two.out).files.some((f: { findings: { rule: string }[] }) => f.findings.some((x) => x.rule === 'shared-boilerplate')));
    const bad = await run(process.cwd(), ['check', '--threads', '0', t.dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--threads needs a whole number of at least 1/);
  } finally {
    t.cleanup();
  }
});
