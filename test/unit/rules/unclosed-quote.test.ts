import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers.js';

const rule = 'unclosed-quote';

/** Offsets of the unclosed-quote findings in `text`. */
function at(text: string, languageId: 'markdown' | 'plaintext' = 'plaintext'): number[] {
  return check(text, { rule, languageId }).map((f) => f.offset);
}

test('flags the opening mark of a quotation that is never closed', () => {
  const text = 'The mayor said "we will rebuild the bridge and left.\n\nThe council met later.';
  assert.deepEqual(at(text), [text.indexOf('"')]);
  const [f] = check(text, { rule });
  assert.equal(f!.length, 1);
  assert.match(f!.message, /never closed/);
});

test('does not flag a quotation continued on the next paragraph with a new opening mark', () => {
  assert.deepEqual(at('"We trained all winter.\n\n"We will win the cup," she said.'), []);
  assert.deepEqual(at('“We trained all winter.\n“We will win the cup,” she said.'), []);
});

test('flags a multi-paragraph quotation that never closes', () => {
  const text = 'Intro.\n\n"We trained all winter.\n\n"We will win the cup, she said.\n\nThe end.';
  assert.deepEqual(at(text), [text.indexOf('"')]);
});

test('does not flag apostrophes, closed quotes or a Markdown block quote', () => {
  assert.deepEqual(at('The players’ union didn’t agree. ‘No,’ she said.'), []);
  assert.deepEqual(at('> We will rebuild the bridge.\n\nThe mayor wrote that.', 'markdown'), []);
  assert.deepEqual(at('She wrote "yes" and "no" on the form.'), []);
});
