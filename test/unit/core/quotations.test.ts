import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations, insideQuotation, scanQuotations, documentQuotations } from '../../../server/src/core/quotations.js';
import { parseDocument } from '../../../server/src/core/index.js';

/** The outermost quotations of `text`, as substrings. */
function quotes(text: string): string[] {
  return findQuotations(text).map((q) => text.slice(q.start, q.end));
}

/** Quotations of a whole draft, as substrings, with a mark when unclosed. */
function docQuotes(text: string, languageId: 'markdown' | 'plaintext' = 'plaintext'): string[] {
  return documentQuotations(parseDocument(text, languageId)).map((q) => (q.closed ? '' : '(unclosed) ') + text.slice(q.start, q.end));
}

test('finds straight and curly double quotations', () => {
  assert.deepEqual(quotes('"We won," she said. “We always do.”'), ['"We won,"', '“We always do.”']);
  assert.deepEqual(quotes('He said: "Go."'), ['"Go."']);
});

test('keeps apostrophes, elisions and plural possessives out of single quotations', () => {
  assert.deepEqual(quotes('The mayor’s plan isn’t new; it dates from the ’90s, rock ’n’ roll and all.'), []);
  assert.deepEqual(quotes("Don't tell O'Brien about the '80s."), []);
  assert.deepEqual(quotes('‘We don’t know,’ she said, ‘what the players’ union wants.’'), ['‘We don’t know,’', '‘what the players’ union wants.’']);
});

test('finds British single quotations with double quotes nested inside', () => {
  const text = '‘He told me “no” twice,’ the coach said.';
  const [q] = scanQuotations(text);
  assert.equal(text.slice(q!.start, q!.end), '‘He told me “no” twice,’');
  assert.deepEqual(q!.inner.map((x) => text.slice(x.start, x.end)), ['“no”']);
});

test('keeps a single quotation nested in a double one inside it', () => {
  const text = '"It feels like, \'Meh, we can wait,\'" the senator said.';
  assert.deepEqual(quotes(text), ['"It feels like, \'Meh, we can wait,\'"']);
});

test('an inch mark or a stray mark between spaces opens nothing', () => {
  assert.deepEqual(quotes('A 12" pipe burst near the "north" gate.'), ['"north"']);
});

test('insideQuotation tells words inside a quotation from words outside', () => {
  const text = 'It may rain, "but we may win," he said.';
  const spans = findQuotations(text);
  assert.equal(insideQuotation(spans, text.indexOf('may')), false);
  assert.equal(insideQuotation(spans, text.lastIndexOf('may')), true);
});

test('joins a quotation that runs over paragraphs with an opening mark on each', () => {
  const text = 'The coach spoke first.\n\n"We trained all winter.\n\n"We will win the cup," she said.\n\nThe end.';
  assert.deepEqual(docQuotes(text), ['"We trained all winter.\n\n"We will win the cup,"']);
  const lines = 'The coach spoke first.\n“We trained all winter.\n“We will win the cup,” she said.';
  assert.deepEqual(docQuotes(lines), ['“We trained all winter.\n“We will win the cup,”']);
});

test('a quotation that is never closed is reported as unclosed, up to its paragraph end', () => {
  const text = 'She said "we will win and left.\n\nThe next paragraph has no mark.';
  assert.deepEqual(docQuotes(text), ['(unclosed) "we will win and left.']);
});

test('a Markdown block quote is a quotation; marks inside it are not counted twice', () => {
  const md = 'The mayor wrote:\n\n> We will rebuild the bridge before the winter, whatever it costs.\n\nThe council agreed.';
  assert.deepEqual(docQuotes(md, 'markdown'), ['We will rebuild the bridge before the winter, whatever it costs.']);
  const quoted = 'Intro.\n\n> "We will rebuild the bridge," the mayor said.\n';
  assert.deepEqual(docQuotes(quoted, 'markdown'), ['"We will rebuild the bridge,"']);
});
