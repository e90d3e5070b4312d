/** The JSON report documented in the README; the scorer and other tools read this exact shape. */
import { LineIndex } from '../../core/index.js';
import type { FileReport } from './common.js';

export function formatJson(reports: FileReport[]): string {
  const files = reports.map((r) => {
    const lines = new LineIndex(r.text);
    const range = (offset: number, length: number) => ({ start: lines.positionAt(offset), end: lines.positionAt(offset + length) });
    return {
      path: r.path,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: f.message,
        offset: f.offset,
        length: f.length,
        range: range(f.offset, f.length),
        fixes: f.fixes.map((x) => ({ title: x.title, preferred: x.preferred === true, edits: x.edits })),
        ...(f.related ? { related: f.related } : {}),
        ...(f.data ? { data: f.data } : {}),
      })),
      // Only with --report-unused-disables, apart from `findings` so tools counting findings are unaffected.
      ...(r.unusedDisables
        ? { unusedDisables: r.unusedDisables.map((u) => ({ message: u.message, selectors: u.selectors, offset: u.offset, length: u.length, range: range(u.offset, u.length) })) }
        : {}),
    };
  });
  // Compact, as ESLint's json formatter: a 1M-word draft's report is a third of the size and memory.
  return JSON.stringify({ files }) + '\n';
}
