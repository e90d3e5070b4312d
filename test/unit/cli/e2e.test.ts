/**
 * End to end: the CLI bundled as scripts/build.mjs bundles it, run as a real process; and the HTML
 * report opened in headless Chromium. The bundle is built into a temporary folder so the test never
 * races other builds of dist/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { chmodSync, closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { tempTree, HEDGED, HEARSAY, CLEAN } from './run.js';

let tree: ReturnType<typeof tempTree>;
let cli: string;

before(() => {
  tree = tempTree({
    'desk/budget.md': '# Budget vote\n\n' + HEDGED + '\nHe said "we will finish the bridge by spring" and left.\n\nA <script>alert(1)</script> tag & an ampersand.\n',
    'desk/clean.txt': CLEAN,
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`many/${String(i).padStart(2, '0')}.md`, [HEDGED, HEARSAY, CLEAN][i % 3]!])),
  });
  // The CLI's three files (the command, the bundle it loads, the worker script), built by
  // scripts/build.mjs as `npm run build:production` builds them.
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--cli-only', '--outdir', tree.dir], { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  cli = join(tree.dir, 'cli.cjs');
});

after(() => tree.cleanup());

function spawnCli(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: tree.dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
}

test('the bundled CLI checks a folder, reports and sets the exit code', () => {
  const r = spawnCli(['check', 'desk']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^desk\/budget\.md:3:18 {2}warning {2}.* {2}hedge-word$/m);
  assert.equal(spawnCli(['check', '--fail-on', 'warning', 'desk']).status, 1);
  const missing = spawnCli(['check', 'nowhere']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read "nowhere"/);
  const stdin = spawnCli(['check', '--stdin', '--format', 'github'], HEDGED);
  assert.match(stdin.stdout, /^::warning file=<stdin>,line=1,col=18/m);
  assert.match(spawnCli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('the bundled CLI writes the same report to a pipe, a file and /dev/null; its bundle is ASCII', () => {
  const bundle = readFileSync(join(tree.dir, 'cli-main.cjs'));
  // Read as Latin-1 by the launcher (scripts/build-ascii.mjs, server/src/cli/compile-cache.ts).
  assert.ok(isAscii(bundle), 'the production bundle is ASCII');
  // vfile's import of node:process is the global process, not a copy made at start-up (scripts/build.mjs).
  assert.doesNotMatch(bundle.toString('latin1'), /require\("(node:)?process"\)/);
  const args = ['check', '-f', 'json', '--threads', '1', 'desk'];
  const piped = spawnCli(args);
  assert.match(piped.stdout, /hedge-word/);
  /** The run with standard output on the descriptor `fd` (written straight to it, not through a stream). */
  const runTo = (fd: number) => spawnSync(process.execPath, [cli, ...args], { cwd: tree.dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const report = join(tree.dir, 'report.json');
  const file = openSync(report, 'w');
  try {
    const r = runTo(file);
    assert.equal(r.status, piped.status, r.stderr);
  } finally {
    closeSync(file);
  }
  assert.equal(readFileSync(report, 'utf8'), piped.stdout);
  if (process.platform !== 'win32') {
    const devNull = openSync('/dev/null', 'w');
    try {
      const r = runTo(devNull);
      assert.equal(r.status, piped.status, r.stderr);
      assert.equal(r.stderr, '');
    } finally {
      closeSync(devNull);
    }
  }
});

test('the bundled CLI ends only when its report through a full non-blocking pipe has all been written', { skip: process.platform === 'win32' && 'named pipes' }, async () => {
  // A non-blocking pipe fills after 64 KB: the rest of the report goes through process.stdout
  // (stdoutStream's fallback), and the process exits (runCli) only once it is all out: on Linux
  // that stream blocks; where it queues instead, outputPending holds the exit back (stdout.test.ts).
  mkdirSync(join(tree.dir, 'big'), { recursive: true });
  writeFileSync(join(tree.dir, 'big', 'long.md'), Array.from({ length: 300 }, (_, i) => `${i}. ${HEDGED}\n${HEARSAY}\n`).join('\n'));
  const args = ['check', '-f', 'json', '--threads', '1', 'big'];
  const whole = spawnCli(args);
  assert.ok(Buffer.byteLength(whole.stdout) > 1 << 17, `a report larger than the pipe (${whole.stdout.length} characters)`);
  const fifo = join(tree.dir, 'report.fifo');
  spawnSync('mkfifo', [fifo]);
  const read = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const write = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  const child = spawn(process.execPath, [cli, ...args], { cwd: tree.dir, stdio: ['ignore', write, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  closeSync(write);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const code = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  // Read slowly, so the pipe stays full for a while.
  const got: Buffer[] = [];
  const buf = Buffer.alloc(1 << 14);
  await new Promise((wait) => setTimeout(wait, 300));
  for (let eof = false; !eof; ) {
    try {
      const n = readSync(read, buf);
      if (n === 0) eof = true;
      else got.push(Buffer.from(buf.subarray(0, n)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      await new Promise((wait) => setTimeout(wait, 5));
    }
  }
  closeSync(read);
  assert.equal(await code, whole.status, stderr);
  assert.equal(Buffer.concat(got).toString('utf8'), whole.stdout);
});

test('the bundled CLI gives the same report on worker threads as on one thread', () => {
  const one = spawnCli(['check', '-f', 'json', '--threads', '1', 'desk', 'many']);
  const two = spawnCli(['check', '-f', 'json', '--threads', '2', 'desk', 'many']);
  assert.equal(two.status, one.status, two.stderr);
  assert.equal(two.stderr, '');
  assert.equal(two.stdout, one.stdout);
  assert.equal(JSON.parse(two.stdout).files.length, 14);
});

test('the code cache: written by the first run, used by the next, never changing a result, ignored when broken', () => {
  const tmp = join(tree.dir, 'tmp');
  mkdirSync(tmp);
  const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
  const args = ['check', '-f', 'json', '--threads', '1', 'desk', 'many'];
  const expected = spawnCli(args, undefined, { ...env, COPYDESK_COMPILE_CACHE: '0' });
  assert.equal(expected.stderr, '');
  assert.deepEqual(readdirSync(tmp), [], 'COPYDESK_COMPILE_CACHE=0: no cache');
  const same = (why: string, extra: NodeJS.ProcessEnv = {}) => {
    const r = spawnCli(args, undefined, { ...env, ...extra });
    assert.equal(r.stderr, '', why);
    assert.equal(r.stdout, expected.stdout, why);
  };

  assert.match(spawnCli(['--version'], undefined, env).stdout, /^\d/);
  const caches = () => readdirSync(tmp).flatMap((d) => readdirSync(join(tmp, d)).filter((n) => n.endsWith('.v8cache')));
  assert.deepEqual(caches(), [], '--version compiles too little to be worth caching');
  same('the first check writes the cache');
  assert.equal(caches().length, 1);
  const dir = join(tmp, readdirSync(tmp)[0]!);
  assert.match(dir, /copydesk-compile-cache/);
  if (process.getuid) assert.equal(statSync(dir).mode & 0o777, 0o700);
  const [name] = readdirSync(dir);
  assert.ok(name?.endsWith('.v8cache'), `a cache file: ${readdirSync(dir).join(', ')}`);
  const file = join(dir, name!);
  const written = statSync(file).ino;
  same('the second run reads it');
  assert.equal(statSync(file).ino, written, 'a good cache is used, not written again');
  // Worker threads load the bundle through the same cache.
  assert.equal(spawnCli(['check', '-f', 'json', '--threads', '2', 'desk', 'many'], undefined, env).stdout, expected.stdout);

  const whole = readFileSync(file);
  const corrupt = Buffer.from(whole);
  corrupt[corrupt.length - 100]! ^= 0xff;
  writeFileSync(file, corrupt);
  same('a corrupt cache is not used');
  assert.notEqual(statSync(file).ino, written, 'a corrupt cache is written again');
  writeFileSync(file, whole.subarray(0, 1000));
  same('a truncated cache is not used');
  writeFileSync(file, 'garbage');
  same('a file that is no cache at all is not used');

  // The bundle edited in place, same length: the cache of the old bundle must not run.
  const bundle = join(tree.dir, 'cli-main.cjs');
  const original = readFileSync(bundle, 'latin1');
  same('a fresh cache');
  const version = spawnCli(['--version'], undefined, env).stdout.trim();
  const other = version.replace(/\d/g, '9');
  const edited = original.replace(`version:"${version}"`, `version:"${other}"`);
  assert.equal(edited.length, original.length);
  assert.notEqual(edited, original, 'the version is in the bundle');
  writeFileSync(bundle, edited, 'latin1');
  try {
    assert.equal(spawnCli(['--version'], undefined, env).stdout.trim(), other, 'the edited bundle runs, not the cache of the old one');
  } finally {
    writeFileSync(bundle, original, 'latin1');
  }

  if (process.getuid) {
    chmodSync(dir, 0o777);
    same('a cache folder others can write to is not used');
    chmodSync(dir, 0o700);
  }
  same('a temporary folder that does not exist', { TMPDIR: join(tmp, 'missing'), TMP: join(tmp, 'missing'), TEMP: join(tmp, 'missing') });
});

test('the HTML report renders in Chromium with the findings highlighted', async (t) => {
  const r = spawnCli(['check', '--format', 'html', '--output-file', 'report.html', 'desk']);
  assert.equal(r.status, 0, r.stderr);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const alerts: string[] = [];
  page.on('dialog', (d) => {
    alerts.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(join(tree.dir, 'report.html')).href);
  const marks = await page.$$eval('mark', (els) => els.map((e) => [e.textContent, e.getAttribute('data-rule')]));
  assert.ok(marks.some(([text, rule]) => text === 'perhaps' && rule === 'hedge-word'), JSON.stringify(marks));
  assert.ok(marks.some(([, rule]) => rule?.includes('unsourced-quote')));
  const hedgeBg = await page.evaluate<string>("getComputedStyle(document.querySelector('mark.cat-hedge')).backgroundColor");
  assert.notEqual(hedgeBg, 'rgba(0, 0, 0, 0)', 'highlights are visible');
  assert.match(await page.textContent('pre.draft') ?? '', /A <script>alert\(1\)<\/script> tag & an ampersand\./, 'markup in a draft is shown as text');
  assert.deepEqual(alerts, [], 'and never run');
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px)`);
  const shot = join(tree.dir, 'report.png');
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok(statSync(shot).size > 10_000);
});
