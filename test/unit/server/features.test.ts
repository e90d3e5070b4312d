import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { startServer } from './lsp-client.js';

const draft = [
  'Mayor Lena Brooks defended the budget on Tuesday.',
  '',
  '“We balanced it without cutting a single bus route,” Brooks said.',
  '',
  'Later that night the mood at the hall turned sour.',
  '',
  '“Nobody here believes those numbers add up at all.”',
  '',
].join('\n');

test('the Outline lists each quotation with its speaker or "no source"; hover says who said it', async () => {
  const server = await startServer();
  const uri = 'file:///tmp/outline.md';
  try {
    const pending = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
    await pending;
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name.slice(0, 12), s.detail]),
      [
        ['“We balanced', 'Lena Brooks'],
        ['“Nobody here', 'no source'],
      ],
    );
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /no source/);
    const none = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(none, null);
  } finally {
    await server.close();
  }
});

test('a paragraph shared with another draft of the workspace points at that draft', async () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cd-ws-')));
  const house = 'This story was reported with support from the Harbor City Civic Journalism Fund, which has no say over our coverage.';
  writeFileSync(join(dir, 'other.md'), `# Other story\n\nThe ferry schedule changes in June.\n\n${house}\n`);
  const uri = pathToFileURL(join(dir, 'draft.md')).toString();
  const text = `# Draft\n\nThe council approved the tram extension.\n\n${house}\n`;
  writeFileSync(join(dir, 'draft.md'), text);
  const server = await startServer({}, {}, { workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] });
  try {
    // Diagnostics are published again once the background index is built; wait for the shared one.
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    let shared;
    for (;;) {
      const { diagnostics } = await server.diagnostics(uri, 1);
      shared = diagnostics.find((d) => d.code === 'shared-boilerplate');
      if (shared) break;
    }
    assert.equal(shared.range.start.line, 4);
    const related = shared.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]!.location.uri, pathToFileURL(join(dir, 'other.md')).toString());
    assert.equal(related[0]!.location.range.start.line, 4);

    // The other draft changes on disk (two lines above the paragraph): once the editor says so,
    // the related information points at the paragraph's new place, keystroke after keystroke.
    const other = join(dir, 'other.md');
    writeFileSync(other, `# Other story\n\nA new first paragraph.\n\nThe ferry schedule changes in June.\n\n${house}\n`);
    // The server indexes the file again, then checks the open drafts again.
    const rechecked = server.diagnostics(uri, 1);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(other).toString(), type: 2 }] });
    let moved = (await rechecked).diagnostics.find((d) => d.code === 'shared-boilerplate');
    assert.equal(moved?.relatedInformation?.[0]?.location.range.start.line, 6);
    for (let version = 2; version <= 4; version++) {
      const pending = server.diagnostics(uri, version);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }],
      });
      moved = (await pending).diagnostics.find((d) => d.code === 'shared-boilerplate');
      assert.equal(moved?.relatedInformation?.[0]?.location.range.start.line, 6, `version ${version}`);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the server reports each draft’s finding count and hedge density for the status bar', async () => {
  const server = await startServer();
  const uri = 'file:///tmp/status.txt';
  try {
    const status = new Promise<Record<string, unknown>>((resolve) => server.connection.onNotification('copydesk/status', resolve));
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: 'The vote may slip, and the plan is reportedly late.\n' },
    });
    const { analysisMs, ...rest } = await status;
    assert.deepEqual(rest, { uri, version: 1, findings: 2, hedges: 2, words: 10, hedgesPer1000Words: 200 });
    assert.ok(typeof analysisMs === 'number' && analysisMs >= 0, 'the status says how long the server spent on the version');
  } finally {
    await server.close();
  }
});

test('the Outline answers for the current text even before the debounced analysis has run', async () => {
  const server = await startServer({}, { COPYDESK_DEBOUNCE_MS: '60000' });
  const uri = 'file:///tmp/outline-early.md';
  try {
    const opened = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Notes\n' } });
    await opened;
    // The edit's analysis waits a minute; the symbols must not.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: draft }] });
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.detail), ['Lena Brooks', 'no source']);
  } finally {
    await server.close();
  }
});
