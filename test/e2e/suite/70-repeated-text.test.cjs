'use strict';
// A sentence repeated later in the same draft points back at its first occurrence.
const assert = require('node:assert/strict');
const {
  openFixture,
  waitForDiagnostics,
  waitForText,
  ruleId,
  describe: describeDiag,
  codeActionsAt,
  applyCodeAction,
  textKeeper,
} = require('./helpers.cjs');

const SENTENCE = 'The west wing of the library will close for renovation on the first of June.';
/** The repeat is found word by word: its range may stop before the sentence's closing period. */
const sameWords = (text) => text.replace(/\.$/, '') === SENTENCE.replace(/\.$/, '');

describe('Copydesk repeated text', function () {
  const keeper = textKeeper();
  afterEach(() => keeper.restore());

  it('reports the repeat of a sentence with the first occurrence as related information', async function () {
    const doc = await openFixture('repeated-library.md');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => ruleId(x) === 'repeated-text'),
      'a repeated-text diagnostic',
    );
    const repeated = diags.filter((x) => ruleId(x) === 'repeated-text');
    assert.equal(repeated.length, 1, JSON.stringify(repeated.map(describeDiag)));
    const [diag] = repeated;
    const text = doc.getText();
    const first = text.indexOf(SENTENCE);
    const second = text.indexOf(SENTENCE, first + 1);
    assert.ok(first >= 0 && second > first, 'the fixture repeats the sentence');

    // The diagnostic is on the second occurrence, not the first.
    assert.equal(doc.offsetAt(diag.range.start), second);
    assert.ok(sameWords(doc.getText(diag.range)), `the diagnostic covers the repeated sentence; it reads ${JSON.stringify(doc.getText(diag.range))}`);

    const related = diag.relatedInformation ?? [];
    assert.equal(related.length, 1, 'one related location: the first occurrence');
    assert.equal(related[0].location.uri.toString(), doc.uri.toString(), 'the first occurrence is in the same draft');
    assert.equal(doc.offsetAt(related[0].location.range.start), first);
    const firstText = doc.getText(related[0].location.range);
    assert.ok(sameWords(firstText), `the related range covers the first occurrence; it reads ${JSON.stringify(firstText)}`);
    assert.match(related[0].message, /first/i);
  });

  it('deletes the repeated sentence with its space when the preferred fix is applied', async function () {
    const doc = keeper.track(await openFixture('repeated-library.md'));
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => ruleId(x) === 'repeated-text'), 'a repeated-text diagnostic');
    const diag = diags.find((x) => ruleId(x) === 'repeated-text');
    const line = diag.range.start.line;
    const actions = await codeActionsAt(doc.uri, diag.range);
    const preferred = actions.find((a) => a.kind?.value === 'quickfix' && a.isPreferred);
    assert.ok(preferred, `expected a preferred quick fix; got ${JSON.stringify(actions.map((a) => [a.title, a.isPreferred]))}`);
    await applyCodeAction(preferred);
    await waitForText(doc, (t) => t.indexOf(SENTENCE) === t.lastIndexOf(SENTENCE));
    assert.equal(doc.lineAt(line).text, 'Patrons can return books at the east entrance during the work.');
    assert.equal(doc.getText().split(SENTENCE).length, 2, 'the first occurrence stays');
    await waitForDiagnostics(doc.uri, (d) => !d.some((x) => ruleId(x) === 'repeated-text'), 'the repeated-text diagnostic to disappear');
  });
});
