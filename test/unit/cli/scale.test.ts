import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempTree, HEDGED, HEARSAY, CLEAN } from './run.js';
import { Analyzer } from '../../../server/src/core/engine.js';
import { inShard } from '../../../server/src/cli/shard.js';

/** Counts the drafts the CLI actually analyses during `fn`. */
async function countingAnalyses<T>(fn: () => Promise<T>): Promise<{ result: T; paths: string[] }> {
  const original = Analyzer.prototype.analyse;
  const paths: string[] = [];
  Analyzer.prototype.analyse = function (text, options) {
    paths.push(options.path ?? '');
    return original.call(this, text, options);
  };
  try {
    return { result: await fn(), paths };
  } finally {
    Analyzer.prototype.analyse = original;
  }
}

const SHARED = 'This story was produced with support from the regional arts council and its many members.\n';

test('--cache re-analyses only drafts whose content, config or shared text changed', async () => {
  const t = tempTree({
    'a.md': HEDGED,
    'b.md': HEARSAY,
    'c.md': 'The county library opens a reading room next spring.\n\n' + SHARED,
    'd.md': 'The harbour ferry adds a late sailing on Fridays.\n\n' + SHARED,
  });
  try {
    const args = ['check', '-f', 'json', '--cache', '.'];
    const first = await countingAnalyses(() => run(t.dir, args));
    assert.equal(first.paths.length, 4);
    assert.ok(existsSync(join(t.dir, '.copydeskcache')));
    const second = await countingAnalyses(() => run(t.dir, args));
    assert.deepEqual(second.paths, [], 'nothing changed: everything comes from the cache');
    assert.equal(second.result.out, first.result.out, 'cached results are the same results');

    writeFileSync(join(t.dir, 'a.md'), CLEAN);
    const third = await countingAnalyses(() => run(t.dir, args));
    assert.deepEqual(third.paths, ['a.md']);
    assert.deepEqual(JSON.parse(third.result.out).files[0].findings, []);

    // d.md stops sharing the paragraph: c.md's result depends on it, so c.md is analysed again.
    writeFileSync(join(t.dir, 'd.md'), 'The harbour ferry adds a late sailing on Fridays.\n');
    const fourth = await countingAnalyses(() => run(t.dir, args));
    assert.deepEqual(fourth.paths.sort(), ['c.md', 'd.md']);
    assert.ok(!JSON.parse(fourth.result.out).files[2].findings.some((f: { rule: string }) => f.rule === 'shared-boilerplate'));

    writeFileSync(join(t.dir, '.copydeskrc.json'), '{"root": true, "rules": {"hedge-word": "info"}}');
    const fifth = await countingAnalyses(() => run(t.dir, args));
    assert.equal(fifth.paths.length, 4, 'a new config invalidates every entry');

    const elsewhere = await countingAnalyses(() => run(t.dir, ['check', '--cache', '--cache-location', 'ci.cache', '.']));
    assert.equal(elsewhere.paths.length, 4);
    assert.ok(existsSync(join(t.dir, 'ci.cache')));
  } finally {
    t.cleanup();
  }
});

test('a corrupt cache file is replaced, not fatal', async () => {
  const t = tempTree({ 'a.md': HEDGED, '.copydeskcache': '{not json' });
  try {
    const r = await run(t.dir, ['check', '--cache', 'a.md']);
    assert.equal(r.code, 0);
    assert.match(r.out, /hedge-word/);
    const again = await countingAnalyses(() => run(t.dir, ['check', '--cache', 'a.md']));
    assert.deepEqual(again.paths, []);
  } finally {
    t.cleanup();
  }
});

test('--shard splits the drafts deterministically and the shards together are the whole', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`archive/${i}/story-${i}.md`] = i % 3 === 0 ? HEDGED : i % 3 === 1 ? HEARSAY : CLEAN;
  files['archive/x/shared-1.md'] = 'The county library opens a reading room next spring.\n\n' + SHARED;
  files['archive/y/shared-2.md'] = 'The harbour ferry adds a late sailing on Fridays.\n\n' + SHARED;
  const t = tempTree(files);
  try {
    const report = async (extra: string[]) => JSON.parse((await run(t.dir, ['check', '-f', 'json', ...extra, 'archive'])).out).files as { path: string; findings: unknown[] }[];
    const whole = await report([]);
    const n = 3;
    const shards = [];
    for (let i = 1; i <= n; i++) shards.push(await report(['--shard', `${i}/${n}`]));
    const union = shards.flat().sort((a, b) => a.path.localeCompare(b.path));
    assert.deepEqual(union, [...whole].sort((a, b) => a.path.localeCompare(b.path)), 'same files, same findings');
    assert.equal(new Set(union.map((f) => f.path)).size, union.length, 'no file is in two shards');
    assert.ok(shards.every((s) => s.length > 0), 'thirty files spread over every shard');
    assert.deepEqual(await report(['--shard', '2/3']), shards[1], 'deterministic');
    for (const p of ['a.md', 'b/c.md']) assert.equal([1, 2, 3, 4].filter((i) => inShard(p, i, 4)).length, 1);
  } finally {
    t.cleanup();
  }
});
