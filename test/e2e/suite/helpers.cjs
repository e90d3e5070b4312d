'use strict';
// Shared helpers of the e2e suite: every wait is on a VS Code event, bounded by a timeout.
const vscode = require('vscode');
const path = require('node:path');

const EXTENSION_ID = 'copydesk.copydesk';
const SOURCE = 'copydesk';
const DEFAULT_TIMEOUT = 30_000;

function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

function fixtureUri(name) {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

async function openFixture(name) {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

function copydeskDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with the copydesk diagnostics of `uri` as soon as `predicate(diagnostics)` holds:
 * checks now, then on every vscode.languages.onDidChangeDiagnostics for that uri.
 */
function waitForDiagnostics(uri, predicate, what = 'copydesk diagnostics', timeout = DEFAULT_TIMEOUT) {
  return new Promise((resolve, reject) => {
    let sub;
    let timer;
    const check = () => {
      const diags = copydeskDiagnostics(uri);
      let ok = false;
      try {
        ok = predicate(diags);
      } catch (err) {
        done();
        reject(err);
        return true;
      }
      if (ok) {
        done();
        resolve(diags);
      }
      return ok;
    };
    const done = () => {
      clearTimeout(timer);
      sub?.dispose();
    };
    if (check()) return;
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    timer = setTimeout(() => {
      sub.dispose();
      const now = copydeskDiagnostics(uri);
      reject(
        new Error(
          `timed out after ${timeout} ms waiting for ${what} on ${path.basename(uri.path)}; ` +
            `current copydesk diagnostics: ${JSON.stringify(now.map(describe))}`,
        ),
      );
    }, timeout);
  });
}

/** Waits until the document's text satisfies `predicate` (after an edit). */
function waitForText(doc, predicate, timeout = DEFAULT_TIMEOUT) {
  return new Promise((resolve, reject) => {
    if (predicate(doc.getText())) return resolve(doc.getText());
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && predicate(doc.getText())) {
        clearTimeout(timer);
        sub.dispose();
        resolve(doc.getText());
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for the text of ${path.basename(doc.uri.path)} to change`));
    }, timeout);
  });
}

function ruleId(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function describe(d) {
  return {
    rule: ruleId(d),
    line: d.range.start.line,
    char: d.range.start.character,
    message: d.message,
  };
}

/** The extension, which must be installed (activation is left to its activation events). */
function getExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.'));
    throw new Error(`extension ${EXTENSION_ID} is not installed; non-built-in extensions: ${ids.join(', ') || '(none)'}`);
  }
  return ext;
}

// ---- additions for the 30-* and later suites (code actions, workspace files, restoring text)

/** The code actions VS Code collects for `range` (optionally only of `kind`). */
async function codeActionsAt(uri, range, kind) {
  const args = ['vscode.executeCodeActionProvider', uri, range];
  if (kind) args.push(kind);
  const actions = await vscode.commands.executeCommand(...args);
  return actions ?? [];
}

/** Applies a code action's edit (and runs its command); fails the test when VS Code refuses. */
async function applyCodeAction(action) {
  if (!action.edit) throw new Error(`code action "${action.title}" carries no WorkspaceEdit`);
  const ok = await vscode.workspace.applyEdit(action.edit);
  if (!ok) throw new Error(`applying "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/**
 * Remembers the text of documents a test edits in memory and puts it back, so every test starts
 * from the fixture. Call `track(doc)` before editing and `restore()` in afterEach.
 */
function textKeeper() {
  const originals = new Map();
  return {
    track(doc) {
      if (!originals.has(doc.uri.toString())) originals.set(doc.uri.toString(), { doc, text: doc.getText() });
      return doc;
    },
    async restore() {
      for (const { doc, text } of originals.values()) {
        if (doc.getText() === text) continue;
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
        await vscode.workspace.applyEdit(edit);
        await waitForText(doc, (t) => t === text);
      }
      originals.clear();
    },
  };
}

/** Writes a file of the workspace on disk (through VS Code, so its file watchers hear of it). */
async function writeWorkspaceFile(name, text) {
  await vscode.workspace.fs.writeFile(fixtureUri(name), Buffer.from(text, 'utf8'));
}

async function readWorkspaceFile(name) {
  return Buffer.from(await vscode.workspace.fs.readFile(fixtureUri(name))).toString('utf8');
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  DEFAULT_TIMEOUT,
  fixtureUri,
  openFixture,
  copydeskDiagnostics,
  waitForDiagnostics,
  waitForText,
  ruleId,
  describe,
  getExtension,
  codeActionsAt,
  applyCodeAction,
  textKeeper,
  writeWorkspaceFile,
  readWorkspaceFile,
};
