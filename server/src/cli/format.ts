/** Report formats of the CLI. */
import { LineIndex, type Finding } from '../core/index.js';

export interface FileReport {
  path: string;
  text: string;
  findings: Finding[];
}

/** `path:line:col  severity  message  rule-id`, one line a finding, and a summary. */
export function formatStylish(reports: FileReport[]): string {
  let out = '';
  let total = 0;
  for (const r of reports) {
    const lines = new LineIndex(r.text);
    for (const f of r.findings) {
      const p = lines.positionAt(f.offset);
      out += `${r.path}:${p.line + 1}:${p.character + 1}  ${f.severity}  ${f.message}  ${f.rule}\n`;
      total++;
    }
  }
  out += total === 0 ? 'No findings.\n' : `\n${total} finding${total === 1 ? '' : 's'} in ${reports.filter((r) => r.findings.length).length} of ${reports.length} file${reports.length === 1 ? '' : 's'}.\n`;
  return out;
}

/** The JSON report documented in the README. */
export function formatJson(reports: FileReport[]): string {
  const files = reports.map((r) => {
    const lines = new LineIndex(r.text);
    return {
      path: r.path,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: f.message,
        offset: f.offset,
        length: f.length,
        range: { start: lines.positionAt(f.offset), end: lines.positionAt(f.offset + f.length) },
        fixes: f.fixes.map((x) => ({ title: x.title, preferred: x.preferred === true, edits: x.edits })),
        ...(f.related ? { related: f.related } : {}),
        ...(f.data ? { data: f.data } : {}),
      })),
    };
  });
  return JSON.stringify({ files }, null, 2) + '\n';
}
