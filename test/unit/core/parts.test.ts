import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, Analyzer, mergeParts, languageOfPath, RULES } from '../../../server/src/core/index.js';

const samples = readdirSync('samples')
  .filter((n) => /\.(md|txt)$/.test(n))
  .map((n) => ({ path: join('samples', n), text: readFileSync(join('samples', n), 'utf8') }));

test('rules analysed in parts and merged give exactly one analysis’s findings and unused disables', () => {
  // A disable comment that silences a block rule's finding, and one that silences nothing.
  const extra = {
    path: 'extra.md',
    text: '<!-- copydesk-disable-next-line unclosed-quote -->\nIt may rain, experts warn.\n\n<!-- copydesk-disable-next-line hedge-word -->\nIt may rain.\n\n<!-- copydesk-disable-next-line web-cruft -->\nA plain line.\n\n“Fine,” the notes said.\n\nLeave a Reply\n',
  };
  let both = 0;
  for (const d of [...samples, extra]) {
    const languageId = languageOfPath(d.path);
    const whole = analyse(d.text, { languageId, path: d.path });
    if (d === extra) assert.ok(whole.unusedDisables.length > 0 && whole.findings.length > 0, 'the extra draft has an unused disable and findings');
    // Block rules against document rules, and a split that mixes them, in either order.
    for (const inFirst of [(id: string) => RULES.find((r) => r.id === id)!.scope === 'block', (_: string, i: number) => i % 2 === 0]) {
      const first = new Set(RULES.filter((r, i) => inFirst(r.id, i)).map((r) => r.id));
      const second = new Set(RULES.filter((r) => !first.has(r.id)).map((r) => r.id));
      const a = analyse(d.text, { languageId, path: d.path, part: first }).findings;
      const b = analyse(d.text, { languageId, path: d.path, part: second }).findings;
      if (a.length && b.length) both++;
      for (const parts of [[a, b], [b, a]]) {
        const merged = mergeParts(d.text, languageId, parts);
        assert.deepEqual(merged.findings, whole.findings, d.path);
        assert.deepEqual(merged.unusedDisables, whole.unusedDisables, d.path);
      }
    }
  }
  assert.ok(both >= 4, 'drafts with findings of both parts, or the comparison proves little');
});

test('analysing a part with a draft’s Analyzer leaves its caches as they were', () => {
  const d = samples[0]!;
  const languageId = languageOfPath(d.path);
  const analyzer = new Analyzer();
  const before = analyzer.analyse(d.text, { languageId }).findings;
  const some = new Set(RULES.filter((r) => r.scope === 'block').slice(0, 2).map((r) => r.id));
  assert.ok(analyzer.analyse(d.text, { languageId, part: some }).findings.length > 0);
  assert.deepEqual(analyzer.analyse(d.text, { languageId }).findings, before);
  assert.equal(analyzer.lastMisses, 0, 'the whole analysis still finds every paragraph in its cache');
});

test('block rules shared out by place (blockRange) and merged give exactly one analysis’s findings', () => {
  const blockRules = RULES.filter((r) => r.scope === 'block').map((r) => r.id);
  const documentRules = RULES.filter((r) => r.scope === 'document').map((r) => r.id);
  let checked = 0;
  for (const d of samples) {
    const languageId = languageOfPath(d.path);
    const whole = analyse(d.text, { languageId, path: d.path });
    const blockFindings = whole.findings.filter((f) => blockRules.includes(f.rule));
    // Cuts at a third and two thirds, and at a block's very first character (a block is in the part its start is in).
    const firstBlock = blockFindings[Math.floor(blockFindings.length / 2)]?.offset ?? 0;
    for (const cut of [Math.floor(d.text.length / 3), Math.floor((2 * d.text.length) / 3), firstBlock]) {
      const a = analyse(d.text, { languageId, path: d.path, part: new Set([...blockRules, ...documentRules.slice(0, 2)]), blockRange: { from: 0, to: cut } });
      const b = analyse(d.text, { languageId, path: d.path, part: new Set([...blockRules, ...documentRules.slice(2)]), blockRange: { from: cut, to: d.text.length + 1 } });
      const aBlock = a.findings.filter((f) => blockRules.includes(f.rule));
      const bBlock = b.findings.filter((f) => blockRules.includes(f.rule));
      if (aBlock.length && bBlock.length) checked++;
      assert.equal(aBlock.length + bBlock.length, blockFindings.length, `${d.path}: each block in exactly one part`);
      for (const parts of [[a.findings, b.findings], [b.findings, a.findings]]) {
        const merged = mergeParts(d.text, languageId, parts);
        assert.deepEqual(merged.findings, whole.findings, d.path);
        assert.deepEqual(merged.unusedDisables, whole.unusedDisables, d.path);
      }
    }
  }
  assert.ok(checked >= 4, 'cuts with block findings on both sides, or the comparison proves little');
});
