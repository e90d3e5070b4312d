/** Code actions: quick fixes from diagnostic data, fix-all of a rule, and `source.fixAll.copydesk`. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { preferredEdits, type Finding } from '../core/index.js';
import { toLspEdits, type DiagnosticData } from './convert.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;

function ownData(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== 'copydesk' || !d.data || typeof d.data !== 'object') return undefined;
  return d.data as DiagnosticData;
}

/** The actions for a code-action request. `findings` are the findings of the document's current version (empty when none). */
export function codeActions(doc: TextDocument, params: CodeActionParams, findings: Finding[]): CodeAction[] {
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.SourceFixAll)) ?? false;
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const actions: CodeAction[] = [];

  if (wantsFixAll) {
    const edit = fixAllEdit(doc, findings);
    if (edit) actions.push({ title: 'Copydesk: fix all', kind: FIX_ALL_KIND, edit });
  }
  if (!wantsQuickFix) return actions;

  for (const d of params.context.diagnostics) {
    const data = ownData(d);
    // A diagnostic from an older version has stale offsets: never turn it into an edit.
    if (!data || data.version !== doc.version) continue;
    const finding = findings[data.index];
    if (!finding || finding.rule !== d.code) continue;
    const { rule, category } = finding;
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fix.preferred === true,
        edit: { changes: { [doc.uri]: toLspEdits(doc, fix.edits) } },
      });
    }
    const sameRule = findings.filter((f) => f.rule === rule && f.fixes.some((x) => x.preferred));
    if (sameRule.length > 1) {
      actions.push({
        title: `Fix all ${rule} problems in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [doc.uri]: toLspEdits(doc, preferredEdits(sameRule)) } },
      });
    }
    if (doc.languageId === 'markdown') actions.push(...disableActions(doc, d, rule));
    if (category === 'hedge') {
      const word = doc.getText(d.range);
      actions.push({
        title: `Allow “${word}” in this workspace`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Allow word', command: 'copydesk.allowWord', arguments: [word] },
      });
    }
    if (category === 'boilerplate') {
      const text = doc.getText(d.range);
      actions.push({
        title: 'Add this text to the allowed boilerplate',
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Allow boilerplate', command: 'copydesk.allowBoilerplate', arguments: [text] },
      });
    }
  }
  return actions;
}

/** One edit applying every preferred fix of the document, or undefined when there is none. */
export function fixAllEdit(doc: TextDocument, findings: Finding[]): WorkspaceEdit | undefined {
  const edits = preferredEdits(findings);
  if (edits.length === 0) return undefined;
  return { changes: { [doc.uri]: toLspEdits(doc, edits) } };
}

/**
 * Markdown drafts can carry inline disable comments: for the finding's line, or for the file (at
 * the top, after any front matter).
 */
function disableActions(doc: TextDocument, d: Diagnostic, rule: string): CodeAction[] {
  const line = d.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const text = doc.getText();
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const top = doc.positionAt(frontMatter ? frontMatter[0].length : 0);
  return [
    {
      title: `Ignore ${rule} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- copydesk-disable-next-line ${rule} -->${eol}` }] } },
    },
    {
      title: `Ignore ${rule} in this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [doc.uri]: [{ range: { start: top, end: top }, newText: `<!-- copydesk-disable-file ${rule} -->${eol}${eol}` }] } },
    },
  ];
}
