/** Core findings ↔ LSP diagnostics and edits. Fixes travel in `diagnostic.data` (stateless actions). */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { positionInFile } from './workspace.js';
import { ruleDocsUrl, type Finding, type Fix, type Severity, type TextEdit } from '../core/index.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries so code actions can be rebuilt without server state. */
export interface DiagnosticData {
  rule: string;
  category: string;
  version: number;
  fixes: Fix[];
  finding: Finding['data'];
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = f.related?.map((r) => {
    const uri = r.path === undefined ? doc.uri : URI.file(r.path).toString();
    const range =
      r.path === undefined
        ? { start: doc.positionAt(r.offset), end: doc.positionAt(r.offset + r.length) }
        : { start: positionInFile(r.path, r.offset), end: positionInFile(r.path, r.offset + r.length) };
    return { location: { uri, range }, message: r.message };
  });
  const data: DiagnosticData = { rule: f.rule, category: f.category, version: doc.version, fixes: f.fixes, finding: f.data };
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
