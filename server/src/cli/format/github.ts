/**
 * GitHub Actions workflow commands: one `::warning file=…,line=…::message` line per finding, which
 * the runner turns into annotations on the pull request's changed lines.
 */
import { itemsOf, type FileReport } from './common.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escaping of a command's message (data). */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values, where `:` and `,` are separators. */
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: FileReport[]): string {
  let out = '';
  for (const r of reports) {
    const file = r.path.split('\\').join('/');
    for (const i of itemsOf(r)) {
      out += `::${LEVEL[i.severity]} file=${prop(file)},line=${i.line},col=${i.column},endLine=${i.endLine},endColumn=${i.endColumn},title=${prop(`Copydesk ${i.rule}`)}::${data(i.message)}\n`;
    }
  }
  return out;
}
