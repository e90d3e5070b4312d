import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { startServer } from './lsp-client.js';

const uri = 'file:///tmp/draft.md';
const text = 'The mayor is reportedly planning a recount.\n\n```\nit may fail\n```\n';

test('publishes diagnostics with source, rule code and docs link, never inside code blocks', async () => {
  const server = await startServer();
  try {
    const pending = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await pending;
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0]!;
    assert.equal(d.source, 'copydesk');
    assert.equal(d.code, 'hedge-word');
    assert.match(d.codeDescription!.href, /docs\/rules\/hedge-word\.md$/);
    assert.deepEqual(d.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 23 } });
  } finally {
    await server.close();
  }
});

test('incremental edits re-analyse; quick fix and source.fixAll edits apply cleanly', async () => {
  const server = await startServer();
  try {
    let pending = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await pending;
    // Insert a second hedge at the start of the draft.
    pending = server.diagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Apparently, ' }],
    });
    const { diagnostics } = await pending;
    assert.deepEqual(diagnostics.map((d: Diagnostic) => d.code), ['hedge-word', 'hedge-word']);
    let doc = TextDocument.create(uri, 'markdown', 2, 'Apparently, ' + text);

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[1]!.range,
      context: { diagnostics: [diagnostics[1]] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit?.changes?.[uri]);
    assert.equal(TextDocument.applyEdits(doc, preferred.edit.changes[uri]).split('\n')[0], 'Apparently, The mayor is planning a recount.');

    const fixAll = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.copydesk'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    doc = TextDocument.create(uri, 'markdown', 3, TextDocument.applyEdits(doc, fixAll[0]!.edit!.changes![uri]!));
    assert.equal(doc.getText().split('\n')[0], 'The mayor is planning a recount.');
  } finally {
    await server.close();
  }
});

test('a draft over maxFileSizeKB gets one information diagnostic instead of analysis', async () => {
  const server = await startServer({ maxFileSizeKB: 1 });
  try {
    const big = 'It may rain. '.repeat(200);
    const pending = server.diagnostics('file:///tmp/big.txt', 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/big.txt', languageId: 'plaintext', version: 1, text: big } });
    const { diagnostics } = await pending;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'file-too-large');
    assert.equal(diagnostics[0]!.severity, 3);
  } finally {
    await server.close();
  }
});

test('"Ignore on this line" inserts a disable comment that silences the finding', async () => {
  const server = await startServer();
  const mdUri = 'file:///tmp/ignore.md';
  const draft = '# Budget\n\nThe plan was reportedly delayed.\n';
  try {
    let pending = server.diagnostics(mdUri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: mdUri, languageId: 'markdown', version: 1, text: draft } });
    const [d] = (await pending).diagnostics;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: mdUri },
      range: d!.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore hedge-word on this line');
    assert.ok(ignore?.edit?.changes?.[mdUri]);
    const edited = TextDocument.applyEdits(TextDocument.create(mdUri, 'markdown', 1, draft), ignore.edit.changes[mdUri]);
    assert.equal(edited, '# Budget\n\n<!-- copydesk-disable-next-line hedge-word -->\nThe plan was reportedly delayed.\n');
    pending = server.diagnostics(mdUri, 2);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: mdUri, version: 2 }, contentChanges: [{ text: edited }] });
    assert.deepEqual((await pending).diagnostics.filter((x: Diagnostic) => x.code === 'hedge-word'), []);
  } finally {
    await server.close();
  }
});

test('a diagnostic from an older version of the draft gets no edits; the current one gets its fixes from the server', async () => {
  const server = await startServer();
  try {
    let pending = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const old = (await pending).diagnostics[0]!;
    // The diagnostic names its finding; the fixes themselves are not sent with every keystroke.
    assert.deepEqual(Object.keys(old.data as object).sort(), ['index', 'version']);
    pending = server.diagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Today ' }],
    });
    const current = (await pending).diagnostics[0]!;
    const ask = (d: Diagnostic) =>
      server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } }) as Promise<CodeAction[]>;
    assert.ok((await ask(old)).every((a) => !a.edit), 'a stale diagnostic must not become an edit at stale offsets');
    const preferred = (await ask(current)).find((a) => a.isPreferred);
    const doc = TextDocument.create(uri, 'markdown', 2, 'Today ' + text);
    assert.equal(TextDocument.applyEdits(doc, preferred!.edit!.changes![uri]!).split('\n')[0], 'Today The mayor is planning a recount.');
  } finally {
    await server.close();
  }
});
