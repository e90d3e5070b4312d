/**
 * The CLI on several threads gives exactly what one thread gives: the threads (this one and the
 * workers) index the drafts (the index merged in draft order is the one a single thread builds),
 * then analyse them, each its own drafts first. The workers run workers.ts from source through
 * tsx; e2e.test.ts runs the bundle.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main.js';
import { CheckPool, analyseDrafts } from '../../../server/src/cli/workers.js';
import { analyseOne } from '../../../server/src/cli/analyse-draft.js';
import { WorkspaceIndex } from '../../../server/src/core/workspace.js';
import { languageOfPath } from '../../../server/src/core/index.js';
import { tempTree, HEDGED, HEARSAY, CLEAN } from './run.js';

const SHARED = 'This story was produced with support from the regional arts council and its many members.';
const CREDIT = 'Reporting by the metro desk; editing by the night copy desk of the daily paper.';

/** Drafts that share paragraphs and sentences with each other, in Markdown and plain text. */
const files: Record<string, string> = {};
for (let i = 0; i < 14; i++) {
  const name = `desk/${String(i).padStart(2, '0')}.${i % 4 === 3 ? 'txt' : 'md'}`;
  const body = [[HEDGED, HEARSAY, CLEAN][i % 3]!.trim(), `The ${['council', 'board', 'mayor', 'union'][i % 4]} met ${i + 2} times this year. "We will see," one official said.`];
  if (i % 2 === 0) body.push(SHARED);
  if (i % 3 === 0) body.push(`${CREDIT} ${SHARED}`);
  if (i === 5) body.push('<!-- copydesk-disable hedge-word -->\n\nNothing to silence here.');
  files[name] = body.join('\n\n') + '\n';
}
const tree = tempTree(files);
after(() => tree.cleanup());
const paths = Object.keys(files).map((p) => join(tree.dir, p));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

test('several threads give the report one thread gives, byte for byte', async () => {
  const one = await cli(['check', '-f', 'json', '--threads', '1', '--report-unused-disables', join(tree.dir, 'desk')]);
  assert.equal(one.err, '');
  const report = JSON.parse(one.out) as { files: { findings: { rule: string; related?: unknown[] }[] }[] };
  assert.equal(report.files.length, 14);
  const shared = report.files.flatMap((f) => f.findings).filter((f) => f.rule === 'shared-boilerplate');
  assert.ok(shared.length > 0 && shared.every((f) => (f.related?.length ?? 0) > 0), 'the drafts share text, with related places');
  for (const threads of ['2', '3']) {
    const many = await cli(['check', '-f', 'json', '--threads', threads, '--report-unused-disables', join(tree.dir, 'desk')]);
    assert.equal(many.err, '');
    assert.equal(many.code, one.code);
    assert.equal(many.out, one.out, `--threads ${threads}`);
  }
});

test('several threads with --shard and --cache give the one-thread results', async () => {
  const t = tempTree({});
  try {
    const cache = (n: string) => ['--cache', '--cache-location', join(t.dir, n)];
    for (const shard of ['1/2', '2/2']) {
      const one = await cli(['check', '-f', 'json', '--threads', '1', '--shard', shard, ...cache(`one-${shard[0]}`), ...paths]);
      const two = await cli(['check', '-f', 'json', '--threads', '2', '--shard', shard, ...cache(`two-${shard[0]}`), ...paths]);
      assert.equal(two.out, one.out, `--shard ${shard}`);
      // Again: every result now comes from the cache, keyed by the same shared text.
      const again = await cli(['check', '-f', 'json', '--threads', '2', '--shard', shard, ...cache(`two-${shard[0]}`), ...paths]);
      assert.equal(again.out, one.out, `--shard ${shard}, from the cache`);
    }
  } finally {
    t.cleanup();
  }
});

test('CheckPool indexes as WorkspaceIndex.update does, in draft order, and analyses as analyseOne does', async () => {
  const drafts = paths.map((path) => ({ path, text: files[path.slice(tree.dir.length + 1)]!, languageId: languageOfPath(path) }));
  const index = new WorkspaceIndex();
  for (const d of drafts) index.update(d.path, d.text, d.languageId);
  const pool = CheckPool.start(3);
  assert.ok(pool, 'a pool of this thread and two workers');
  assert.equal(pool.size, 3);
  try {
    const units = await pool.index(drafts);
    assert.deepEqual({ version: 1, files: units }, index.snapshot());
    await pool.setWorkspace(index.snapshot());
    // Jobs of indexed drafts (their text is in the workers) and of drafts the pool never saw.
    const jobs = [...drafts.map((job, n) => ({ draft: n, job })), ...drafts.slice(0, 3).map((d) => ({ draft: -1, job: { ...d, path: `${d.path}.copy` } }))];
    const seen: number[] = [];
    const outcomes = await pool.analyse(jobs, (done) => seen.push(done));
    const workspace = index.facts();
    assert.deepEqual(
      outcomes,
      jobs.map(({ job }) => analyseOne(job, workspace)),
    );
    assert.equal(seen.at(-1), jobs.length, 'progress reaches every draft');
  } finally {
    await pool.close();
  }
});

test('analyseDrafts on several threads equals the analysis in one', async () => {
  const jobs = paths.slice(0, 6).map((path) => ({ path, text: files[path.slice(tree.dir.length + 1)]!, languageId: languageOfPath(path) }));
  const index = new WorkspaceIndex();
  for (const j of jobs) index.update(j.path, j.text, j.languageId);
  const threaded = await analyseDrafts(jobs, { threads: 2, index });
  const inThread = await analyseDrafts(jobs, { threads: 1, index });
  assert.deepEqual(threaded, inThread);
});

test('a worker sends back lean findings for a report alone: the same JSON, and what merging and the exit status read', async () => {
  const jobs = paths.slice(0, 4).map((path) => ({ path, text: files[path.slice(tree.dir.length + 1)]!, languageId: languageOfPath(path), render: 'json' as const }));
  const full = await analyseDrafts(jobs, { threads: 2 });
  const lean = await analyseDrafts(
    jobs.map((j) => ({ ...j, reportOnly: true })),
    { threads: 2 },
  );
  // The drafts are dealt round the threads, and the worker takes its first batch at once: some of
  // them are analysed there (it may take more from this thread's queue).
  let leanFromWorker = 0;
  lean.forEach((o, k) => {
    const f = full[k]!;
    assert.ok(o.findings.length > 0, 'the drafts have findings');
    assert.deepEqual(o.json, f.json, 'the rendered JSON is the same');
    assert.deepEqual(o.unusedDisables, f.unusedDisables);
    assert.deepEqual(
      o.findings.map(({ rule, category, severity, offset, length }) => ({ rule, category, severity, offset, length })),
      f.findings.map(({ rule, category, severity, offset, length }) => ({ rule, category, severity, offset, length })),
    );
    if (o.findings.every((x) => x.message === '' && x.fixes.length === 0)) leanFromWorker++;
    else assert.deepEqual(o.findings, f.findings, 'this thread keeps its own findings whole');
  });
  assert.ok(leanFromWorker >= 1, 'the worker’s drafts came back lean');
});

test('a pool of one thread is no pool: the caller works in its own thread', () => {
  assert.equal(CheckPool.start(1), undefined);
});

test('a long draft split over two threads (its rules in two parts) gives the one-thread report, alone or among others', async () => {
  const { SPLIT_CHARS } = await import('../../../server/src/cli/split.js');
  const { readFileSync, readdirSync } = await import('node:fs');
  const samples = readdirSync('samples').map((n) => readFileSync(join('samples', n), 'utf8'));
  const parts: string[] = ['<!-- copydesk-disable-next-line web-cruft -->\nA line with nothing to silence.\n'];
  for (let i = 0; parts.join('\n').length < SPLIT_CHARS; i++) parts.push(samples[i % samples.length]!.replace(/\d+/g, (d) => String(Number(d) + i)));
  const t = tempTree({ 'long/long.md': parts.join('\n'), 'long/short.md': files['desk/00.md']!, 'long/other.txt': files['desk/03.txt']! });
  try {
    for (const target of [join(t.dir, 'long', 'long.md'), join(t.dir, 'long')]) {
      const one = await cli(['check', '-f', 'json', '--threads', '1', '--report-unused-disables', target]);
      assert.equal(one.err, '');
      const report = JSON.parse(one.out) as { files: { findings: { category: string }[]; unusedDisables?: unknown[] }[] };
      const categories = new Set(report.files.flatMap((f) => f.findings.map((x) => x.category)));
      assert.deepEqual([...categories].sort(), ['boilerplate', 'hedge', 'unsourced-quote'], 'findings of both parts');
      assert.ok(report.files.some((f) => f.unusedDisables?.length), 'disables are applied once, to the merged findings');
      const two = await cli(['check', '-f', 'json', '--threads', '2', '--report-unused-disables', target]);
      assert.equal(two.err, '');
      assert.equal(two.out, one.out, target);
    }
  } finally {
    t.cleanup();
  }
});
