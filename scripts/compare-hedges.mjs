#!/usr/bin/env node
// Hedge comparison: Copydesk vs retext-intensify vs write-good on the same labelled drafts, scored
// by the same scorer (score.mjs: one-to-one overlap of hedge findings with gold hedge spans).
// Prints a Markdown table (the one in docs/hedge-comparison.md).
//
//   node scripts/compare-hedges.mjs [SEEDS.jsonl] [--eval DIR]
//
// Defaults: ../shared/corpus/seeds.jsonl and ../shared/eval (beside the repository). Copydesk runs
// from source (node --import tsx), so the comparison needs no build.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const evalAt = args.indexOf('--eval');
const evalDir = resolve(evalAt >= 0 ? args[evalAt + 1] : join(root, '..', 'shared', 'eval'));
const seeds = resolve(args.find((a, k) => !a.startsWith('--') && k !== evalAt + 1) ?? join(root, '..', 'shared', 'corpus', 'seeds.jsonl'));

const tools = [
  ['Copydesk', ['node', '--import', 'tsx', join(root, 'server/src/cli/bin.ts'), 'check', '--format', 'json']],
  ['retext-intensify 7', ['node', join(root, 'bench/peers/hedge-peers.mjs'), '--peer', 'retext-intensify']],
  ['write-good 1 (default checks)', ['node', join(root, 'bench/peers/hedge-peers.mjs'), '--peer', 'write-good']],
  ['write-good 1 (weasel check only)', ['node', join(root, 'bench/peers/hedge-peers.mjs'), '--peer', 'write-good-weasel']],
];

const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log('| tool | gold hedges | findings | precision | recall | F1 |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, cmd] of tools) {
  const run = spawnSync('node', [join(evalDir, 'score.mjs'), seeds, '--', ...cmd], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SCORE_JSON: '1' },
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) {
    console.error(`${name}: scorer failed (exit ${run.status})\n${run.stderr.slice(0, 2000)}`);
    process.exitCode = 1;
    continue;
  }
  const { rows } = JSON.parse(run.stdout.trim().split('\n').pop());
  const h = rows.find((r) => r.label === 'hedge');
  console.log(`| ${name} | ${h.gold} | ${h.found} | ${pct(h.precision)} | ${pct(h.recall)} | ${pct(h.f1)} |`);
}
