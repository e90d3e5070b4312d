/**
 * The CLI on bad input: a binary file, an unreadable file, a named pipe, a folder that loops back
 * on itself through symlinks, and a 100 MB file. Each must end by itself with a clear message and
 * the documented exit code (2 for read errors), and the JSON report must still parse. The inputs
 * are made in a temporary folder at test time. The CLI runs from source in a child process, so a
 * hang is caught by a deadline instead of stalling the suite.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('server/src/cli/bin.ts');
const TSX = import.meta.resolve('tsx');
const root = mkdtempSync(join(tmpdir(), 'copydesk-robust-'));
chmodSync(root, 0o755);
after(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** Runs the CLI with `args`; kills it after `deadlineMs` and says so. */
function cli(args: string[], opts: { deadlineMs?: number; uid?: number } = {}): Promise<Run> {
  const deadlineMs = opts.deadlineMs ?? 30_000;
  const started = Date.now();
  return new Promise((done) => {
    // Another user may not be able to read the checkout (a clone in a 0700 folder): that run uses a
    // copy of the built bundle inside the test's own world-readable folder.
    const command = opts.uid !== undefined ? [asOtherUserBundle()] : ['--import', TSX, BIN];
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid, env: { ...process.env, HOME: root } } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/**
 * The bundled CLI (built by `npm test` before the tests: dist/cli.cjs, the bundle it loads and the
 * worker script) copied where any user can run it.
 */
function asOtherUserBundle(): string {
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  chmodSync(bin, 0o755);
  for (const name of ['cli.cjs', 'cli-main.cjs', 'cli-worker.cjs']) {
    copyFileSync(resolve('dist', name), join(bin, name));
    chmodSync(join(bin, name), 0o755);
  }
  return join(bin, 'cli.cjs');
}

function dir(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

const HEDGED = 'The council may reportedly close the library.\n';

test('a binary file is refused with a clear message and exit code 2; the other drafts are still checked', async () => {
  const d = dir('binary');
  // A PNG header and some NUL bytes, saved under a draft's extension.
  writeFileSync(join(d, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]));
  writeFileSync(join(d, 'story.md'), HEDGED);
  const r = await cli(['check', '--format', 'json', d]);
  assert.equal(r.timedOut, false);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /photo\.md: .*binary/);
  const report = JSON.parse(r.stdout) as { files: { path: string; findings: unknown[] }[] };
  const story = report.files.find((f) => f.path.endsWith('story.md'));
  assert.ok(story && story.findings.length > 0, 'the readable draft is still reported');
});

test('an unreadable file gives "permission denied" and exit code 2', async () => {
  const d = dir('unreadable');
  const file = join(d, 'secret.md');
  writeFileSync(file, HEDGED);
  chmodSync(file, 0o000);
  // Root reads any file, so as root the CLI runs as "nobody" to meet the permission check.
  const asRoot = process.getuid?.() === 0;
  const r = await cli(['check', '--format', 'json', file], asRoot ? { uid: 65534 } : {});
  assert.equal(r.timedOut, false);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /secret\.md: .*permission denied/);
  assert.deepEqual(JSON.parse(r.stdout), { files: [] });
});

test('a folder that loops back on itself through symlinks is walked once, never forever', async () => {
  const d = dir('loop');
  mkdirSync(join(d, 'a', 'b'), { recursive: true });
  writeFileSync(join(d, 'a', 'b', 'story.md'), HEDGED);
  symlinkSync('../..', join(d, 'a', 'b', 'up')); // a/b/up → the loop folder itself
  symlinkSync('.', join(d, 'self'));
  const r = await cli(['check', '--format', 'json', d]);
  assert.equal(r.timedOut, false);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { files: { path: string }[] };
  assert.deepEqual(
    report.files.map((f) => f.path.replace(/\\/g, '/').replace(/^.*\/loop\//, '')),
    ['a/b/story.md'],
  );
});

test('a glob through a symlink loop ends and reports each draft once', async () => {
  const d = dir('globloop');
  mkdirSync(join(d, 'a'), { recursive: true });
  writeFileSync(join(d, 'a', 'story.md'), HEDGED);
  symlinkSync('..', join(d, 'a', 'up'));
  symlinkSync('.', join(d, 'self'));
  const r = await cli(['check', '--format', 'json', `${d}/**/*.md`]);
  assert.equal(r.timedOut, false);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { files: { path: string }[] };
  // The same draft reached through `self/` or `a/up/` is still one draft.
  assert.equal(report.files.length, 1, `reported: ${report.files.map((f) => f.path).join(', ')}`);
});

test('a named pipe given as a draft is refused, not waited on forever', async () => {
  const d = dir('fifo');
  const fifo = join(d, 'pipe.md');
  execFileSync('mkfifo', [fifo]);
  const r = await cli(['check', fifo], { deadlineMs: 20_000 });
  assert.equal(r.timedOut, false, 'the CLI blocked reading a named pipe nobody writes to');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /pipe\.md: /);
});

test('a 100 MB file gets a size message and exit code 2 quickly, not an hour of analysis', async () => {
  const d = dir('huge');
  const file = join(d, 'huge.md');
  // 100 MB of prose, written in 1 MB chunks so the test itself stays light on memory.
  const chunk = Buffer.from('The council may reportedly close the library on Tuesday. '.repeat(17_500).slice(0, 1 << 20));
  const fd = openSync(file, 'w');
  for (let i = 0; i < 100; i++) writeSync(fd, chunk);
  closeSync(fd);
  const r = await cli(['check', '--format', 'json', file], { deadlineMs: 45_000 });
  rmSync(file);
  assert.equal(r.timedOut, false, 'the CLI was still analysing a 100 MB file after 45 s');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /huge\.md: .*(large|size|MB|KB)/i);
  JSON.parse(r.stdout);
});

test('a reader that stops early (`copydesk check … | head`) ends the run quietly, without an EPIPE crash', async () => {
  const d = dir('pipe-closed');
  writeFileSync(join(d, 'long.txt'), Array.from({ length: 4000 }, (_, i) => `The council may reportedly close library ${i}.\n`).join('\n'));
  for (const format of ['stylish', 'json']) {
    const child = spawn(process.execPath, [resolve('dist', 'cli.cjs'), 'check', '--format', format, join(d, 'long.txt')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    // Read the first chunk, then close our end, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    assert.doesNotMatch(err, /EPIPE|Unhandled/, format);
    assert.ok(code === 0 || code === 1, `${format}: exit code ${code}, not a crash`);
  }
});
