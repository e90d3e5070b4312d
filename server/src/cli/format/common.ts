/** What every report format shows: findings (and unused disable comments) with line and column. */
import { LineIndex, type Finding, type LanguageId, type Severity } from '../../core/index.js';
import type { UnusedDisable } from '../../core/disables.js';

export interface FileReport {
  path: string;
  text: string;
  findings: Finding[];
  /** How the draft was read; absent in reports built by tests and tools that do not say. */
  languageId?: LanguageId;
  /** Present when --report-unused-disables is on. */
  unusedDisables?: UnusedDisable[];
}

/** Rule id under which unused disable comments are reported. */
export const UNUSED_DISABLE_RULE = 'unused-disable';
/** Severity of an unused disable comment: it counts towards --fail-on warning and --max-warnings. */
export const UNUSED_DISABLE_SEVERITY: Severity = 'warning';

/** One line of a report, in 1-based lines and columns (UTF-16 columns, as editors count). */
export interface Item {
  rule: string;
  category: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  finding?: Finding;
}

/** The items of a file in document order: findings and unused disable comments together. */
export function itemsOf(r: FileReport, lines = new LineIndex(r.text)): Item[] {
  const out: Item[] = [];
  const add = (rule: string, category: string, severity: Severity, message: string, offset: number, length: number, finding?: Finding) => {
    const s = lines.positionAt(offset);
    const e = lines.positionAt(offset + length);
    out.push({ rule, category, severity, message, offset, length, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, finding });
  };
  for (const f of r.findings) add(f.rule, f.category, f.severity, f.message, f.offset, f.length, f);
  for (const u of r.unusedDisables ?? []) add(UNUSED_DISABLE_RULE, 'directive', UNUSED_DISABLE_SEVERITY, u.message, u.offset, u.length);
  return out.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
}

export interface Totals {
  error: number;
  warning: number;
  info: number;
  hint: number;
  files: number;
  filesWithFindings: number;
}

export function totals(reports: FileReport[]): Totals {
  const t: Totals = { error: 0, warning: 0, info: 0, hint: 0, files: reports.length, filesWithFindings: 0 };
  for (const r of reports) {
    const items = itemsOf(r);
    if (items.length) t.filesWithFindings++;
    for (const i of items) t[i.severity]++;
  }
  return t;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
