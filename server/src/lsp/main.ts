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
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, RULES, type Finding, type LanguageId } from '../core/index.js';
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
}
const states = new Map<string, DocState>();
let settings: ServerSettings = normaliseSettings({});
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
  if (init?.settings) settings = normaliseSettings(init.settings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: ['copydesk.applyFixAll'] },
    },
    serverInfo: { name: 'copydesk', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void refreshSettings();
});

connection.onDidChangeConfiguration((change) => {
  if (!hasConfigurationCapability) {
    const s = (change.settings as { copydesk?: unknown } | undefined)?.copydesk;
    if (s) settings = normaliseSettings(s);
    markSettingsReady();
    revalidateAll();
    return;
  }
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (hasConfigurationCapability) {
    try {
      settings = normaliseSettings(await connection.workspace.getConfiguration('copydesk'));
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

/** Analyses the current version of a document and publishes its diagnostics. */
function validate(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const languageId = languageOf(doc);
  const state = stateOf(uri);
  let diagnostics: Diagnostic[] = [];
  state.findings = [];
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
        const { findings } = state.analyzer.analyse(text, {
          languageId,
          config: settings.config,
          path: uri,
          onRuleError: (rule, error) => {
            // Logged once per rule, not once per keystroke; the other rules still report.
            if (failedRules.has(rule)) return;
            failedRules.add(rule);
            connection.console.error(`Rule ${rule} failed and was skipped: ${(error as Error)?.stack ?? String(error)}`);
          },
        });
        state.findings = findings;
        diagnostics = findings.map((f) => toDiagnostic(doc, f));
      } catch (error) {
        connection.console.error(`Copydesk could not analyse ${uri}: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }
  state.version = doc.version;
  void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  void connection.sendNotification('copydesk/status', statusOf(uri, state.findings, doc.getText()));
}

/** What the client's status bar shows for a draft. */
function statusOf(uri: string, findings: Finding[], text: string) {
  const words = (text.match(/[\p{L}\p{N}’']+/gu) ?? []).length;
  const hedges = findings.filter((f) => f.category === 'hedge' && f.severity !== 'info').length;
  return {
    uri,
    findings: findings.length,
    hedges,
    words,
    hedgesPer1000Words: words ? Math.round((hedges / words) * 10000) / 10 : 0,
  };
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') schedule(e.document);
});
documents.onDidSave((e) => {
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
  return codeActions(doc, params, state?.findings ?? []) satisfies CodeAction[];
});

connection.onExecuteCommand(async (params) => {
  if (params.command !== 'copydesk.applyFixAll') return;
  const uri = (params.arguments?.[0] as { uri?: string } | undefined)?.uri;
  const doc = uri ? documents.get(uri) : undefined;
  if (!doc) return;
  const edit = fixAllEdit(doc, states.get(doc.uri)?.findings ?? []);
  if (edit) await connection.workspace.applyEdit({ label: 'Copydesk: fix all', edit });
});

connection.onShutdown(() => {
  for (const s of states.values()) if (s.timer) clearTimeout(s.timer);
});

// Registered rules are printed once so the output channel shows what runs.
connection.console.info(`Copydesk server started with ${RULES.length} rules: ${RULES.map((r) => r.id).join(', ')}`);

documents.listen(connection);
connection.listen();
