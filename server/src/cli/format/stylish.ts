/** The default human format: `path:line:col  severity  message  rule-id`, then a summary. */
import pc from 'picocolors';
import { itemsOf, plural, totals, type FileReport } from './common.js';
import { formatHedgeDensity, hedgeDensity, languageOfPath, parseDocument } from '../../core/index.js';

export function formatStylish(reports: FileReport[], color = false): string {
  const c = pc.createColors(color);
  const paint = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  let out = '';
  for (const r of reports) {
    for (const i of itemsOf(r)) {
      out += `${c.underline(r.path)}${c.dim(`:${i.line}:${i.column}`)}  ${paint[i.severity](i.severity)}  ${i.message}  ${c.dim(i.rule)}\n`;
    }
  }
  const t = totals(reports);
  const n = t.error + t.warning + t.info + t.hint;
  if (n === 0) return out + c.green(`No findings in ${plural(reports.length, 'file')}.`) + '\n';
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => t[s] > 0).map((s) => paint[s](s === 'info' || s === 'hint' ? `${t[s]} ${s}` : plural(t[s], s)));
  return out + `\n${plural(n, 'finding')} (${parts.join(', ')}) in ${t.filesWithFindings} of ${plural(t.files, 'file')}.\n`;
}

/**
 * Hedge density per draft that has hedges, after the summary: how much of a draft is hedged is a
 * figure an editor weighs beside the single findings.
 */
export function formatDensity(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (!r.findings.some((f) => f.category === 'hedge')) continue;
    const languageId = r.languageId ?? languageOfPath(r.path);
    const d = hedgeDensity({ findings: r.findings, document: parseDocument(r.text, languageId) });
    lines.push(`  ${r.path}: ${formatHedgeDensity(d)}`);
  }
  return lines.length ? `Hedge density:\n${lines.join('\n')}\n` : '';
}
