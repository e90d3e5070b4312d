/**
 * Core findings ↔ LSP diagnostics and edits. A diagnostic's `data` names its finding (the version
 * of the draft and the finding's place in that analysis); the fixes stay in the server, which
 * keeps the findings of the current version, so each keystroke's diagnostics are small to send.
 */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { positionInFile } from './workspace.js';
import { ruleDocsUrl, type Finding, type Severity, type TextEdit } from '../core/index.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries so code actions can find its finding. */
export interface DiagnosticData {
  /** The document version the finding was made for; older diagnostics get no edits. */
  version: number;
  /** Index of the finding in the analysis of that version. */
  index: number;
}

/** The URIs of other drafts' paths (related information points at the same few on every keystroke). */
const fileUris = new Map<string, string>();

function fileUri(path: string): string {
  let uri = fileUris.get(path);
  if (uri === undefined) {
    if (fileUris.size >= 4096) fileUris.clear();
    fileUris.set(path, (uri = URI.file(path).toString()));
  }
  return uri;
}

export function toDiagnostic(doc: TextDocument, f: Finding, index: number): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = f.related?.map((r) => {
    const uri = r.path === undefined ? doc.uri : fileUri(r.path);
    const range =
      r.path === undefined
        ? { start: doc.positionAt(r.offset), end: doc.positionAt(r.offset + r.length) }
        : { start: positionInFile(r.path, r.offset), end: positionInFile(r.path, r.offset + r.length) };
    return { location: { uri, range }, message: r.message };
  });
  const data: DiagnosticData = { version: doc.version, index };
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + f.length) },
    severity: SEVERITY[f.severity],
    source: 'copydesk',
    code: f.rule,
    codeDescription: { href: ruleDocsUrl(f.rule) },
    message: f.message,
    data,
  };
  if (related?.length) d.relatedInformation = related;
  return d;
}

export function toLspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.newText }));
}
