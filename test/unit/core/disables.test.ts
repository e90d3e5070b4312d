import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/index.js';
import { applyDisables, parseDirectives } from '../../../server/src/core/disables.js';
import type { Finding } from '../../../server/src/core/types.js';

/** Hedges found in `text` after the disable comments are applied. */
function hedges(text: string): string[] {
  return analyse(text, { languageId: 'markdown' })
    .findings.filter((f) => f.rule === 'hedge-word')
    .map((f) => text.slice(f.offset, f.offset + f.length));
}

test('parses every directive kind with selectors, commas and a reason', () => {
  const text = [
    '<!-- copydesk-disable hedge-word, softener -- the quote is the story -->',
    '<!-- copydesk-enable -->',
    '<!-- copydesk-disable-next-line hedge -->',
    '<!-- copydesk-disable-file -->',
  ].join('\n');
  const ds = parseDirectives(text);
  assert.deepEqual(
    ds.map((d) => [d.kind, d.selectors, d.endLine]),
    [
      ['disable', ['hedge-word', 'softener'], 0],
      ['enable', [], 1],
      ['disable-next-line', ['hedge'], 2],
      ['disable-file', [], 3],
    ],
  );
  assert.equal(text.slice(ds[0]!.offset, ds[0]!.offset + ds[0]!.length), '<!-- copydesk-disable hedge-word, softener -- the quote is the story -->');
});

test('ignores look-alike comments and comments inside fenced code', () => {
  const text = '<!-- copydesk-disabled -->\n```md\n<!-- copydesk-disable -->\n```\n<!-- not copydesk-disable -->\n';
  assert.deepEqual(parseDirectives(text), []);
});

test('disable … enable silences a stretch of the draft only', () => {
  const text = 'It will perhaps rain.\n\n<!-- copydesk-disable -->\n\nIt will perhaps snow.\n\n<!-- copydesk-enable -->\n\nIt will perhaps hail.\n';
  assert.deepEqual(hedges(text), ['perhaps', 'perhaps']);
  const r = analyse(text, { languageId: 'markdown' });
  assert.ok(!r.findings.some((f) => f.offset > text.indexOf('snow') - 20 && f.offset < text.indexOf('snow')));
});

test('a rule selector leaves other rules on; a category selector covers all its rules', () => {
  const text = '<!-- copydesk-disable softener -->\n\nThe plan is somewhat costly and will perhaps fail.\n';
  const rules = analyse(text, { languageId: 'markdown' }).findings.map((f) => f.rule);
  assert.ok(rules.includes('hedge-word'));
  assert.ok(!rules.includes('softener'));
  const byCategory = '<!-- copydesk-disable hedge -->\n\nThe plan is somewhat costly and will perhaps fail.\n';
  assert.deepEqual(
    analyse(byCategory, { languageId: 'markdown' }).findings.filter((f) => f.category === 'hedge'),
    [],
  );
});

test('enable with a selector re-enables only that check after a blanket disable', () => {
  const text = '<!-- copydesk-disable -->\n<!-- copydesk-enable hedge-word -->\n\nThe plan is somewhat costly and will perhaps fail.\n';
  const rules = analyse(text, { languageId: 'markdown' }).findings.map((f) => f.rule);
  assert.deepEqual(rules, ['hedge-word']);
});

test('disable-next-line covers exactly the following line', () => {
  const text = '<!-- copydesk-disable-next-line hedge-word -->\nIt will perhaps rain.\nIt will perhaps snow.\n';
  const r = analyse(text, { languageId: 'markdown' });
  assert.deepEqual(
    r.findings.filter((f) => f.rule === 'hedge-word').map((f) => f.offset),
    [text.lastIndexOf('perhaps')],
  );
});

test('disable-file silences the whole draft wherever the comment is', () => {
  const text = 'It will perhaps rain.\n\nIt will perhaps snow.\n\n<!-- copydesk-disable-file hedge-word -->\n';
  assert.deepEqual(hedges(text), []);
});

test('reports disable comments that silence nothing, naming the idle selectors', () => {
  const text = '<!-- copydesk-disable-next-line -->\nThe council met.\n\n<!-- copydesk-disable hedge-word unsourced-quote -->\nIt will perhaps rain.\n\n<!-- copydesk-disable-file nonsense-rule -->\n';
  const r = analyse(text, { languageId: 'markdown' });
  assert.equal(r.unusedDisables.length, 3);
  assert.deepEqual(r.unusedDisables[0]!.selectors, []);
  assert.match(r.unusedDisables[0]!.message, /nothing is reported here/);
  assert.deepEqual(r.unusedDisables[1]!.selectors, ['unsourced-quote']);
  assert.match(r.unusedDisables[2]!.message, /"nonsense-rule" is not a Copydesk rule or category/);
});

test('the removal fix of an unused comment takes its line when it stands alone', () => {
  const text = 'Intro.\n<!-- copydesk-disable-file -->\nEnd.\n';
  const { unused } = applyDisables(text, []);
  assert.equal(unused.length, 1);
  const e = unused[0]!.fix;
  assert.equal(text.slice(0, e.offset) + e.newText + text.slice(e.offset + e.length), 'Intro.\nEnd.\n');
  const inline = 'Intro. <!-- copydesk-disable-file --> End.\n';
  const f = applyDisables(inline, []).unused[0]!.fix;
  assert.equal(inline.slice(0, f.offset) + inline.slice(f.offset + f.length), 'Intro.  End.\n');
});

test('applyDisables leaves findings alone when there are no directives', () => {
  const f: Finding = { rule: 'hedge-word', category: 'hedge', severity: 'warning', message: 'm', offset: 0, length: 3, fixes: [] };
  assert.deepEqual(applyDisables('abc', [f]), { findings: [f], unused: [] });
});
