/**
 * A rule that throws is isolated: the engine reports it once per analysis through onRuleError and
 * every other rule still reports. The throwing rules are registered for this test only (the
 * registry array is pushed to and restored), never in the shipped registry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, Analyzer, RULES, type BlockRule, type DocumentRule, type Rule } from '../../../server/src/core/index.js';

const blockBomb: BlockRule = {
  id: 'test-block-bomb',
  category: 'hedge',
  defaultSeverity: 'warning',
  description: 'Throws on every block that mentions a bridge.',
  fixable: false,
  scope: 'block',
  analyse(block) {
    if (/bridge/.test(block.text)) throw new Error('block bomb');
    return [];
  },
};

const documentBomb: DocumentRule = {
  id: 'test-document-bomb',
  category: 'boilerplate',
  defaultSeverity: 'warning',
  description: 'Throws on every draft.',
  fixable: false,
  scope: 'document',
  analyse() {
    throw new TypeError('document bomb');
  },
};

/** Runs `fn` with the throwing rules registered, and restores the registry afterwards. */
function withBombs<T>(fn: () => T): T {
  const registry = RULES as Rule[];
  registry.push(blockBomb, documentBomb);
  try {
    return fn();
  } finally {
    registry.splice(registry.indexOf(blockBomb), 2);
  }
}

const text = 'The bridge may reopen.\n\nThe bridge reportedly failed.\n\nA third bridge could close.\n';

test('the other rules still report when rules throw, and each failure is reported once per analysis', () => {
  const expected = analyse(text, { languageId: 'plaintext' }).findings;
  assert.ok(expected.length >= 3, 'the draft has hedges for the healthy rules to find');
  const errors: [string, unknown][] = [];
  const { findings } = withBombs(() => analyse(text, { languageId: 'plaintext', onRuleError: (id, e) => errors.push([id, e]) }));
  assert.deepEqual(findings, expected);
  assert.deepEqual(
    errors.map(([id, e]) => `${id}: ${(e as Error).message}`),
    ['test-block-bomb: block bomb', 'test-document-bomb: document bomb'],
  );
});

test('without an onRuleError handler a throwing rule still cannot break the analysis', () => {
  const expected = analyse(text, { languageId: 'markdown' }).findings;
  assert.deepEqual(withBombs(() => analyse(text, { languageId: 'markdown' }).findings), expected);
});

test('a cached Analyzer keeps isolating a throwing rule across edits', () => {
  const errors: string[] = [];
  const onRuleError = (id: string) => errors.push(id);
  withBombs(() => {
    const analyzer = new Analyzer();
    analyzer.analyse(text, { languageId: 'plaintext', onRuleError });
    const edited = text + '\nAnother bridge might fall.\n';
    const { findings } = analyzer.analyse(edited, { languageId: 'plaintext', onRuleError });
    // The new paragraph is analysed afresh: the block rule fails on it and is reported again.
    assert.ok(errors.filter((e) => e === 'test-block-bomb').length >= 2);
    assert.deepEqual(findings, analyse(edited, { languageId: 'plaintext' }).findings);
  });
  assert.ok(!RULES.some((r) => r.id.startsWith('test-')), 'the registry is restored');
});
