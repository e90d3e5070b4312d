'use strict';
// Issue 6: team config files. desk-config/.copydeskrc.json turns hedge-word off for its folder; a
// malformed config is reported on the config file itself while drafts keep the last good one.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const {
  SOURCE,
  fixtureUri,
  openFixture,
  waitForDiagnostics,
  waitForText,
  ruleId,
  describe: describeDiag,
  textKeeper,
  writeWorkspaceFile,
  readWorkspaceFile,
} = require('./helpers.cjs');

const CONFIG = 'desk-config/.copydeskrc.json';
const INSIDE = 'desk-config/zoning-hearing.md';
const OUTSIDE = 'zoning-commission.md';

/** Waits for the draft's softener diagnostics to read exactly `words`: a sign that this text was analysed. */
function waitForSofteners(doc, words) {
  return waitForDiagnostics(
    doc.uri,
    (d) => JSON.stringify(d.filter((x) => ruleId(x) === 'softener').map((x) => doc.getText(x.range))) === JSON.stringify(words),
    `softener diagnostics on ${JSON.stringify(words)}`,
  );
}

const hedgeWords = (doc, diags) => diags.filter((x) => ruleId(x) === 'hedge-word').map((x) => doc.getText(x.range));

describe('Copydesk config files', function () {
  const keeper = textKeeper();
  let goodConfig;
  before(async function () {
    goodConfig = await readWorkspaceFile(CONFIG);
    assert.deepEqual(JSON.parse(goodConfig), { rules: { 'hedge-word': 'off' } });
  });
  afterEach(async function () {
    await keeper.restore();
    const now = await readWorkspaceFile(CONFIG);
    if (now !== goodConfig) {
      await writeWorkspaceFile(CONFIG, goodConfig);
      // Once the server hears of the valid file again it clears the file's error.
      await waitForDiagnostics(fixtureUri(CONFIG), (d) => d.length === 0, 'the config error to clear');
    }
  });

  it('turns a rule off for the drafts of its folder only', async function () {
    const outside = await openFixture(OUTSIDE);
    const outsideDiags = await waitForDiagnostics(
      outside.uri,
      (d) => hedgeWords(outside, d).includes('probably'),
      'a hedge-word diagnostic on "probably" outside the configured folder',
    );
    assert.deepEqual(hedgeWords(outside, outsideDiags), ['probably']);

    const inside = await openFixture(INSIDE);
    assert.match(inside.getText(), /probably/, 'the draft in the configured folder has the same hedge');
    // The softener shows the draft was analysed, so the missing hedge-word is the config at work.
    const insideDiags = await waitForSofteners(inside, ['somewhat']);
    assert.deepEqual(hedgeWords(inside, insideDiags), [], `no hedge-word in ${INSIDE}; got ${JSON.stringify(insideDiags.map(describeDiag))}`);
  });

  it('reports a malformed config file on the file and keeps the last good configuration', async function () {
    const draft = keeper.track(await openFixture(INSIDE));
    await waitForSofteners(draft, ['somewhat']);
    const configUri = fixtureUri(CONFIG);
    assert.deepEqual(vscode.languages.getDiagnostics(configUri).filter((d) => d.source === SOURCE), [], 'no config error to start with');

    // Invalid JSON: the object is never closed.
    await writeWorkspaceFile(CONFIG, '{\n  "rules": {\n    "hedge-word": "off",\n');
    const errors = await waitForDiagnostics(configUri, (d) => d.length > 0, 'an error diagnostic on the malformed config file');
    assert.equal(errors.length, 1, JSON.stringify(errors.map(describeDiag)));
    assert.equal(errors[0].source, SOURCE);
    assert.equal(errors[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(errors[0].message, /JSON/i, 'the message says the JSON is invalid');
    assert.ok(errors[0].range.start.line <= 3, `the error points into the file (line ${errors[0].range.start.line})`);

    // Edit the draft so it is analysed again while the config is broken: the new softener shows up,
    // and hedge-word stays off (the last good configuration), although the draft now has two hedges.
    const end = draft.lineAt(draft.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draft.uri, end, '\nParking at the site is relatively scarce, and the board will probably ask for a garage.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForText(draft, (t) => t.includes('relatively scarce'));
    const after = await waitForSofteners(draft, ['somewhat', 'relatively']);
    assert.deepEqual(hedgeWords(draft, after), [], `hedge-word must stay off; got ${JSON.stringify(after.map(describeDiag))}`);

    // Putting the good file back clears the error.
    await writeWorkspaceFile(CONFIG, goodConfig);
    await waitForDiagnostics(configUri, (d) => d.length === 0, 'the config error to clear');
  });
});
