import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listQuotations, parseDocument } from '../../../server/src/core/index.js';

/** [quotation words (first 20 characters), kind, speaker, vague] for each quotation of `text`. */
function who(text: string, languageId: 'markdown' | 'plaintext' = 'plaintext'): [string, string, string | null, boolean][] {
  return listQuotations(parseDocument(text, languageId)).map((q) => [q.text.slice(0, 20), q.kind, q.speaker, q.vague]);
}

test('a named speaker after, before or around the quotation', () => {
  assert.deepEqual(who('"The bridge will open in May," Mayor Ana Ruiz said.'), [['The bridge will open', 'quote', 'Ana Ruiz', false]]);
  assert.deepEqual(who('Ruiz said, "The bridge will open in May."'), [['The bridge will open', 'quote', 'Ruiz', false]]);
  assert.deepEqual(who('"The bridge will open in May," said Ana Ruiz.'), [['The bridge will open', 'quote', 'Ana Ruiz', false]]);
  assert.deepEqual(who('"The bridge," Ruiz said, "will open in May."').map((x) => x[2]), ['Ruiz', 'Ruiz']);
  assert.deepEqual(who('According to the Harbor Authority, "the pier is unsafe for trucks."').map((x) => x[2]), ['Harbor Authority']);
});

test('a title before the name is not part of the speaker', () => {
  assert.deepEqual(who('Acme CEO Jo Park told reporters: "We are not for sale."').map((x) => x[2]), ['Jo Park']);
  assert.deepEqual(who('"We are not for sale," Sen. Jo Park (D-Ore.) said.').map((x) => x[2]), ['Jo Park']);
  assert.deepEqual(who('Jo Park, the chief executive of Acme, said: "We are not for sale."').map((x) => x[2]), ['Jo Park']);
});

test('pronouns and descriptions refer back to a name mentioned earlier', () => {
  const text = 'Lena Varga founded Brightwater in 2019. "We grew too fast," she said. The firm stumbled. "Costs doubled," the company said.';
  assert.deepEqual(who(text).map((x) => x[2]), ['Lena Varga', 'Brightwater']);
});

test('a pronoun that refers to no one named is not a source', () => {
  assert.deepEqual(who('"We grew too fast," she said.').map((x) => x[2]), [null]);
});

test('the sentence before or after may carry the attribution', () => {
  const text = 'Tom Reyes spoke to the board on Monday. "We have no money left for the pool this year."\n\nThe vote is in June.';
  assert.deepEqual(who(text).map((x) => x[2]), ['Tom Reyes']);
  const after = 'The plan is dead. "Nobody wanted to pay for a second bridge over the river." Reyes wrote that in a memo.';
  assert.deepEqual(who(after).map((x) => x[2]), ['Reyes']);
});

test('a possessive noun cue names the speaker ("Reyes’s remarks")', () => {
  const text = 'The hall was full. "We will not close a single library while I am mayor." Reyes’s remarks drew applause.';
  assert.deepEqual(who(text).map((x) => x[2]), ['Reyes']);
});

test('a signature after a dash names the speaker', () => {
  assert.deepEqual(who('“Build the bridge now and stop the studies.” ― Maria Olsen').map((x) => x[2]), ['Maria Olsen']);
});

test('quotes continue their speaker within a paragraph', () => {
  const text = '"We lost," Coach Dana Hill said after the match. She paused. "We will be back next season, stronger."';
  assert.deepEqual(who(text).map((x) => x[2]), ['Dana Hill', 'Dana Hill']);
});

test('vague and anonymous sources are marked vague', () => {
  assert.deepEqual(who('"The deal is dead and everyone knows it," a source said.').map((x) => x[3]), [true]);
  assert.deepEqual(who('People familiar with the matter said: "The deal is dead."').map((x) => x[3]), [true]);
  assert.deepEqual(who('"The deal is dead and everyone knows it," one senior official told us.').map((x) => x[3]), [true]);
  assert.deepEqual(who('"The numbers do not add up at all," critics said.').map((x) => x[3]), [true]);
  assert.deepEqual(who('"The numbers do not add up at all," an insider said.').map((x) => x[3]), [true]);
});

test('a spokesperson for a named organisation is not anonymous', () => {
  assert.deepEqual(who('"We do not comment on rumours," a spokeswoman for Acme said.').map((x) => x[3]), [false]);
});

test('scare quotes, terms and titles are not quotations', () => {
  assert.deepEqual(who('Critics of the so-called "wrong side of history" line moved on.').map((x) => x[1]), ['term']);
  assert.deepEqual(who('The shift from "how fast can we go?" to caution is slow.').map((x) => x[1]), ['term']);
  assert.deepEqual(who('The fact-checkers rated the claim "Mostly True" on Friday.').map((x) => x[1]), ['title']);
  assert.deepEqual(who('She starred in "The Long Summer of Birds" last year.').map((x) => x[1]), ['title']);
});

test('speech verbs inside the quotation do not source it', () => {
  assert.deepEqual(who('The hall went quiet. "I said no and I told them why, every single time."\n\nThe vote came later.').map((x) => x[2]), [null]);
});

test('a Markdown block quote takes its speaker from the sentence that introduces it', () => {
  const md = 'Mayor Ana Ruiz wrote to the council on Monday:\n\n> We will rebuild the bridge before the winter, whatever it costs the city.\n\nThe council meets on Friday.\n';
  assert.deepEqual(who(md, 'markdown'), [['We will rebuild the ', 'quote', 'Ana Ruiz', false]]);
});

test('a quotation nested in another belongs to the outer speaker, not to a cue inside it', () => {
  const text = '“My father told me ‘never sell the farm’ and I never did,” said Rosa Vidal.';
  assert.deepEqual(who(text).map((x) => x[2]), ['Rosa Vidal']);
});

test('every quotation is listed with its offsets for the outline', () => {
  const text = 'Intro. "We will win the cup this year," Hill said.';
  const [q] = listQuotations(parseDocument(text, 'plaintext'));
  assert.equal(text.slice(q!.offset, q!.offset + q!.length), '"We will win the cup this year,"');
  assert.equal(q!.closed, true);
});
