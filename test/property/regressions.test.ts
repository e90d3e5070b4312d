/**
 * Regression tests for bugs the property tests and the fuzzer found. Each names the input that
 * broke and what went wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyse, Analyzer, applyEdits, defaultConfig, parseDocument, preferredEdits, RULES, type BlockRule, type Rule } from '../../server/src/core/index.js';
import { checkBlocks, checkCodeUntouched, checkFindings, checkFixAll } from './properties.js';

test('a Markdown draft with a BOM keeps document offsets (micromark drops the BOM from its offsets)', () => {
  // Found by the block property: every offset was one too small, so a block could start between
  // the halves of a surrogate pair and a fix deleted the character before the hedge.
  const text = '\uFEFF+++\r\ntitle = "x"\r\n+++\r\n\r\n\u{10000} The plan is reportedly done.';
  const [block] = parseDocument(text, 'markdown').blocks;
  assert.equal(block!.text, text.slice(block!.offset, block!.offset + block!.text.length));
  checkBlocks({ text, languageId: 'markdown' });
  checkFindings({ text, languageId: 'markdown' });
  const { findings } = analyse('\uFEFFThe plan is reportedly done.', { languageId: 'markdown' });
  const hedge = findings.find((f) => f.rule === 'hedge-word')!;
  assert.equal('\uFEFFThe plan is reportedly done.'.slice(hedge.offset, hedge.offset + hedge.length), 'reportedly');
  assert.equal(applyEdits('\uFEFFThe plan is reportedly done.', preferredEdits(findings)), '\uFEFFThe plan is done.');
  checkFixAll({ text: '\uFEFFThe plan is reportedly done.', languageId: 'markdown' });
});

test('the block cache tells a list item from a paragraph with the same words', () => {
  // The cache key held kind, quote depth and text but not `inList`, so a block rule that looks at
  // `inList` got a stale answer after "- " was typed before a paragraph. Registered for this test only.
  const listAware: BlockRule = {
    id: 'test-list-aware',
    category: 'hedge',
    defaultSeverity: 'info',
    description: 'Reports every block that is a list item.',
    fixable: false,
    scope: 'block',
    analyse: (block) => (block.inList ? [{ message: 'A list item.', offset: 0, length: block.text.length }] : []),
  };
  const registry = RULES as Rule[];
  registry.push(listAware);
  try {
    const analyzer = new Analyzer();
    // One config object for both runs: a new config empties the cache.
    const config = defaultConfig();
    analyzer.analyse('The vote passed.\n', { languageId: 'markdown', config });
    const { findings } = analyzer.analyse('- The vote passed.\n', { languageId: 'markdown', config });
    assert.deepEqual(findings.filter((f) => f.rule === listAware.id).map((f) => [f.offset, f.length]), [[2, 16]]);
  } finally {
    registry.splice(registry.indexOf(listAware), 1);
  }
});

/**
 * Analyses `text` in a child process and reports whether it finished within `ms`: a rule stuck in
 * a loop would otherwise hang this test file instead of failing it.
 */
function finishesWithin(text: string, languageId: 'markdown' | 'plaintext', ms: number): { ok: boolean; detail: string } {
  const core = pathToFileURL(resolve('server/src/core/index.ts')).href;
  const code = `import(${JSON.stringify(core)}).then((c) => { const r = c.analyse(${JSON.stringify(text)}, { languageId: ${JSON.stringify(languageId)} }); process.stdout.write(String(r.findings.length)); })`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { timeout: ms, encoding: 'utf8' });
  return { ok: r.status === 0 && r.signal === null, detail: r.signal ? `killed after ${ms} ms (${r.signal})` : `exit ${r.status}: ${r.stderr.slice(0, 500)}` };
}

test('an unmatched ")" before ", said" next to a quotation does not hang the attribution scan', () => {
  // Found by the fuzzer (a 5-minute stall on one draft): attribution.ts leftCandidates() walked
  // left with m = skipParen(toks, m), and skipParen returns m itself when the ")" has no "(",
  // so the loop never moved. Hit by unsourced-quote and anonymous-source.
  for (const text of ['1) First point, said Dana: "We will vote."', '“We will vote.” Point 2), said Dana.']) {
    const r = finishesWithin(text, 'plaintext', 20_000);
    assert.ok(r.ok, `${JSON.stringify(text)}: ${r.detail}`);
  }
});

test('fix-all never deletes fenced code: web-cruft took a table, a code block and a heading for page furniture', () => {
  // Found by the fuzzer: web-cruft reported "6 lines of web-page furniture" over offsets 2–83 and
  // its preferred fix deleted them all, the fenced code included, leaving "|\r\n===".
  const text = '| Claim | Status |\r\n| --- | :-: |\r\n| the. | the. |\r\n| x |\r\n\r\n```\r\nthe.\r\n```\r\n\r\nthe.\r\n===';
  const fixed = checkFixAll({ text, languageId: 'markdown' });
  checkCodeUntouched({ text, languageId: 'markdown' }, fixed);
});
