import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, mergeParts, languageOfPath } from '../../../server/src/core/index.js';

const samples = readdirSync('samples')
  .filter((n) => /\.(md|txt)$/.test(n))
  .map((n) => ({ path: join('samples', n), text: readFileSync(join('samples', n), 'utf8') }));

test('block and document parts analysed apart and merged give exactly one analysis’s findings and unused disables', () => {
  // A disable comment that silences a block rule's finding, and one that silences nothing.
  const extra = {
    path: 'extra.md',
    text: '<!-- copydesk-disable-next-line unclosed-quote -->\nIt may rain, experts warn.\n\n<!-- copydesk-disable-next-line hedge-word -->\nIt may rain.\n\n<!-- copydesk-disable-next-line web-cruft -->\nA plain line.\n\n“Fine,” the notes said.\n\nLeave a Reply\n',
  };
  let both = 0;
  for (const d of [...samples, extra]) {
    const languageId = languageOfPath(d.path);
    const whole = analyse(d.text, { languageId, path: d.path });
    const block = analyse(d.text, { languageId, path: d.path, part: 'block' }).findings;
    const document = analyse(d.text, { languageId, path: d.path, part: 'document' }).findings;
    if (block.length && document.length) both++;
    if (d === extra) assert.ok(whole.unusedDisables.length > 0 && whole.findings.length > 0, 'the extra draft has an unused disable and findings');
    const merged = mergeParts(d.text, languageId, block, document);
    assert.deepEqual(merged.findings, whole.findings, d.path);
    assert.deepEqual(merged.unusedDisables, whole.unusedDisables, d.path);
  }
  assert.ok(both >= 2, 'drafts with findings of both parts, or the comparison proves little');
});
