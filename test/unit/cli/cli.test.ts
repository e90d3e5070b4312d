import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempTree, HEDGED, HEARSAY, CLEAN } from './run.js';

test('--help and --version exit 0; usage errors exit 2 with a message', async () => {
  const t = tempTree({});
  try {
    const help = await run(t.dir, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: copydesk check/);
    const version = await run(t.dir, ['--version']);
    assert.equal(version.code, 0);
    assert.match(version.out, /^\d+\.\d+\.\d+/);
    for (const [argv, msg] of [
      [['lint', 'a.md'], /unknown command "lint"/],
      [[], /missing command "check"/],
      [['check'], /no files given/],
      [['check', '--format', 'xml', 'a.md'], /unknown format "xml"/],
      [['check', '--fail-on', 'hint', 'a.md'], /--fail-on takes error, warning or info/],
      [['check', '--max-warnings', 'lots', 'a.md'], /--max-warnings needs a whole number/],
      [['check', '--shard', '3/2', 'a.md'], /--shard takes i\/n/],
      [['check', '--bogus', 'a.md'], /Unknown option '--bogus'/],
      [['check', '--stdin-filename', 'a.md', 'a.md'], /--stdin-filename needs --stdin/],
      [['check', '--stdin', 'a.md'], /give no files with it/],
      [['check', '--stdin', '--fix'], /--fix cannot save standard input/],
      [['check', '--fix', '--fix-dry-run', 'a.md'], /either --fix or --fix-dry-run/],
      [['check', '--rule', 'no-such-rule', 'a.md'], /unknown rule "no-such-rule"/],
      [['check', '--category', 'sports', 'a.md'], /unknown category "sports"/],
    ] as const) {
      const r = await run(t.dir, [...argv]);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
      assert.match(r.err, msg);
    }
  } finally {
    t.cleanup();
  }
});

test('exit 0 when clean, 0 on warnings by default, 1 with --fail-on warning', async () => {
  const t = tempTree({ 'clean.md': CLEAN, 'hedged.md': HEDGED });
  try {
    const clean = await run(t.dir, ['check', 'clean.md']);
    assert.equal(clean.code, 0);
    assert.match(clean.out, /No findings in 1 file/);
    const warn = await run(t.dir, ['check', 'hedged.md']);
    assert.equal(warn.code, 0);
    assert.match(warn.out, /^hedged\.md:1:18 {2}warning {2}.*perhaps.* {2}hedge-word$/m);
    assert.equal((await run(t.dir, ['check', '--fail-on', 'warning', 'hedged.md'])).code, 1);
    assert.equal((await run(t.dir, ['check', '--fail-on', 'info', 'hedged.md'])).code, 1);
    assert.equal((await run(t.dir, ['check', '--fail-on', 'warning', 'clean.md'])).code, 0);
  } finally {
    t.cleanup();
  }
});

test('exit 1 on an error-level finding set by the config', async () => {
  const t = tempTree({ '.copydeskrc.json': '{"root": true, "rules": {"hedge-word": "error"}}', 'hedged.md': HEDGED });
  try {
    const r = await run(t.dir, ['check', 'hedged.md']);
    assert.equal(r.code, 1);
    assert.match(r.out, /hedged\.md:1:18 {2}error {2}/);
  } finally {
    t.cleanup();
  }
});

test('--max-warnings fails the run only above the limit', async () => {
  const t = tempTree({ 'a.md': HEDGED + '\n' + HEARSAY });
  try {
    assert.equal((await run(t.dir, ['check', '--max-warnings', '2', 'a.md'])).code, 0);
    const over = await run(t.dir, ['check', '--max-warnings', '1', 'a.md']);
    assert.equal(over.code, 1);
    assert.match(over.err, /2 warnings, more than --max-warnings 1/);
    assert.equal((await run(t.dir, ['check', '--max-warnings', '0', 'a.md'])).code, 1);
  } finally {
    t.cleanup();
  }
});

test('--quiet shows only what fails the run', async () => {
  const t = tempTree({ '.copydeskrc.json': '{"root": true, "rules": {"hedge-word": "error"}}', 'a.md': HEDGED + '\nThe plan is somewhat costly.\n', 'b.md': 'The plan is somewhat costly.\n' });
  try {
    const r = await run(t.dir, ['check', '--quiet', 'a.md']);
    assert.equal(r.code, 1);
    assert.match(r.out, /hedge-word/);
    assert.doesNotMatch(r.out, /softener/);
    const quietClean = await run(t.dir, ['check', '--quiet', 'b.md']);
    assert.equal(quietClean.code, 0);
    assert.equal(quietClean.out, '');
  } finally {
    t.cleanup();
  }
});

test('--rule and --category run only the checks asked for', async () => {
  const t = tempTree({ 'a.md': 'The plan is somewhat costly and will perhaps fail.\n\nHe said "we are finished here" and left.\n' });
  try {
    const rules = (r: { out: string }) => [...new Set(JSON.parse(r.out).files[0].findings.map((f: { rule: string }) => f.rule))].sort();
    assert.deepEqual(rules(await run(t.dir, ['check', '-f', 'json', '--rule', 'softener', 'a.md'])), ['softener']);
    assert.deepEqual(rules(await run(t.dir, ['check', '-f', 'json', '--rule', 'softener,hedge-word', 'a.md'])), ['hedge-word', 'softener']);
    const hedgeOnly = JSON.parse((await run(t.dir, ['check', '-f', 'json', '--category', 'hedge', 'a.md'])).out).files[0].findings;
    assert.ok(hedgeOnly.length >= 2);
    assert.ok(hedgeOnly.every((f: { category: string }) => f.category === 'hedge'));
    const quotes = JSON.parse((await run(t.dir, ['check', '-f', 'json', '--category', 'unsourced-quote', 'a.md'])).out).files[0].findings;
    assert.ok(quotes.length >= 1 && quotes.every((f: { category: string }) => f.category === 'unsourced-quote'));
  } finally {
    t.cleanup();
  }
});

test('--print-config shows the merged config and the files it came from', async () => {
  const t = tempTree({ '.copydeskrc.json': '{"root": true, "rules": {"hedge-word": "info"}, "allowWords": ["perhaps"]}', 'desk/story.md': CLEAN });
  try {
    const r = await run(t.dir, ['check', '--print-config', 'desk/story.md']);
    assert.equal(r.code, 0);
    const shown = JSON.parse(r.out);
    assert.equal(shown.config.rules['hedge-word'], 'info');
    assert.deepEqual(shown.config.allowWords, ['perhaps']);
    assert.equal(shown.configFiles.length, 1);
    assert.match(shown.configFiles[0], /\.copydeskrc\.json$/);
  } finally {
    t.cleanup();
  }
});

test('a malformed config exits 2 naming file, line and column; --config picks a file', async () => {
  const t = tempTree({ '.copydeskrc.json': '{\n  "root": true,\n  "rules": { "hedge-word": "loud" }\n}\n', 'a.md': HEDGED, 'alt.json': '{"rules": {"hedge-word": "error"}}' });
  try {
    const r = await run(t.dir, ['check', 'a.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /\.copydeskrc\.json:3:28: rule "hedge-word" must be one of/);
    assert.equal(r.out, '');
    const explicit = await run(t.dir, ['check', '--config', 'alt.json', 'a.md']);
    assert.equal(explicit.code, 1);
    const missing = await run(t.dir, ['check', '--config', 'nope.json', 'a.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.json:1:1: cannot read the configuration: ENOENT/);
  } finally {
    t.cleanup();
  }
});

test('an unreadable path exits 2 naming it; a binary file is refused clearly', async () => {
  const t = tempTree({ 'a.md': HEDGED, 'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
  try {
    const missing = await run(t.dir, ['check', 'gone.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read "gone\.md": no such file or directory/);
    const binary = await run(t.dir, ['check', 'a.md', 'photo.md']);
    assert.equal(binary.code, 2);
    assert.match(binary.err, /photo\.md: looks like a binary file/);
    assert.match(binary.out, /a\.md:1:18/, 'the readable file is still reported');
    const noGlob = await run(t.dir, ['check', 'drafts/**/*.md']);
    assert.equal(noGlob.code, 2);
    assert.match(noGlob.err, /no files match "drafts\/\*\*\/\*\.md"/);
  } finally {
    t.cleanup();
  }
});

test('--max-file-size refuses larger drafts with exit 2 and checks the rest', async () => {
  const t = tempTree({ 'big.md': HEDGED.repeat(40), 'small.md': HEDGED });
  try {
    const r = await run(t.dir, ['check', '--max-file-size', '1', 'big.md', 'small.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /big\.md: too large to be a draft: 3 KB, over the 1 KB limit/);
    assert.match(r.out, /small\.md:1:18/);
    assert.equal((await run(t.dir, ['check', '--max-file-size', '8', 'big.md'])).code, 0);
    assert.equal((await run(t.dir, ['check', '--stdin', '--max-file-size', '1'], { stdin: HEDGED.repeat(40) })).code, 2);
    assert.match((await run(t.dir, ['check', '--max-file-size', 'big', 'small.md'])).err, /--max-file-size needs a whole number/);
  } finally {
    t.cleanup();
  }
});

test('folders are walked for drafts honouring .gitignore, --ignore-path and the config', async () => {
  const t = tempTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n*.tmp.md\n',
    'drafts/a.md': HEDGED,
    'drafts/b.txt': HEDGED,
    'drafts/image.png': 'not a draft',
    'drafts/scratch.tmp.md': HEDGED,
    'drafts/sub/.gitignore': 'private.md\n',
    'drafts/sub/private.md': HEDGED,
    'drafts/sub/public.md': HEDGED,
    'build/out.md': HEDGED,
    'old/c.md': HEDGED,
    'skip/d.md': HEDGED,
    '.copydeskignore': 'skip/\n',
    '.copydeskrc.json': '{"root": true, "ignore": ["old/"]}',
    'node_modules/pkg/readme.md': HEDGED,
  });
  try {
    const paths = (r: { out: string }) => JSON.parse(r.out).files.map((f: { path: string }) => f.path.split('\\').join('/'));
    assert.deepEqual(paths(await run(t.dir, ['check', '-f', 'json', '.', '--ignore-path', '.copydeskignore'])), [
      'drafts/a.md',
      'drafts/b.txt',
      'drafts/sub/public.md',
    ]);
    assert.deepEqual(paths(await run(t.dir, ['check', '-f', 'json', '.'])), ['drafts/a.md', 'drafts/b.txt', 'drafts/sub/public.md', 'skip/d.md']);
    // A file named explicitly is checked even when ignored.
    assert.deepEqual(paths(await run(t.dir, ['check', '-f', 'json', 'build/out.md'])), ['build/out.md']);
    // Globs honour the ignore files too.
    assert.deepEqual(paths(await run(t.dir, ['check', '-f', 'json', 'drafts/**/*.md'])), ['drafts/a.md', 'drafts/sub/public.md']);
    const badIgnore = await run(t.dir, ['check', '.', '--ignore-path', 'missing-ignore']);
    assert.equal(badIgnore.code, 2);
    assert.match(badIgnore.err, /cannot read the ignore file "missing-ignore"/);
  } finally {
    t.cleanup();
  }
});

test('--stdin checks standard input; --stdin-filename names it and finds its config', async () => {
  const t = tempTree({ 'desk/.copydeskrc.json': '{"rules": {"hedge-word": "error"}}' });
  try {
    const plain = await run(t.dir, ['check', '--stdin'], { stdin: HEDGED });
    assert.equal(plain.code, 0);
    assert.match(plain.out, /^<stdin>:1:18 {2}warning/m);
    const named = await run(t.dir, ['check', '--stdin', '--stdin-filename', 'desk/story.md'], { stdin: HEDGED });
    assert.equal(named.code, 1);
    assert.match(named.out, /^desk\/story\.md:1:18 {2}error/m);
    const binary = await run(t.dir, ['check', '--stdin'], { stdin: Buffer.from([0x00, 0x41]) });
    assert.equal(binary.code, 2);
    assert.match(binary.err, /<stdin>: looks like a binary file/);
  } finally {
    t.cleanup();
  }
});

test('--report-unused-disables reports idle disable comments as warnings', async () => {
  const t = tempTree({ 'a.md': '<!-- copydesk-disable-next-line hedge-word -->\n' + CLEAN + '\n<!-- copydesk-disable-next-line -->\n' + HEDGED });
  try {
    const off = await run(t.dir, ['check', '--fail-on', 'warning', 'a.md']);
    assert.equal(off.code, 0, off.out);
    const on = await run(t.dir, ['check', '--fail-on', 'warning', '--report-unused-disables', 'a.md']);
    assert.equal(on.code, 1);
    assert.match(on.out, /^a\.md:1:1 {2}warning {2}Unused copydesk-disable-next-line comment: no "hedge-word" finding here.* {2}unused-disable$/m);
    const json = JSON.parse((await run(t.dir, ['check', '-f', 'json', '--report-unused-disables', 'a.md'])).out);
    assert.deepEqual(json.files[0].findings, []);
    assert.equal(json.files[0].unusedDisables.length, 1);
    assert.deepEqual(json.files[0].unusedDisables[0].range.start, { line: 0, character: 0 });
  } finally {
    t.cleanup();
  }
});

test('--output-file writes the report to a file', async () => {
  const t = tempTree({ 'a.md': HEDGED });
  try {
    const r = await run(t.dir, ['check', '-f', 'json', '-o', 'report.json', 'a.md']);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.equal(JSON.parse(readFileSync(join(t.dir, 'report.json'), 'utf8')).files[0].findings[0].rule, 'hedge-word');
    const bad = await run(t.dir, ['check', '-o', 'no/such/dir/report.txt', 'a.md']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /cannot write the report to "no\/such\/dir\/report\.txt"/);
  } finally {
    t.cleanup();
  }
});

test('stylish is coloured on a terminal (or with --color) and plain otherwise', async () => {
  const t = tempTree({ 'a.md': HEDGED });
  const saved = process.env.NO_COLOR;
  delete process.env.NO_COLOR;
  try {
    const tty = await run(t.dir, ['check', 'a.md'], { outTTY: true });
    assert.ok(tty.out.includes('\u001b[33mwarning\u001b[39m'), tty.out);
    assert.ok(!(await run(t.dir, ['check', 'a.md'])).out.includes('\u001b['));
    assert.ok((await run(t.dir, ['check', '--color', 'a.md'])).out.includes('\u001b['));
    assert.ok(!(await run(t.dir, ['check', '--no-color', 'a.md'], { outTTY: true })).out.includes('\u001b['));
  } finally {
    if (saved !== undefined) process.env.NO_COLOR = saved;
    t.cleanup();
  }
});

test('a progress bar appears on a terminal for many files, and never otherwise', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 25; i++) files[`d/${String(i).padStart(2, '0')}.md`] = CLEAN;
  const t = tempTree(files);
  try {
    const tty = await run(t.dir, ['check', 'd'], { errTTY: true });
    assert.equal(tty.code, 0);
    assert.match(tty.err, /\r\[#+-*\] \d+\/25 files/);
    assert.match(tty.err, /25\/25 files/);
    assert.equal((await run(t.dir, ['check', 'd'])).err, '');
    const few = tempTree({ 'a.md': CLEAN });
    try {
      assert.equal((await run(few.dir, ['check', 'a.md'], { errTTY: true })).err, '');
    } finally {
      few.cleanup();
    }
  } finally {
    t.cleanup();
  }
});

test('inline disables silence findings in the CLI output', async () => {
  const t = tempTree({ 'a.md': '<!-- copydesk-disable-file hedge-word -->\n' + HEDGED });
  try {
    const r = await run(t.dir, ['check', '-f', 'json', 'a.md']);
    assert.deepEqual(JSON.parse(r.out).files[0].findings, []);
  } finally {
    t.cleanup();
  }
});

test('the stylish summary gives the hedge density of each hedged draft; --quiet and json leave it out', async () => {
  const t = tempTree({ 'clean.md': CLEAN, 'hedged.md': 'The council may perhaps vote in June, and the plan is reportedly done.\n' });
  try {
    const r = await run(t.dir, ['check', 'clean.md', 'hedged.md']);
    assert.match(r.out, /^Hedge density:\n {2}hedged\.md: 3 hedges in 13 words \(230\.8 per 1,000\)$/m);
    assert.doesNotMatch(r.out, /clean\.md: \d+ hedge/);
    assert.doesNotMatch((await run(t.dir, ['check', '--quiet', 'hedged.md'])).out, /Hedge density/);
    assert.doesNotMatch((await run(t.dir, ['check', '--format', 'json', 'hedged.md'])).out, /Hedge density/);
  } finally {
    t.cleanup();
  }
});

test('a folder that is itself ignored is a usage error, not a clean run; its files named one by one are checked', async () => {
  const t = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'drafts/\n', 'drafts/a.md': HEDGED });
  try {
    const r = await run(t.dir, ['check', 'drafts']);
    assert.equal(r.code, 2);
    assert.match(r.err, /"drafts" is ignored/);
    const named = await run(t.dir, ['check', '--fail-on', 'warning', 'drafts/a.md']);
    assert.equal(named.code, 1);
  } finally {
    t.cleanup();
  }
});
