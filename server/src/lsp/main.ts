/**
 * The Copydesk language server: a thin adapter between LSP and the analysis core.
 * Analysis is debounced per document and dropped when a newer version arrived meanwhile, so the
 * editor never waits on stale work; each document has its own paragraph cache.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  FileChangeType,
  SymbolKind,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Analyzer, RULES, WorkspaceIndex, hedgeDensity, languageOfPath, listQuotations, type Finding, type LanguageId, type ParsedDocument, type ResolvedConfig } from '../core/index.js';
import { ConfigError, ConfigLoader } from '../config/index.js';
import { forgetLines, fsPathOf, indexWorkspace, isConfigPath } from './workspace.js';
import { normaliseSettings, type ServerSettings } from './settings.js';
import { toDiagnostic } from './convert.js';
import { codeActions, fixAllEdit, FIX_ALL_KIND } from './actions.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

interface DocState {
  analyzer: Analyzer;
  timer?: ReturnType<typeof setTimeout>;
  findings: Finding[];
  version: number;
  /** The parsed draft of the last analysis, for document symbols and hover. */
  parsed?: ParsedDocument;
  /** The last configuration that loaded without error for this draft. */
  lastGoodConfig?: ResolvedConfig;
}
const states = new Map<string, DocState>();
let rawSettings: unknown = {};
let settings: ServerSettings = normaliseSettings({});
const configLoader = new ConfigLoader();
const workspaceIndex = new WorkspaceIndex();
const workspaceFacts = workspaceIndex.facts();
let workspaceRoots: string[] = [];
/** Config files whose error has been shown, so the user sees each problem once. */
const reportedConfigErrors = new Set<string>();
/** Canonical config objects: the Analyzer keeps its cache while the config stays the same. */
const canonicalConfigs = new Map<string, ResolvedConfig>();
let hasConfigurationCapability = false;
const failedRules = new Set<string>();
/** Resolves once the first settings are known, so no draft is analysed with the wrong ones. */
let markSettingsReady: () => void = () => undefined;
const settingsReady = new Promise<void>((resolve) => (markSettingsReady = resolve));
/** Debounce between an edit and its analysis; tests and benchmarks may set it to 0. */
const DEBOUNCE_MS = Number(process.env.COPYDESK_DEBOUNCE_MS ?? 120);

connection.onInitialize((params): InitializeResult => {
  hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings) setSettings(init.settings);
  workspaceRoots = (params.workspaceFolders ?? []).map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: ['copydesk.applyFixAll'] },
      documentSymbolProvider: { label: 'Copydesk quotations' },
      hoverProvider: true,
    },
    serverInfo: { name: 'copydesk', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void refreshSettings();
  void indexInBackground();
});

function setSettings(raw: unknown): void {
  rawSettings = raw;
  settings = normaliseSettings(raw);
}

/** Indexes the workspace's drafts once, with a progress indicator, then re-checks open drafts. */
async function indexInBackground(): Promise<void> {
  if (workspaceRoots.length === 0) return;
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Copydesk: indexing drafts', 0, undefined, false);
  try {
    const count = await indexWorkspace(
      workspaceRoots,
      workspaceIndex,
      configLoader,
      (done) => progress.report(`${done} drafts`),
      (path) => documents.all().some((d) => fsPathOf(d.uri) === path),
    );
    connection.console.info(`Indexed ${count} drafts for cross-file boilerplate.`);
  } catch (e) {
    connection.console.error(`Indexing the workspace failed: ${(e as Error)?.stack ?? String(e)}`);
  } finally {
    progress.done();
  }
  revalidateAll();
}

connection.onDidChangeConfiguration((change) => {
  if (!hasConfigurationCapability) {
    const s = (change.settings as { copydesk?: unknown } | undefined)?.copydesk;
    if (s) setSettings(s);
    markSettingsReady();
    revalidateAll();
    return;
  }
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (hasConfigurationCapability) {
    try {
      setSettings(await connection.workspace.getConfiguration('copydesk'));
    } catch (e) {
      connection.console.error(`Could not read settings; keeping the last good ones: ${String(e)}`);
    }
  }
  markSettingsReady();
  revalidateAll();
}

function revalidateAll(): void {
  for (const doc of documents.all()) schedule(doc, 0);
}

function languageOf(doc: TextDocument): LanguageId | undefined {
  if (doc.languageId === 'markdown') return 'markdown';
  if (doc.languageId === 'plaintext') return 'plaintext';
  return undefined;
}

function stateOf(uri: string): DocState {
  let s = states.get(uri);
  if (!s) {
    s = { analyzer: new Analyzer(), findings: [], version: -1 };
    states.set(uri, s);
  }
  return s;
}

function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
  const state = stateOf(doc.uri);
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    state.timer = undefined;
    void settingsReady.then(() => validate(doc.uri));
  }, delay);
}

/**
 * The configuration for a draft: its config files, then the user's settings on top. A malformed
 * config file is reported once (a diagnostic in the file and a message) and the draft keeps the
 * last configuration that loaded.
 */
function configFor(uri: string, state: DocState): ResolvedConfig {
  const path = fsPathOf(uri);
  let merged: ResolvedConfig;
  try {
    const base = path ? configLoader.forFile(path).config : undefined;
    merged = normaliseSettings(rawSettings, base).config;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    reportConfigError(e);
    return state.lastGoodConfig ?? settings.config;
  }
  const key = JSON.stringify(merged);
  let canonical = canonicalConfigs.get(key);
  if (!canonical) {
    if (canonicalConfigs.size > 50) canonicalConfigs.clear();
    canonicalConfigs.set(key, (canonical = merged));
  }
  state.lastGoodConfig = canonical;
  return canonical;
}

function reportConfigError(e: ConfigError): void {
  const id = e.message;
  if (reportedConfigErrors.has(id)) return;
  reportedConfigErrors.add(id);
  const pos = { line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1) };
  void connection.sendDiagnostics({
    uri: URI.file(e.file).toString(),
    diagnostics: [{ range: { start: pos, end: pos }, severity: 1, source: 'copydesk', code: 'config', message: e.reason }],
  });
  void connection.window.showWarningMessage(`Copydesk: ${e.message}. The last good configuration stays in force.`);
}

/** Clears the error diagnostics of config files once they load again. */
function clearConfigErrors(): void {
  for (const id of reportedConfigErrors) {
    const file = id.split(/:\d+:\d+: /)[0];
    if (file) void connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: [] });
  }
  reportedConfigErrors.clear();
}

/** Analyses the current version of a document and publishes its diagnostics. */
function validate(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const languageId = languageOf(doc);
  const state = stateOf(uri);
  const started = performance.now();
  let diagnostics: Diagnostic[] = [];
  state.findings = [];
  state.parsed = undefined;
  if (languageId && settings.enable) {
    const text = doc.getText();
    if (text.length > settings.maxFileSizeKB * 1024) {
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          source: 'copydesk',
          code: 'file-too-large',
          message: `Copydesk skipped this draft: it is larger than copydesk.maxFileSizeKB (${settings.maxFileSizeKB} KB). Raise the setting to check it.`,
        },
      ];
    } else {
      try {
        const path = fsPathOf(uri);
        const { findings, document } = state.analyzer.analyse(text, {
          languageId,
          config: configFor(uri, state),
          path: path ?? uri,
          // A draft with no other draft indexed shares nothing: no look-ups for each keystroke.
          workspace: workspaceIndex.hasOtherThan(path) ? workspaceFacts : undefined,
          onRuleError: (rule, error) => {
            // Logged once per rule, not once per keystroke; the other rules still report.
            if (failedRules.has(rule)) return;
            failedRules.add(rule);
            connection.console.error(`Rule ${rule} failed and was skipped: ${(error as Error)?.stack ?? String(error)}`);
          },
        });
        state.findings = findings;
        state.parsed = document;
        diagnostics = findings.map((f, i) => toDiagnostic(doc, f, i));
      } catch (error) {
        connection.console.error(`Copydesk could not analyse ${uri}: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }
  state.version = doc.version;
  // What the server spent on this version (analysis and conversion), apart from sending it.
  const analysisMs = Math.round((performance.now() - started) * 100) / 100;
  void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  void connection.sendNotification('copydesk/status', { ...statusOf(uri, state.findings, state.parsed), version: doc.version, analysisMs });
}

/** What the client's status bar shows for a draft: its findings and its hedge density. */
function statusOf(uri: string, findings: Finding[], parsed: ParsedDocument | undefined) {
  const d = parsed ? hedgeDensity({ findings, document: parsed }) : { hedges: 0, words: 0, perThousand: 0 };
  return { uri, findings: findings.length, hedges: d.hedges, words: d.words, hedgesPer1000Words: Math.round(d.perThousand * 10) / 10 };
}

documents.onDidOpen((e) => {
  indexOpenDocument(e.document);
  schedule(e.document, 0);
});

/** Open drafts are indexed from the editor's text on open and save, not on every keystroke. */
function indexOpenDocument(doc: TextDocument): void {
  const path = fsPathOf(doc.uri);
  const languageId = languageOf(doc);
  if (path && languageId) {
    workspaceIndex.update(path, doc.getText(), languageId);
    forgetLines(path);
  }
}

connection.onDidChangeWatchedFiles(async (params) => {
  let configChanged = false;
  for (const change of params.changes) {
    const path = fsPathOf(change.uri);
    if (!path) continue;
    if (isConfigPath(path)) {
      configChanged = true;
      continue;
    }
    // Related information points into this file's text on disk, which changed.
    forgetLines(path);
    if (documents.all().some((d) => d.uri === change.uri)) continue;
    if (change.type === FileChangeType.Deleted) workspaceIndex.remove(path);
    else {
      try {
        const { readFile } = await import('node:fs/promises');
        workspaceIndex.update(path, await readFile(path, 'utf8'), languageOfPath(path));
      } catch {
        workspaceIndex.remove(path);
      }
    }
  }
  if (configChanged) {
    configLoader.clear();
    clearConfigErrors();
  }
  revalidateAll();
});

/**
 * The parsed draft for a request about its current text. A request can arrive before the debounced
 * analysis has run (an Outline opened right after the draft): then analyse now.
 */
async function currentParse(uri: string): Promise<ParsedDocument | undefined> {
  await settingsReady;
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const state = states.get(uri);
  if (!state?.parsed || state.version !== doc.version) {
    if (state?.timer) clearTimeout(state.timer);
    if (state) state.timer = undefined;
    validate(uri);
  }
  return states.get(uri)?.parsed;
}

connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[]> => {
  const parsed = await currentParse(params.textDocument.uri);
  const doc = documents.get(params.textDocument.uri);
  if (!parsed || !doc) return [];
  return listQuotations(parsed)
    .filter((q) => q.kind === 'quote')
    .map((q) => {
      const range = { start: doc.positionAt(q.offset), end: doc.positionAt(q.offset + q.length) };
      const words = q.text.length > 60 ? `${q.text.slice(0, 57)}…` : q.text;
      return {
        name: `“${words}”`,
        detail: q.speaker ? (q.vague ? `vague source: ${q.speaker}` : q.speaker) : 'no source',
        kind: SymbolKind.String,
        range,
        selectionRange: range,
      };
    });
});

connection.onHover(async (params) => {
  const parsed = await currentParse(params.textDocument.uri);
  const doc = documents.get(params.textDocument.uri);
  if (!parsed || !doc) return null;
  const offset = doc.offsetAt(params.position);
  const q = listQuotations(parsed).find((x) => x.kind === 'quote' && offset >= x.offset && offset < x.offset + x.length);
  if (!q) return null;
  const who = q.speaker ? (q.vague ? `a vague source (“${q.speaker}”)` : `**${q.speaker}**`) : '**no source**';
  return {
    contents: { kind: 'markdown', value: `Quotation attributed to ${who}.` },
    range: { start: doc.positionAt(q.offset), end: doc.positionAt(q.offset + q.length) },
  };
});
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') schedule(e.document);
});
documents.onDidSave((e) => {
  indexOpenDocument(e.document);
  if (settings.run === 'onSave') schedule(e.document, 0);
});
documents.onDidClose((e) => {
  const s = states.get(e.document.uri);
  if (s?.timer) clearTimeout(s.timer);
  states.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const state = states.get(doc.uri);
  // Findings of another version have other offsets: no edits from them.
  return codeActions(doc, params, state && state.version === doc.version ? state.findings : []) satisfies CodeAction[];
});

connection.onExecuteCommand(async (params) => {
  if (params.command !== 'copydesk.applyFixAll') return;
  const uri = (params.arguments?.[0] as { uri?: string } | undefined)?.uri;
  const doc = uri ? documents.get(uri) : undefined;
  if (!doc) return;
  const state = states.get(doc.uri);
  const edit = fixAllEdit(doc, state && state.version === doc.version ? state.findings : []);
  if (edit) await connection.workspace.applyEdit({ label: 'Copydesk: fix all', edit });
});

connection.onShutdown(() => {
  for (const s of states.values()) if (s.timer) clearTimeout(s.timer);
});

// Registered rules are printed once so the output channel shows what runs.
connection.console.info(`Copydesk server started with ${RULES.length} rules: ${RULES.map((r) => r.id).join(', ')}`);

documents.listen(connection);
connection.listen();
