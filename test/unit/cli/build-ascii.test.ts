/**
 * The production CLI bundle is made ASCII (scripts/build-ascii.mjs) by escaping the non-ASCII
 * characters of its regular expression literals: each escaped expression must match exactly what
 * the original matched, and nothing but regular expression literals may change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeLiteral, escapeRegExpLiterals } from '../../../scripts/build-ascii.mjs';

/** A regular expression from the text of its literal. */
function regExp(literal: string): RegExp {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

const LITERALS = [
  String.raw`/^[\p{L}"“‘’'(]|^\d(?!\d{0,8}[.)])/u`,
  String.raw`/[.!?…]+["”’')\]]*(?=\s|$)/g`,
  String.raw`/^[\s•·*>|»›#‣▸►\-–—:]+/`,
  String.raw`/[’‘]/g`,
  // An identity escape, allowed without the u flag.
  String.raw`/a\“b/`,
  // An escaped backslash before a non-ASCII character: the character stands alone.
  String.raw`/\\“/`,
  // Outside the basic plane: one character with u or v, a pair of units without.
  String.raw`/^📰+$/u`,
  String.raw`/^📰$/`,
  String.raw`/[📰📻]/v`,
  String.raw`/^[^📰]$/u`,
  String.raw`/(?<année>\d{4})/`,
];

const SAMPLES = ['“Quote', '‘quote', '(1)', '12) list', 'x', 'Done.” Next', 'Wait… what', '•  item', '— dash', '’', 'a“b', 'a\\“b', '\\“', '📰', '📰📰', '\uD83D', '\uDCF0', '📻', 'année 2024', ''];

test('an escaped regular expression matches what the original matches, and is ASCII', () => {
  for (const literal of LITERALS) {
    const escaped = escapeLiteral(literal);
    assert.doesNotMatch(escaped, /[\u0080-\uffff]/, literal);
    const [a, b] = [regExp(literal), regExp(escaped)];
    assert.equal(b.flags, a.flags, literal);
    for (const s of SAMPLES) {
      a.lastIndex = b.lastIndex = 0;
      assert.deepEqual(b.exec(s), a.exec(s), `${literal} on ${JSON.stringify(s)}`);
    }
  }
});

test('only regular expression literals change in a script', () => {
  const code = [
    'const quote = /[“”]/g, ratio = total / count / 2;',
    'const text = "“as is”", tpl = `— ${quote}`; // a comment — kept',
    'if (/^…$/.test(text)) print(String.raw`’`);',
  ].join('\n');
  const out = escapeRegExpLiterals(code);
  assert.equal(
    out,
    [
      'const quote = /[\\u201c\\u201d]/g, ratio = total / count / 2;',
      'const text = "“as is”", tpl = `— ${quote}`; // a comment — kept',
      'if (/^\\u2026$/.test(text)) print(String.raw`’`);',
    ].join('\n'),
  );
  assert.equal(escapeRegExpLiterals('const a = 1 / 2;'), 'const a = 1 / 2;', 'ASCII code is returned as it is');
  assert.equal(escapeRegExpLiterals('const a = /“/; const b = ('), 'const a = /“/; const b = (', 'code that does not parse is left alone');
});
