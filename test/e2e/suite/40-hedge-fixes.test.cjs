'use strict';
// Issue 3: the quick fixes of hedge-word and weasel-attribution diagnostics, applied in VS Code.
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

/** Waits for the diagnostic of `rule` whose range reads `flagged`, and returns it. */
async function diagnosticOn(doc, rule, flagged) {
  const diags = await waitForDiagnostics(
    doc.uri,
    (d) => d.some((x) => ruleId(x) === rule && doc.getText(x.range) === flagged),
    `a ${rule} diagnostic on "${flagged}"`,
  );
  return diags.find((x) => ruleId(x) === rule && doc.getText(x.range) === flagged);
}

function summary(actions) {
  return JSON.stringify(actions.map((a) => ({ title: a.title, kind: a.kind?.value, isPreferred: a.isPreferred })));
}

describe('Copydesk hedge and weasel fixes', function () {
  const keeper = textKeeper();
  afterEach(() => keeper.restore());

  it('removes a sentence-opening hedge and capitalises what follows', async function () {
    const doc = keeper.track(await openFixture('fix-layoffs.md'));
    const diag = await diagnosticOn(doc, 'hedge-word', 'Reportedly');
    const line = diag.range.start.line;
    assert.equal(doc.lineAt(line).text, 'Reportedly, the firm cut 40 jobs.');

    const actions = await codeActionsAt(doc.uri, diag.range);
    const preferred = actions.find((a) => a.kind?.value === 'quickfix' && a.isPreferred && a.title.includes('Reportedly'));
    assert.ok(preferred, `expected a preferred quick fix naming "Reportedly"; got ${summary(actions)}`);
    await applyCodeAction(preferred);

    await waitForText(doc, (t) => !t.includes('Reportedly'));
    assert.equal(doc.lineAt(line).text, 'The firm cut 40 jobs.');
    // A preferred fix must make its finding go away on re-analysis.
    await waitForDiagnostics(
      doc.uri,
      (d) => !d.some((x) => x.range.start.line === line && ['hedge-word', 'weasel-attribution', 'softener'].includes(ruleId(x))),
      'the hedge diagnostic on the fixed line to disappear',
    );
  });

  it('states an agentless passive plainly ("is believed to be" → "is")', async function () {
    const doc = keeper.track(await openFixture('fix-audit.md'));
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => ruleId(x) === 'weasel-attribution' && /believed/.test(doc.getText(x.range))),
      'a weasel-attribution diagnostic on "is believed to"',
    );
    const diag = diags.find((x) => ruleId(x) === 'weasel-attribution' && /believed/.test(doc.getText(x.range)));
    const line = diag.range.start.line;

    const actions = await codeActionsAt(doc.uri, diag.range);
    const preferred = actions.filter((a) => a.kind?.value === 'quickfix' && a.isPreferred);
    assert.equal(preferred.length, 1, `expected exactly one preferred quick fix; got ${summary(actions)}`);
    await applyCodeAction(preferred[0]);

    await waitForText(doc, (t) => !t.includes('believed'));
    assert.equal(doc.lineAt(line).text, 'The report is accurate.');
    await waitForDiagnostics(
      doc.uri,
      (d) => !d.some((x) => x.range.start.line === line && ruleId(x) === 'weasel-attribution'),
      'the weasel-attribution diagnostic to disappear',
    );
  });

  it('inserts "[who?]" after a vague source ("Critics say")', async function () {
    const doc = keeper.track(await openFixture('fix-critics.md'));
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => ruleId(x) === 'weasel-attribution' && doc.getText(x.range).startsWith('Critics')),
      'a weasel-attribution diagnostic on "Critics say"',
    );
    const diag = diags.find((x) => ruleId(x) === 'weasel-attribution' && doc.getText(x.range).startsWith('Critics'));
    assert.ok(diag, JSON.stringify(diags.map(describeDiag)));
    const line = diag.range.start.line;
    assert.equal(doc.lineAt(line).text, 'Critics say the plan is late.');

    const actions = await codeActionsAt(doc.uri, diag.range);
    const ask = actions.find((a) => a.kind?.value === 'quickfix' && a.title.includes('[who?]'));
    assert.ok(ask, `expected a quick fix inserting "[who?]"; got ${summary(actions)}`);
    // The editor has to find out who: a placeholder is never a fix-all candidate.
    assert.notEqual(ask.isPreferred, true, 'the placeholder fix must not be preferred');
    await applyCodeAction(ask);

    await waitForText(doc, (t) => t.includes('[who?]'));
    assert.equal(doc.lineAt(line).text, 'Critics [who?] say the plan is late.');
  });
});
