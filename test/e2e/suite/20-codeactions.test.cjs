'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openFixture, waitForDiagnostics, waitForText, ruleId, describe: describeDiag } = require('./helpers.cjs');

const FIX_ALL_KIND = 'source.fixAll.copydesk';

async function codeActions(uri, range, kind) {
  const args = ['vscode.executeCodeActionProvider', uri, range];
  if (kind) args.push(kind);
  const actions = await vscode.commands.executeCommand(...args);
  return actions ?? [];
}

async function apply(action) {
  assert.ok(action.edit, `code action "${action.title}" should carry a WorkspaceEdit`);
  const ok = await vscode.workspace.applyEdit(action.edit);
  assert.ok(ok, `applying "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('Copydesk code actions', function () {
  // The tests edit drafts in memory (never saved); put their text back so other tests see the fixture.
  const originals = new Map();
  async function remember(doc) {
    if (!originals.has(doc.uri.toString())) originals.set(doc.uri.toString(), { doc, text: doc.getText() });
    return doc;
  }
  after(async function () {
    for (const { doc, text } of originals.values()) {
      if (doc.getText() === text) continue;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
      await vscode.workspace.applyEdit(edit);
    }
  });

  it('applies the preferred quick fix of a hedge-word diagnostic', async function () {
    const doc = await remember(await openFixture('harbor-bridge.md'));
    const before = 'The regional transit authority is reportedly weighing a fare increase';
    const after = 'The regional transit authority is weighing a fare increase';
    assert.ok(doc.getText().includes(before));
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => ruleId(x) === 'hedge-word' && doc.getText(x.range) === 'reportedly'),
      'a hedge-word diagnostic on "reportedly"',
    );
    const hedge = diags.find((x) => ruleId(x) === 'hedge-word' && doc.getText(x.range) === 'reportedly');
    const actions = await codeActions(doc.uri, hedge.range);
    const fixes = actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    console.log(`code actions at "reportedly": ${JSON.stringify(actions.map((a) => ({ title: a.title, kind: a.kind?.value, isPreferred: a.isPreferred })))}`);
    const preferred = fixes.find((a) => a.isPreferred && /^Remove/.test(a.title));
    assert.ok(preferred, 'expected a preferred quick fix whose title starts with "Remove"');
    // (vscode.executeCodeActionProvider does not hand back CodeAction.diagnostics, so the title
    // is what ties the fix to its word.)
    assert.match(preferred.title, /reportedly/, 'the preferred fix names the word it removes');
    await apply(preferred);
    const text = await waitForText(doc, (t) => t.includes(after));
    assert.ok(!text.includes(before));
    // Only the hedge word and one space went: the rest of the line is unchanged.
    assert.match(doc.lineAt(2).text, /^The regional transit authority is weighing a fare increase for weekend ferry service while/);
    // The diagnostic for that word goes away once the server re-checks the new text.
    await waitForDiagnostics(
      doc.uri,
      (d) => d.length > 0 && !d.some((x) => x.range.start.line === 2 && ruleId(x) === 'hedge-word'),
      'the fixed hedge-word diagnostic to disappear',
    );
  });

  it(`fixes every preferred fix with ${FIX_ALL_KIND}`, async function () {
    const doc = await remember(await openFixture('market-report.md'));
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.filter((x) => ruleId(x) === 'hedge-word').length >= 4,
      'the hedge-word diagnostics of market-report.md',
    );
    const words = (list) => list.filter((x) => ruleId(x) === 'hedge-word').map((x) => doc.getText(x.range).toLowerCase());
    const beforeWords = words(diags);
    for (const w of ['reportedly', 'apparently', 'presumably', 'might']) {
      assert.ok(beforeWords.includes(w), `expected "${w}" to be flagged; got ${JSON.stringify(diags.map(describeDiag))}`);
    }
    // Which of them have a preferred fix, as the quick-fix list says.
    const fixable = [];
    for (const d of diags.filter((x) => ruleId(x) === 'hedge-word')) {
      const acts = await codeActions(doc.uri, d.range);
      const word = doc.getText(d.range);
      if (acts.some((a) => a.isPreferred && a.kind?.value === 'quickfix' && a.title.includes(word))) {
        fixable.push(doc.getText(d.range).toLowerCase());
      }
    }
    assert.deepEqual([...fixable].sort(), ['apparently', 'presumably', 'reportedly']);

    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActions(doc.uri, full, FIX_ALL_KIND);
    const fixAll = actions.find((a) => a.kind && new vscode.CodeActionKind(FIX_ALL_KIND).contains(a.kind));
    assert.ok(fixAll, `expected a ${FIX_ALL_KIND} action; got ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value]))}`);
    const version = doc.version;
    await apply(fixAll);
    const text = await waitForText(doc, () => doc.version > version);
    assert.ok(text.includes('The Saturday farmers market is moving to the riverfront park next spring, and vendors were told about the change'), text);
    assert.ok(text.includes('Organizers are planning a shuttle'), text);
    assert.ok(text.includes('Parking near the park might be limited'), 'a hedge without a preferred fix is left alone');

    const afterDiags = await waitForDiagnostics(
      doc.uri,
      // Exactly the unfixable hedge is left (stale ranges would read other text).
      (d) => JSON.stringify(words(d)) === '["might"]',
      'the fixed hedge-word diagnostics to disappear (only "might" left)',
    );
    assert.deepEqual(words(afterDiags), ['might']);
  });
});
