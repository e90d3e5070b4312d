'use strict';
// Issue 5: a paragraph two drafts share is reported with a pointer into the other draft. The other
// draft is never opened before the diagnostic arrives: the server must find it by indexing the
// workspace in the background.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { openFixture, waitForDiagnostics, ruleId } = require('./helpers.cjs');

const OPENED = 'shared-school-board.md';
const OTHER = 'shared-bakery.md';
const SHARED_START = 'The Riverside Gazette is an independent weekly paper';

describe('Copydesk cross-file boilerplate', function () {
  it('reports a paragraph shared with another draft, pointing at that draft', async function () {
    // Indexing runs once after start-up, so allow it more than the default wait.
    this.timeout(90_000);
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => path.basename(d.uri.path) === OTHER),
      `${OTHER} must not be open yet, or the test would not exercise the workspace index`,
    );
    const doc = await openFixture(OPENED);
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => ruleId(x) === 'shared-boilerplate'),
      'a shared-boilerplate diagnostic (after the workspace index)',
      75_000,
    );
    const shared = diags.filter((x) => ruleId(x) === 'shared-boilerplate');
    assert.equal(shared.length, 1, 'one diagnostic for the shared paragraph (not one per sentence as well)');
    const [diag] = shared;
    const paragraph = doc.getText(diag.range);
    assert.ok(paragraph.startsWith(SHARED_START), `the diagnostic covers the shared paragraph; it reads ${JSON.stringify(paragraph)}`);
    assert.ok(paragraph.endsWith('of every edition.'), `the diagnostic covers the whole paragraph; it reads ${JSON.stringify(paragraph)}`);
    assert.match(diag.message, /1 other draft/);

    const related = diag.relatedInformation ?? [];
    assert.equal(related.length, 1, `expected one related location; got ${JSON.stringify(related.map((r) => r.location.uri.toString()))}`);
    const where = related[0].location;
    assert.equal(where.uri.scheme, 'file');
    assert.equal(path.basename(where.uri.path), OTHER);
    assert.equal(path.dirname(where.uri.path), path.dirname(doc.uri.path), 'the related file is the one beside the draft');
    // The related range is the same paragraph in the other draft.
    const other = await vscode.workspace.openTextDocument(where.uri);
    assert.equal(other.getText(where.range), paragraph);
  });
});
