import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempTree, HEDGED, HEARSAY, CLEAN } from './run.js';
import { unifiedDiff } from '../../../server/src/cli/diff.js';
import { fixToFixedPoint, writeAtomically, ChangedOnDiskError, MAX_FIX_PASSES } from '../../../server/src/cli/fix.js';
import { analyse } from '../../../server/src/core/index.js';

test('--fix applies preferred fixes, saves the file and reports what is left', async () => {
  const t = tempTree({ 'a.md': HEDGED + '\n' + HEARSAY + '\nHe said "we will finish the bridge by spring" and left.\n', 'clean.md': CLEAN });
  try {
    chmodSync(join(t.dir, 'a.md'), 0o640);
    const r = await run(t.dir, ['check', '--fix', '-f', 'json', 'a.md', 'clean.md']);
    assert.equal(r.code, 0, r.err);
    const fixed = readFileSync(join(t.dir, 'a.md'), 'utf8');
    assert.equal(fixed, 'The council will vote on the budget on Tuesday.\n\nThe mayor signed the order on Friday.\n\nHe said "we will finish the bridge by spring" and left.\n');
    assert.equal(statSync(join(t.dir, 'a.md')).mode & 0o777, 0o640, 'the file keeps its permissions');
    const left = JSON.parse(r.out).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(!left.includes('hedge-word'));
    assert.ok(left.includes('unsourced-quote'), 'unfixable findings are still reported');
    assert.deepEqual(readdirSync(t.dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file is left behind');
    assert.equal(readFileSync(join(t.dir, 'clean.md'), 'utf8'), CLEAN);
  } finally {
    t.cleanup();
  }
});

test('--fix with --report-unused-disables also removes idle disable comments', async () => {
  const t = tempTree({ 'a.md': '<!-- copydesk-disable-next-line -->\n' + CLEAN });
  try {
    const r = await run(t.dir, ['check', '--fix', '--report-unused-disables', 'a.md']);
    assert.equal(r.code, 0);
    assert.equal(readFileSync(join(t.dir, 'a.md'), 'utf8'), CLEAN);
  } finally {
    t.cleanup();
  }
});

test('--fix-dry-run prints a unified diff and changes nothing', async () => {
  const t = tempTree({ 'a.md': '# Budget\n\n' + HEDGED });
  try {
    const r = await run(t.dir, ['check', '--fix-dry-run', 'a.md']);
    assert.equal(r.code, 0);
    assert.equal(
      r.out,
      '--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n # Budget\n \n-The council will perhaps vote on the budget on Tuesday.\n+The council will vote on the budget on Tuesday.\n',
    );
    assert.equal(readFileSync(join(t.dir, 'a.md'), 'utf8'), '# Budget\n\n' + HEDGED);
    const stdin = await run(t.dir, ['check', '--stdin', '--fix-dry-run', '--stdin-filename', 'x.md'], { stdin: HEDGED });
    assert.match(stdin.out, /^\+The council will vote on the budget on Tuesday\.$/m);
  } finally {
    t.cleanup();
  }
});

test('fixing loops to a fixed point and stops at the pass limit', () => {
  const text = 'It will perhaps probably rain.\n';
  const out = fixToFixedPoint(text, (t) => analyse(t, { languageId: 'markdown' }), false);
  assert.equal(out.last.findings.filter((f) => f.fixes.some((x) => x.preferred)).length, 0);
  assert.ok(out.passes >= 1);
  // An analysis that always proposes a change cannot loop forever.
  let calls = 0;
  const restless = fixToFixedPoint(
    'a',
    (t) => {
      calls++;
      return { findings: [{ rule: 'r', category: 'hedge', severity: 'warning', message: '', offset: 0, length: 0, fixes: [{ title: '', preferred: true, edits: [{ offset: 0, length: 0, newText: 'x' }] }] }], document: { text: t, languageId: 'plaintext', blocks: [] }, unusedDisables: [] };
    },
    false,
  );
  assert.equal(restless.passes, MAX_FIX_PASSES);
  assert.equal(calls, MAX_FIX_PASSES + 1);
});

test('a file changed on disk since it was read is left alone', async () => {
  const t = tempTree({ 'a.md': HEDGED });
  try {
    const path = join(t.dir, 'a.md');
    writeFileSync(path, HEARSAY);
    await assert.rejects(writeAtomically(path, HEDGED, CLEAN), ChangedOnDiskError);
    assert.equal(readFileSync(path, 'utf8'), HEARSAY);
    await writeAtomically(path, HEARSAY, CLEAN);
    assert.equal(readFileSync(path, 'utf8'), CLEAN);
    assert.deepEqual(readdirSync(t.dir).filter((n) => n !== 'a.md'), []);
  } finally {
    t.cleanup();
  }
});

test('the CLI warns and keeps the original when the file changes during the run', async () => {
  const t = tempTree({ 'a.md': HEDGED });
  const path = join(t.dir, 'a.md');
  // A concurrent editor is simulated by rewriting the file during the analysis, that is after the
  // CLI read it and before it saves the fixes.
  const core = await import('../../../server/src/core/engine.js');
  const original = core.Analyzer.prototype.analyse;
  let swapped = false;
  core.Analyzer.prototype.analyse = function (text, options) {
    if (!swapped) {
      swapped = true;
      writeFileSync(path, HEARSAY);
    }
    return original.call(this, text, options);
  };
  try {
    const r = await run(t.dir, ['check', '--fix', 'a.md']);
    assert.match(r.err, /warning: a\.md: the file changed on disk while it was being checked; not fixed/);
    assert.equal(readFileSync(path, 'utf8'), HEARSAY);
    assert.match(r.out, /a\.md:1:18 {2}warning .*perhaps/, 'the findings of the text that was read are reported');
  } finally {
    core.Analyzer.prototype.analyse = original;
    t.cleanup();
  }
});

test('unifiedDiff: hunks with context, added and removed lines, missing final newline', () => {
  assert.equal(unifiedDiff('x', 'same\n', 'same\n'), '');
  const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].join('\n') + '\n';
  const after = before.replace('b\n', 'B\n').replace('k\n', 'k\nk2\n');
  assert.equal(
    unifiedDiff('f.txt', before, after),
    '--- a/f.txt\n+++ b/f.txt\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -9,4 +9,5 @@\n i\n j\n k\n+k2\n l\n',
  );
  assert.equal(unifiedDiff('f', 'a\nb', 'a\nc'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  assert.equal(unifiedDiff('f', '', 'new\n'), '--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+new\n');
});
