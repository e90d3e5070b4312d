/**
 * End to end: the CLI bundled as scripts/build.mjs bundles it, run as a real process; and the HTML
 * report opened in headless Chromium. The bundle is built into a temporary folder so the test never
 * races other builds of dist/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { tempTree, HEDGED, HEARSAY, CLEAN } from './run.js';

let tree: ReturnType<typeof tempTree>;
let cli: string;

before(async () => {
  tree = tempTree({
    'desk/budget.md': '# Budget vote\n\n' + HEDGED + '\nHe said "we will finish the bridge by spring" and left.\n\nA <script>alert(1)</script> tag & an ampersand.\n',
    'desk/clean.txt': CLEAN,
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`many/${String(i).padStart(2, '0')}.md`, [HEDGED, HEARSAY, CLEAN][i % 3]!])),
  });
  cli = join(tree.dir, 'cli.cjs');
  // The options of scripts/build.mjs for the CLI bundle and its worker bundle.
  const options = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { 'import.meta.url': '__copydeskImportMetaUrl' },
    banner: { js: "var __copydeskImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  } as const;
  await Promise.all([
    build({ ...options, entryPoints: ['server/src/cli/bin.ts'], outfile: cli }),
    build({ ...options, entryPoints: ['server/src/cli/workers.ts'], outfile: join(tree.dir, 'cli-worker.cjs') }),
  ]);
});

after(() => tree.cleanup());

function spawnCli(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: tree.dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
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

test('the bundled CLI gives the same report on worker threads as on one thread', () => {
  const one = spawnCli(['check', '-f', 'json', '--threads', '1', 'desk', 'many']);
  const two = spawnCli(['check', '-f', 'json', '--threads', '2', 'desk', 'many']);
  assert.equal(two.status, one.status, two.stderr);
  assert.equal(two.stderr, '');
  assert.equal(two.stdout, one.stdout);
  assert.equal(JSON.parse(two.stdout).files.length, 14);
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
