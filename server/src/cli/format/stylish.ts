/** The default human format: `path:line:col  severity  message  rule-id`, then a summary. */
import pc from 'picocolors';
import { itemsOf, plural, totals, type FileReport } from './common.js';

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
