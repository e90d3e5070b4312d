/**
 * The built server under a typing storm: thousands of rapid incremental didChange edits over
 * stdio. At checkpoints and at the end the published diagnostics must equal a fresh analysis of
 * the text by the core, no analysis may fail, the debounce must coalesce the storm, and the
 * server's memory must stay bounded. The figures are printed for the closing note.
 *
 * COPYDESK_SERVER_BUNDLE points the test at another build of the server (default dist/server.cjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { analyse, defaultConfig } from '../../../server/src/core/index.js';

const EDITS = 3000;
const CHECKPOINT_EVERY = 750;
const uri = 'file:///tmp/stress/draft.md';

/** A draft written for this test: hedges, quotations, attributions, code, a list and a table. */
const DRAFT = [
  '# Council may close the riverside library',
  '',
  'The city council will reportedly vote on Tuesday to close the riverside library, a move that could save $1.2 million a year.',
  '',
  '“We have no other choice,” said Dana Okafor, the council’s budget chair. Critics say the branch is the only one within walking distance for many families.',
  '',
  '> The library apparently serves more than 400 children each week.',
  '',
  '- Opening hours were cut last spring.',
  '- Some residents believe the building may be sold.',
  '',
  '```',
  'it may rain; this is code and never checked',
  '```',
  '',
  '| Branch | Status |',
  '| --- | --- |',
  '| Riverside | possibly closing |',
  '',
  'Officials said the decision would likely be final. The vote is expected to pass, according to people familiar with the plan.',
  '',
].join('\n');

/** A small seeded PRNG, so a failing storm can be replayed exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = 'the mayor may reportedly say “perhaps” 😀 é\u0301 ';
const PASTES = [' Experts say it could likely fail.', '\n\n“It is done,” he said.\n\n', '\n```\ncode may\n```\n', ' — ', '\r\n', '\n- item might\n'];

/** The next edit of the storm: mostly typing at a cursor, some backspaces, pastes and range deletes. */
function nextChange(doc: TextDocument, rand: () => number, cursor: { at: number }): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const r = rand();
  // Keep the cursor off the middle of a surrogate pair, as an editor does.
  const fix = (o: number) => {
    const x = Math.max(0, Math.min(o, text.length));
    const c = text.charCodeAt(x);
    return c >= 0xdc00 && c <= 0xdfff ? x - 1 : x;
  };
  if (r < 0.03) cursor.at = fix(Math.floor(rand() * (text.length + 1)));
  cursor.at = fix(cursor.at);
  const at = doc.positionAt(cursor.at);
  if (r < 0.7) {
    const ch = TYPED[Math.floor(rand() * TYPED.length)]!;
    const t = ch >= '\ud800' && ch <= '\udfff' ? '😀' : ch;
    cursor.at += t.length;
    return { range: { start: at, end: at }, text: t };
  }
  if (r < 0.85 && cursor.at > 0) {
    const from = fix(cursor.at - 1);
    cursor.at = from;
    return { range: { start: doc.positionAt(from), end: at }, text: '' };
  }
  if (r < 0.95) {
    const t = PASTES[Math.floor(rand() * PASTES.length)]!;
    cursor.at += t.length;
    return { range: { start: at, end: at }, text: t };
  }
  const end = fix(cursor.at + Math.floor(rand() * 80));
  return { range: { start: at, end: doc.positionAt(end) }, text: '' };
}

function rssKB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(m, 'VmRSS readable');
  return Number(m[1]);
}

/** What a diagnostic says, without the document version it was computed for. */
function essence(d: Diagnostic) {
  return { range: d.range, severity: d.severity, code: d.code, message: d.message };
}

/** A fresh, uncached analysis of `doc` by the core, as the server would publish it. */
function freshDiagnostics(doc: TextDocument) {
  const { findings } = analyse(doc.getText(), { languageId: 'markdown', config: defaultConfig(), path: doc.uri });
  const sev = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  return findings.map((f) => ({
    range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + f.length) },
    severity: sev[f.severity],
    code: f.rule,
    message: f.message,
  }));
}

test(`${EDITS} rapid incremental edits: final diagnostics equal a fresh analysis, memory stays bounded`, { timeout: 240_000 }, async () => {
  const child = spawn(process.execPath, [resolve(process.env.COPYDESK_SERVER_BUNDLE ?? 'dist/server.cjs'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // The real debounce, so the storm exercises coalescing and cancellation of stale work.
    env: { ...process.env, COPYDESK_DEBOUNCE_MS: '120' },
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (p.version ?? 0) >= w.version) waiters.splice(i, 1)[0]!.resolve(p);
    }
  });
  const errors: string[] = [];
  connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) errors.push(m.message);
  });
  connection.onRequest('workspace/configuration', () => [{}]);
  connection.listen();
  const diagnostics = (u: string, version: number) => new Promise<PublishDiagnosticsParams>((res) => waiters.push({ uri: u, version, resolve: res }));

  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    let doc = TextDocument.create(uri, 'markdown', 1, DRAFT);
    let pending = diagnostics(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
    assert.deepEqual((await pending).diagnostics.map(essence), freshDiagnostics(doc));
    const rssStart = rssKB(child.pid!);

    const rand = prng(Number(process.env.COPYDESK_STRESS_SEED ?? 8));
    const cursor = { at: DRAFT.indexOf('Officials') };
    const started = Date.now();
    let rssPeak = rssStart;
    for (let i = 1; i <= EDITS; i++) {
      const change = nextChange(doc, rand, cursor);
      doc = TextDocument.update(doc, [change], doc.version + 1);
      // Not awaited one by one beyond the write: the client fires edits as fast as it can.
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
      // Now and then the typist pauses just past the debounce, so analyses start mid-storm and
      // the next edits land while they run.
      if (i % 97 === 0) await new Promise((r) => setTimeout(r, 125 + Math.floor(rand() * 60)));
      if (i % CHECKPOINT_EVERY === 0) {
        pending = diagnostics(uri, doc.version);
        const got = await pending;
        assert.equal(got.version, doc.version);
        assert.deepEqual(got.diagnostics.map(essence), freshDiagnostics(doc), `checkpoint after ${i} edits`);
        rssPeak = Math.max(rssPeak, rssKB(child.pid!));
      }
    }
    const ms = Date.now() - started;
    const finalDiagnostics = published.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(finalDiagnostics.version, doc.version);

    // A second document opened with the final text is analysed without any cache: same result.
    const freshUri = 'file:///tmp/stress/fresh.md';
    pending = diagnostics(freshUri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'markdown', version: 1, text: doc.getText() } });
    assert.deepEqual((await pending).diagnostics.map(essence), finalDiagnostics.diagnostics.map(essence));

    const rssEnd = rssKB(child.pid!);
    const analyses = published.filter((p) => p.uri === uri).length;
    console.log(
      `stress: ${EDITS} edits in ${ms} ms, ${analyses} analyses published, final text ${doc.getText().length} chars, ` +
        `${finalDiagnostics.diagnostics.length} diagnostics, server RSS ${Math.round(rssStart / 1024)} MB after open, ` +
        `peak ${Math.round(rssPeak / 1024)} MB, ${Math.round(rssEnd / 1024)} MB at the end`,
    );
    assert.deepEqual(errors, [], 'no analysis failed and no rule threw');
    // The debounce coalesces a storm: far fewer analyses than edits.
    assert.ok(analyses <= EDITS / 10, `${analyses} analyses for ${EDITS} edits`);
    assert.ok(analyses > EDITS / CHECKPOINT_EVERY + 1, 'the pauses let analyses run mid-storm');
    // Bounded: the per-document cache holds only the current blocks, so memory does not track the edit count.
    assert.ok(rssEnd < rssStart + 150 * 1024, `RSS grew from ${rssStart} kB to ${rssEnd} kB`);
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
});
