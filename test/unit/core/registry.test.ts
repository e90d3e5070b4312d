import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { CATEGORIES, RULES, SEVERITIES, ruleDocsUrl } from '../../../server/src/core/index.js';

test('every registered rule has a unique kebab-case id, a category, a default severity and a description', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    assert.match(r.id, /^[a-z]+(?:-[a-z]+)*$/, r.id);
    assert.ok(CATEGORIES.includes(r.category), r.id);
    assert.ok(SEVERITIES.includes(r.defaultSeverity), r.id);
    assert.ok(r.description.length > 20, r.id);
  }
});

test('every rule has its module, its test file and a docs page that its diagnostics link to', () => {
  for (const r of RULES) {
    assert.ok(existsSync(`server/src/core/rules/${r.id}.ts`), `module of ${r.id}`);
    assert.ok(existsSync(`test/unit/rules/${r.id}.test.ts`), `tests of ${r.id}`);
    const page = `docs/rules/${r.id}.md`;
    assert.ok(existsSync(page), `docs of ${r.id}`);
    assert.ok(ruleDocsUrl(r.id).endsWith(page));
    assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${r.id}\\b`, 'm'), `${page} is titled with the rule id`);
  }
});
