'use strict';
// Issue 4: the quotation outline, the hover on a quotation and the attribution placeholder fix.
const assert = require('node:assert/strict');
const vscode = require('vscode');
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

const DRAFT = 'outline-ferry-roof.md';
const ATTRIBUTED = '"The old roof leaked every winter, and commuters deserve better,"';
const UNSOURCED = '"We waited for this roof for nine years."';

/** Opens the draft and waits until the server has analysed it (its unsourced-quote diagnostic is up). */
async function openAnalysed() {
  const doc = await openFixture(DRAFT);
  const diags = await waitForDiagnostics(
    doc.uri,
    (d) => d.some((x) => ruleId(x) === 'unsourced-quote' && doc.getText(x.range) === UNSOURCED),
    `an unsourced-quote diagnostic on ${UNSOURCED}`,
  );
  return { doc, diags };
}

/** Hover contents as plain strings (MarkdownString, MarkedString or string). */
function hoverTexts(hovers) {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

describe('Copydesk quotations (outline, hover, placeholder fix)', function () {
  const keeper = textKeeper();
  afterEach(() => keeper.restore());

  it('lists every quotation in the outline with its speaker or "no source"', async function () {
    const { doc } = await openAnalysed();
    const symbols = (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    // The built-in Markdown extension adds the headings; the quotations are the symbols named “…”.
    const quotes = symbols.filter((s) => s.name.startsWith('“'));
    const shown = symbols.map((s) => ({ name: s.name, detail: s.detail, kind: s.kind }));
    assert.equal(quotes.length, 2, `expected two quotation symbols; got ${JSON.stringify(shown)}`);
    const [first, second] = [...quotes].sort((a, b) => a.range.start.compareTo(b.range.start));

    assert.ok('detail' in first, 'quotation symbols are DocumentSymbols (with a detail)');
    assert.equal(doc.getText(first.range), ATTRIBUTED, 'the first symbol spans the attributed quotation');
    // The speaker's name; the title before it ("Mayor") may or may not be kept.
    assert.match(first.detail, /^(?:Mayor )?Alvarez$/, `detail of the attributed quotation: ${JSON.stringify(first.detail)}`);
    assert.match(first.name, /The old roof leaked every winter/);

    assert.equal(doc.getText(second.range), UNSOURCED, 'the second symbol spans the unsourced quotation');
    assert.equal(second.detail, 'no source');
    assert.match(second.name, /We waited for this roof for nine years/);
  });

  it('says "no source" when hovering over an unsourced quotation, and names the speaker otherwise', async function () {
    const { doc } = await openAnalysed();
    const text = doc.getText();
    const inside = (quote) => doc.positionAt(text.indexOf(quote) + Math.floor(quote.length / 2));

    const unsourced = hoverTexts(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, inside(UNSOURCED)));
    assert.ok(
      unsourced.some((t) => /no source/i.test(t)),
      `hover over the unsourced quotation should mention "no source"; got ${JSON.stringify(unsourced)}`,
    );

    const attributed = hoverTexts(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, inside(ATTRIBUTED)));
    assert.ok(
      attributed.some((t) => /Alvarez/.test(t)) && !attributed.some((t) => /no source/i.test(t)),
      `hover over the attributed quotation should name Alvarez; got ${JSON.stringify(attributed)}`,
    );
  });

  it('offers a quick fix on an unsourced quotation that inserts an attribution placeholder', async function () {
    const { doc, diags } = await openAnalysed();
    keeper.track(doc);
    const diag = diags.find((x) => ruleId(x) === 'unsourced-quote' && doc.getText(x.range) === UNSOURCED);
    assert.ok(diag, JSON.stringify(diags.map(describeDiag)));
    const line = diag.range.start.line;

    const actions = await codeActionsAt(doc.uri, diag.range);
    const titles = actions.map((a) => a.title);
    const placeholder = actions.find((a) => a.kind?.value === 'quickfix' && /\[NAME\]/.test(a.title));
    assert.ok(placeholder, `expected a quick fix inserting an attribution placeholder; got ${JSON.stringify(titles)}`);
    // A placeholder the editor must fill in is never applied by fix-all.
    assert.notEqual(placeholder.isPreferred, true, 'the placeholder fix must not be preferred');

    await applyCodeAction(placeholder);
    // A whole-sentence quotation takes the newspaper form: the period becomes a comma inside the
    // closing mark and the placeholder follows the quotation.
    const expected = '"We waited for this roof for nine years," [NAME] said.';
    await waitForText(doc, (t) => t.includes(expected));
    assert.equal(doc.lineAt(line).text, expected);
    // The rest of the draft is untouched.
    assert.ok(doc.getText().includes(`${ATTRIBUTED} Mayor Alvarez said at the ribbon cutting on Friday.`));
  });
});
