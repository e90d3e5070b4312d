/** Finding drafts: the test that keeps tinyglobby unloaded for plain paths must never miss a glob. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isDynamicPattern } from 'tinyglobby';
import { mayBeGlob } from '../../../server/src/cli/files.js';

test('mayBeGlob is true for every pattern tinyglobby treats as a glob', () => {
  for (const plain of ['drafts/story.md', './a b/c.txt', 'C:\\\\news\\\\today.md', 'über/ß.md', 'v1.2/notes.markdown', '']) {
    assert.equal(isDynamicPattern(plain), false, plain);
    assert.equal(mayBeGlob(plain), false, plain);
  }
  for (const glob of ['drafts/*.md', '**/x.md', 'a?.md', '[ab].md', '{a,b}.md', 'a/{1..3}.md', '!(x).md', '@(a|b).md', '+(a).md', '!negated.md', '(a|b).md']) {
    assert.equal(mayBeGlob(glob), true, glob);
  }
  const unit = fc.constantFrom(...'ab/.-_ *?[]{}()!+@,|\\^$~'.split(''));
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 12 }), (s) => !isDynamicPattern(s) || mayBeGlob(s)),
    { seed: 7, numRuns: 20_000 },
  );
});
