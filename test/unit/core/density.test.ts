import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, defaultConfig, formatHedgeDensity, hedgeDensity } from '../../../server/src/core/index.js';

test('counts hedge findings per 1000 words of prose, leaving out the paragraph summary', () => {
  const text = [
    'The mayor may resign. Critics say the budget is reportedly short. Perhaps the vote could slip.',
    '',
    'The council met on Tuesday and approved the new bus timetable for the district.',
  ].join('\n');
  const result = analyse(text, { languageId: 'plaintext', config: defaultConfig() });
  const hedges = result.findings.filter((f) => f.category === 'hedge' && f.rule !== 'hedge-density');
  assert.ok(result.findings.some((f) => f.rule === 'hedge-density'), 'the dense first paragraph gets its summary note');
  const d = hedgeDensity(result);
  assert.equal(d.hedges, hedges.length);
  assert.equal(d.hedges, 5);
  assert.equal(d.words, 30);
  assert.equal(d.perThousand, (1000 * 5) / 30);
  assert.equal(formatHedgeDensity(d), '5 hedges in 30 words (166.7 per 1,000)');
});

test('does not count code or front matter as words, and is zero for an empty draft', () => {
  const md = '---\ntitle: A long title with many words in it\n---\n\nThe plan may work.\n\n```\nmay may may\n```\n';
  const d = hedgeDensity(analyse(md, { languageId: 'markdown', config: defaultConfig() }));
  assert.deepEqual(d, { hedges: 1, words: 4, perThousand: 250 });
  assert.deepEqual(hedgeDensity(analyse('', { languageId: 'plaintext', config: defaultConfig() })), { hedges: 0, words: 0, perThousand: 0 });
  assert.equal(formatHedgeDensity({ hedges: 1, words: 1, perThousand: 1000 }), '1 hedge in 1 word (1000.0 per 1,000)');
});
