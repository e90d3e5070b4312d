// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time and
// the most total time (self + callees), so the top costs of a run can be read without DevTools.
// Usage: node bench/cpuprofile-top.mjs <file.cpuprofile> [n=25]
import { readFileSync } from 'node:fs';

const [file, nArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/cpuprofile-top.mjs <file.cpuprofile> [n]');
  process.exit(2);
}
const n = Number(nArg ?? 25);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of prof.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
// Sample interval per sample, in ms.
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i];
  dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i + 1] ?? prof.timeDeltas[i] ?? 0) / 1000);
}
const name = (node) => {
  const f = node.callFrame;
  const url = f.url.replace(/^.*\//, '');
  return `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber + 1}`;
};
const self = new Map();
const total = new Map();
let all = 0;
for (const [id, ms] of dt) {
  all += ms;
  const node = byId.get(id);
  const key = name(node);
  self.set(key, (self.get(key) ?? 0) + ms);
  // Total time: count each function once per sample even when it recurses.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + ms);
  }
}
const show = (title, m) => {
  console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`);
  for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / all) * 100).toFixed(1).padStart(5)}%  ${k}`);
};
show('Self time', self);
show('Total time', total);
