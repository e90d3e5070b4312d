import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Analyzer } from '../../../server/src/core/index.js';

/**
 * The heap the program's data uses. The spaces of compiled code are left out: V8's compilers add
 * and drop code there as they go (a megabyte or two either way between two measurements), and no
 * version of a draft is ever kept there.
 */
function dataInUse(): number {
  return getHeapSpaceStatistics()
    .filter((s) => !s.space_name.startsWith('code'))
    .reduce((n, s) => n + s.space_used_size, 0);
}

test('editing a draft again and again does not keep its old versions in memory', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const samples = readdirSync('samples').filter((n) => n.endsWith('.txt') || n.endsWith('.md')).map((n) => readFileSync(join('samples', n), 'utf8'));
  const parts: string[] = [];
  for (let i = 0; parts.join('\n\n').length < 300_000; i++) parts.push(samples[i % samples.length]!.replace(/\d+/g, (d) => String(Number(d) + i)));
  let text = parts.join('\n\n');
  const analyzer = new Analyzer();
  const edit = (i: number) => {
    // One letter typed inside a word, somewhere else each time (every edit is a new version).
    let at = Math.floor(((i * 7919) % 97) * (text.length / 97)) + 1;
    while (at < text.length && !/\p{L}/u.test(text[at - 1]!)) at++;
    text = text.slice(0, at) + 'e' + text.slice(at);
    analyzer.analyse(text, { languageId: 'plaintext' });
  };
  analyzer.analyse(text, { languageId: 'plaintext' });
  for (let i = 0; i < 10; i++) edit(i);
  gc();
  const before = dataInUse();
  const EDITS = 40;
  for (let i = 10; i < 10 + EDITS; i++) edit(i);
  gc();
  const grown = dataInUse() - before;
  // A kept version costs the whole draft (up to two bytes a character); memos that keep the paragraphs
  // of recent versions cost a little per edit.
  const version = text.length * 2;
  assert.ok(grown < (EDITS / 8) * version, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${EDITS} edits of a ${(version / 1e6).toFixed(1)} MB draft`);
});
