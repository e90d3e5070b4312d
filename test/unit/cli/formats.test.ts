import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { run, tempTree, HEDGED, CLEAN } from './run.js';
import { formatGithub } from '../../../server/src/cli/format/github.js';
import { escapeHtml, formatHtml } from '../../../server/src/cli/format/html.js';
import { formatJson, formatJsonChunks, keepRendered, renderFindings } from '../../../server/src/cli/format/json.js';
import { LineIndex, type Finding } from '../../../server/src/core/index.js';
import type { FileReport } from '../../../server/src/cli/format/common.js';

const finding = (over: Partial<Finding>): Finding => ({ rule: 'hedge-word', category: 'hedge', severity: 'warning', message: 'm', offset: 0, length: 1, fixes: [], ...over });

test('json keeps the documented report shape', async () => {
  const t = tempTree({ 'a.md': HEDGED, 'b.md': CLEAN });
  try {
    const r = await run(t.dir, ['check', '--format', 'json', 'a.md', 'b.md']);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.out);
    assert.deepEqual(Object.keys(report), ['files']);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['a.md', 'b.md']);
    const f = report.files[0].findings[0];
    assert.deepEqual(Object.keys(f).slice(0, 8), ['rule', 'category', 'severity', 'message', 'offset', 'length', 'range', 'fixes']);
    assert.equal(HEDGED.slice(f.offset, f.offset + f.length), 'perhaps');
    assert.deepEqual(f.range, { start: { line: 0, character: 17 }, end: { line: 0, character: 24 } });
    assert.deepEqual(Object.keys(f.fixes[0]), ['title', 'preferred', 'edits']);
    assert.deepEqual(Object.keys(f.fixes[0].edits[0]), ['offset', 'length', 'newText']);
    assert.deepEqual(report.files[1].findings, []);
  } finally {
    t.cleanup();
  }
});

/** The report as the README documents it, built the plain way: one JSON.stringify of the whole. */
function referenceJson(reports: FileReport[]): string {
  const files = reports.map((r) => {
    const lines = new LineIndex(r.text);
    const range = (offset: number, length: number) => ({ start: lines.positionAt(offset), end: lines.positionAt(offset + length) });
    return {
      path: r.path,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: f.message,
        offset: f.offset,
        length: f.length,
        range: range(f.offset, f.length),
        fixes: f.fixes.map((x) => ({ title: x.title, preferred: x.preferred === true, edits: x.edits })),
        ...(f.related ? { related: f.related } : {}),
        ...(f.data ? { data: f.data } : {}),
      })),
      ...(r.unusedDisables ? { unusedDisables: r.unusedDisables.map((u) => ({ message: u.message, selectors: u.selectors, offset: u.offset, length: u.length, range: range(u.offset, u.length) })) } : {}),
    };
  });
  return JSON.stringify({ files }) + '\n';
}

test('json is byte for byte one JSON.stringify of the report, with findings rendered on their own thread or not, in chunks of whole characters', () => {
  // Several megabytes of report: typographic quotes and an astral character in messages and fix
  // texts (multi-byte UTF-8 across chunk boundaries), related places and data, unused disables.
  const lines = Array.from({ length: 6000 }, (_, i) => `Line ${i}: “perhaps” \u{1F4F0} it may rain.`);
  const text = lines.join('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  const findings: Finding[] = starts.flatMap((start, i) => [
    finding({ offset: start + 9, length: 9, message: `“perhaps” hedges the claim ${'…'.repeat(i % 7)} \u{1F4F0}`, fixes: [{ title: 'Remove “perhaps”', preferred: true, edits: [{ offset: start + 9, length: 10, newText: '' }] }], data: { word: 'perhaps', n: i } }),
    finding({ rule: 'repeated-text', category: 'boilerplate', severity: i % 2 ? 'info' : 'warning', offset: start, length: 8, message: 'This text repeats', related: [{ offset: 0, length: 8, message: 'First occurrence' }] }),
  ]);
  const reports: FileReport[] = [
    { path: 'first “draft”.md', text, findings, unusedDisables: [{ message: 'unused', selectors: ['hedge'], offset: 3, length: 4, fix: { offset: 3, length: 4, newText: '' } }] },
    { path: 'empty.txt', text: '', findings: [] },
    { path: 'again.md', text, findings: findings.slice(0, 5) },
  ];
  const expected = referenceJson(reports);
  assert.ok(Buffer.byteLength(expected) > 3 << 20, 'a report of several chunks');
  assert.equal(formatJson(reports), expected, 'rendered here');

  // Rendered elsewhere (as a worker does, for every other finding of the first draft, in its own
  // order), copied as a worker's reply is, then kept for the report.
  const elsewhere = findings.filter((_, i) => i % 2 === 1).reverse();
  const json = structuredClone(renderFindings(text, elsewhere));
  const copies = structuredClone(elsewhere);
  keepRendered(copies, json);
  const byPlace = new Map(copies.map((f) => [`${f.rule}@${f.offset}`, f]));
  const mixed: FileReport[] = [{ ...reports[0]!, findings: findings.map((f) => byPlace.get(`${f.rule}@${f.offset}`) ?? f) }, ...reports.slice(1)];
  const chunks = [...formatJsonChunks(mixed)];
  assert.ok(chunks.length > 2);
  assert.equal(chunks.map((c) => c.toString('utf8')).join(''), expected, 'each chunk decodes on its own: no character is split');
  assert.equal(Buffer.concat(chunks).toString('utf8'), expected);

  assert.throws(() => keepRendered(copies.slice(1), json), /rendered findings/);
});

test('github prints one workflow annotation per finding, escaped', async () => {
  const t = tempTree({ 'a.md': HEDGED });
  try {
    const r = await run(t.dir, ['check', '--format', 'github', 'a.md']);
    assert.match(r.out, /^::warning file=a\.md,line=1,col=18,endLine=1,endColumn=25,title=Copydesk hedge-word::.*perhaps.*$/m);
  } finally {
    t.cleanup();
  }
  const text = 'a\nb';
  const out = formatGithub([
    { path: 'dir,x/a:b.md', text, findings: [finding({ severity: 'info', message: '100% sure\nsecond line', offset: 2, length: 1 })] },
  ]);
  assert.equal(out, '::notice file=dir%2Cx/a%3Ab.md,line=2,col=1,endLine=2,endColumn=2,title=Copydesk hedge-word::100%25 sure%0Asecond line\n');
});

test('html is one self-contained page with findings highlighted in place and counts per category', async () => {
  const t = tempTree({ 'a.md': 'Intro <b>bold</b> & more.\n\n' + HEDGED, 'b.md': CLEAN });
  try {
    const r = await run(t.dir, ['check', '--format', 'html', 'a.md', 'b.md']);
    assert.equal(r.code, 0);
    const html = r.out;
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.doesNotMatch(html, /<script|<link |src="http/, 'nothing external, nothing executable');
    assert.match(html, /Intro &lt;b&gt;bold&lt;\/b&gt; &amp; more\./, 'draft text is escaped');
    assert.match(html, /<mark class="cat-hedge sev-warning" data-rule="hedge-word" title="hedge-word: [^"]*">perhaps<\/mark>/);
    assert.match(html, /<th scope="row"><span class="swatch cat-hedge"><\/span>Hedges<\/th><td>1<\/td>/);
    assert.match(html, /<a href="#f0-0">3:18<\/a>/);
    assert.match(html, /id="f0-0"/);
  } finally {
    t.cleanup();
  }
});

test('html marks overlapping findings piece by piece without losing text', () => {
  const text = 'one two three';
  const html = formatHtml(
    [
      {
        path: 'x<y>.md',
        text,
        findings: [finding({ offset: 0, length: 7, message: 'first "one"' }), finding({ offset: 4, length: 9, rule: 'softener', message: 'second' })],
      },
    ],
    '0.0.0',
  );
  const draft = /<pre class="draft">([\s\S]*?)<\/pre>/.exec(html)![1]!;
  assert.equal(draft.replace(/<[^>]+>/g, ''), text);
  assert.match(draft, /<mark[^>]*data-rule="hedge-word softener"[^>]*>two<\/mark>/);
  assert.match(html, /<h2>x&lt;y&gt;\.md<\/h2>/);
  assert.match(html, /title="hedge-word: first &quot;one&quot;"/);
  assert.equal(escapeHtml(`<'&">`), '&lt;&#39;&amp;&quot;&gt;');
});

test('sarif output is valid against the SARIF 2.1.0 schema', async () => {
  const require = createRequire(import.meta.url);
  const AjvDraft04 = require('ajv-draft-04');
  const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-2.1.0-rtm.5.json', 'utf8'));
  // The official schema's `language` pattern has a stray "]" that only non-unicode regexps accept.
  const validate = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);
  const t = tempTree({
    'desk/a story.md': HEDGED + '\n<!-- copydesk-disable-next-line softener -->\n' + CLEAN,
    'b.txt': 'He said "we will finish the bridge by spring" and left.\n',
  });
  try {
    const r = await run(t.dir, ['check', '--format', 'sarif', '--report-unused-disables', 'desk', 'b.txt']);
    const log = JSON.parse(r.out);
    // The validator does reject a broken log (a run whose tool has no driver), so passing means something.
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {}, results: [] }] }), false);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results;
    const hedge = results.find((x: { ruleId: string }) => x.ruleId === 'hedge-word');
    assert.equal(hedge.level, 'warning');
    assert.equal(hedge.locations[0].physicalLocation.artifactLocation.uri, 'desk/a%20story.md');
    assert.deepEqual(
      [hedge.locations[0].physicalLocation.region.startLine, hedge.locations[0].physicalLocation.region.startColumn, hedge.locations[0].physicalLocation.region.endColumn],
      [1, 18, 25],
    );
    assert.equal(log.runs[0].tool.driver.rules[hedge.ruleIndex].id, 'hedge-word');
    assert.ok(hedge.fixes[0].artifactChanges[0].replacements.length >= 1);
    assert.ok(results.some((x: { ruleId: string }) => x.ruleId === 'unused-disable'));
    assert.ok(results.some((x: { ruleId: string }) => x.ruleId === 'unsourced-quote'));
    // A clean run is valid too.
    const clean = JSON.parse((await run(t.dir, ['check', '--format', 'sarif', '--rule', 'web-cruft', 'desk'])).out);
    assert.ok(validate(clean), JSON.stringify(validate.errors));
    assert.deepEqual(clean.runs[0].results, []);
  } finally {
    t.cleanup();
  }
});
