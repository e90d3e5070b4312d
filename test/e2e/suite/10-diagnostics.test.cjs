'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { SOURCE, getExtension, openFixture, waitForDiagnostics, ruleId, describe: describeDiag } = require('./helpers.cjs');

const MARKDOWN = 'harbor-bridge.md';
const PLAINTEXT = 'council-vote.txt';

describe('Copydesk diagnostics', function () {
  before(function () {
    console.log(`vscode.version = ${vscode.version}`);
    const ext = getExtension();
    console.log(`extension ${ext.id} ${ext.packageJSON.version} from ${ext.extensionPath}`);
    if (process.env.COPYDESK_E2E_MODE === 'vsix') {
      // The packaged extension must be the one running, not the repository's sources.
      const repo = path.resolve(__dirname, '..', '..', '..');
      assert.notEqual(path.resolve(ext.extensionPath), repo, 'the extension was loaded from the repository, not from the .vsix');
      assert.ok(!ext.extensionPath.startsWith(repo + path.sep), `extension path ${ext.extensionPath} is inside the repository`);
    }
  });

  it('reports copydesk diagnostics in a Markdown draft, with rule id and docs link', async function () {
    const doc = await openFixture(MARKDOWN);
    assert.equal(doc.languageId, 'markdown');
    const diags = await waitForDiagnostics(doc.uri, (d) => d.length > 0, 'any copydesk diagnostic');
    assert.ok(getExtension().isActive, 'extension should be active after opening a Markdown draft');
    for (const d of diags) {
      assert.equal(d.source, SOURCE);
      assert.equal(typeof d.code, 'object', `diagnostic code should be {value, target}: ${JSON.stringify(d.code)}`);
      assert.match(String(d.code.value), /^[a-z]+(?:-[a-z]+)*$/, 'rule id is kebab-case');
      assert.ok(d.code.target instanceof vscode.Uri, 'code.target is a Uri');
      assert.match(d.code.target.scheme, /^https?$/);
      assert.ok(
        d.code.target.path.endsWith(`/${d.code.value}.md`),
        `docs link ${d.code.target.toString()} should name the rule page ${d.code.value}.md`,
      );
    }
    const hedge = diags.find((d) => ruleId(d) === 'hedge-word' && doc.getText(d.range) === 'reportedly');
    assert.ok(hedge, `expected a hedge-word diagnostic on "reportedly"; got ${JSON.stringify(diags.map(describeDiag))}`);
    assert.equal(hedge.range.start.line, 2, 'the flagged "reportedly" is the one in the first paragraph');
  });

  it('reports copydesk diagnostics in a plain-text draft', async function () {
    const doc = await openFixture(PLAINTEXT);
    assert.equal(doc.languageId, 'plaintext');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => ruleId(x) === 'hedge-word' && doc.getText(x.range) === 'apparently'),
      'a hedge-word diagnostic on "apparently"',
    );
    assert.ok(diags.every((d) => d.source === SOURCE));
  });

  it('reports nothing inside a fenced code block of a Markdown draft', async function () {
    const doc = await openFixture(MARKDOWN);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const lines = doc.getText().split(/\r?\n/);
    const open = lines.findIndex((l) => l.startsWith('```'));
    const close = lines.findIndex((l, i) => i > open && l.startsWith('```'));
    assert.ok(open >= 0 && close > open, 'fixture has a fenced code block');
    assert.match(lines.slice(open, close).join('\n'), /reportedly/, 'fixture code block holds hedge words');
    const inside = diags.filter((d) => d.range.end.line >= open && d.range.start.line <= close);
    assert.deepEqual(inside.map(describeDiag), [], 'no diagnostic may fall inside the code block');
    // The same words outside the block are flagged, so the absence above is meaningful.
    assert.ok(diags.some((d) => d.range.start.line < open && doc.getText(d.range) === 'reportedly'));
    assert.ok(diags.some((d) => d.range.start.line < open && doc.getText(d.range) === 'may'));
  });
});
