/**
 * Inline disable comments, so a writer can silence a check where the desk has decided the text
 * stands (a quoted hedge in a headline, a house disclosure):
 *
 *   <!-- copydesk-disable [selector...] -->            off from here on
 *   <!-- copydesk-enable [selector...] -->             back on from here on
 *   <!-- copydesk-disable-next-line [selector...] -->  off for the line after the comment
 *   <!-- copydesk-disable-file [selector...] -->       off for the whole draft
 *
 * A selector is a rule id or a category name; none means every check. Selectors may be separated
 * by spaces or commas, and `-- reason` after them is a free comment. Pure: text and findings in,
 * kept findings and unused directives out.
 */
import type { Finding, LanguageId, TextEdit } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

export interface DisableDirective {
  kind: DirectiveKind;
  /** Rule ids or category names; empty means every check. */
  selectors: string[];
  /** The whole comment, in document offsets. */
  offset: number;
  length: number;
  /** Zero-based line on which the comment ends (disable-next-line covers the line after it). */
  endLine: number;
}

/** A disable comment (or one selector of it) that silenced nothing. */
export interface UnusedDisable {
  offset: number;
  length: number;
  message: string;
  /** The selectors that matched no finding; empty when the comment disabled everything. */
  selectors: string[];
  /** Removes the whole comment (and its line, when the comment stands alone on it). */
  fix: TextEdit;
}

export interface DisableResult {
  findings: Finding[];
  unused: UnusedDisable[];
}

const DIRECTIVE_RE = /<!--[ \t]*copydesk-(disable-next-line|disable-file|disable|enable)(?=[\s,]|-->)([\s\S]*?)-->/g;
const FENCE_RE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** The directives in `text`. In Markdown, comments inside fenced code are examples, not directives. */
export function parseDirectives(text: string, languageId: LanguageId = 'markdown'): DisableDirective[] {
  if (!text.includes('copydesk-')) return [];
  const lineStarts = lineStartsOf(text);
  const lineOf = (offset: number): number => upperBound(lineStarts, offset) - 1;
  const fenced = languageId === 'markdown' ? fencedRanges(text, lineStarts) : [];
  const out: DisableDirective[] = [];
  DIRECTIVE_RE.lastIndex = 0;
  for (let m = DIRECTIVE_RE.exec(text); m; m = DIRECTIVE_RE.exec(text)) {
    const offset = m.index;
    if (fenced.some(([s, e]) => offset >= s && offset < e)) continue;
    // "-- why" after the selectors explains the disable and is not a selector.
    const body = m[2]!.split(/\s--\s|^--\s/)[0]!;
    const selectors = body.split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as DirectiveKind, selectors, offset, length: m[0].length, endLine: lineOf(offset + m[0].length - 1) });
  }
  return out;
}

function fencedRanges(text: string, lineStarts: number[]): [number, number][] {
  const out: [number, number][] = [];
  let open: { char: string; size: number; start: number } | undefined;
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]!;
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    const m = FENCE_RE.exec(text.slice(start, end));
    if (!m) continue;
    const fence = m[1]!;
    if (!open) open = { char: fence[0]!, size: fence.length, start };
    else if (fence[0] === open.char && fence.length >= open.size) {
      out.push([open.start, end]);
      open = undefined;
    }
  }
  if (open) out.push([open.start, text.length]);
  return out;
}

/**
 * Drops the findings that a directive disables and lists the directives that disabled nothing.
 * `known` (rule ids and category names), when given, lets the message say a selector is unknown.
 */
export function applyDisables(
  text: string,
  findings: readonly Finding[],
  options: { languageId?: LanguageId; known?: ReadonlySet<string> } = {},
): DisableResult {
  const directives = parseDirectives(text, options.languageId ?? 'markdown');
  if (directives.length === 0) return { findings: [...findings], unused: [] };

  // Which selectors of which directive silenced something: "*" stands for a selector-less one.
  const used = new Map<DisableDirective, Set<string>>();
  const markUsed = (d: DisableDirective, selector: string) => {
    let s = used.get(d);
    if (!s) used.set(d, (s = new Set()));
    s.add(selector);
  };
  const matching = (selectors: string[], f: Finding) => selectors.find((s) => s === f.rule || s === f.category);

  const lines = lineStartsOf(text);
  const lineOf = (offset: number) => upperBound(lines, offset) - 1;
  const fileWide = directives.filter((d) => d.kind === 'disable-file');
  const nextLine = directives.filter((d) => d.kind === 'disable-next-line');
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');

  // State of the disable/enable comments, swept forward as the findings are (in offset order).
  let all: DisableDirective | undefined;
  const exceptions = new Set<string>();
  const bySelector = new Map<string, DisableDirective>();
  let next = 0;
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  const kept: Finding[] = [];
  for (const f of sorted) {
    while (next < ranged.length && ranged[next]!.offset + ranged[next]!.length <= f.offset) {
      const d = ranged[next++]!;
      if (d.kind === 'disable') {
        if (d.selectors.length === 0) {
          all = d;
          exceptions.clear();
        } else
          for (const s of d.selectors) {
            bySelector.set(s, d);
            exceptions.delete(s);
          }
      } else if (d.selectors.length === 0) {
        all = undefined;
        exceptions.clear();
        bySelector.clear();
      } else
        for (const s of d.selectors) {
          bySelector.delete(s);
          if (all) exceptions.add(s);
        }
    }
    let by: [DisableDirective, string] | undefined;
    for (const d of fileWide) {
      const s = d.selectors.length === 0 ? '*' : matching(d.selectors, f);
      if (s) {
        by = [d, s];
        break;
      }
    }
    if (!by) {
      const line = lineOf(f.offset);
      for (const d of nextLine) {
        if (d.endLine + 1 !== line) continue;
        const s = d.selectors.length === 0 ? '*' : matching(d.selectors, f);
        if (s) {
          by = [d, s];
          break;
        }
      }
    }
    if (!by) {
      const d = bySelector.get(f.rule) ?? bySelector.get(f.category);
      if (d) by = [d, bySelector.get(f.rule) === d ? f.rule : f.category];
      else if (all && !exceptions.has(f.rule) && !exceptions.has(f.category)) by = [all, '*'];
    }
    if (by) markUsed(by[0], by[1]);
    else kept.push(f);
  }

  const unused: UnusedDisable[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const u = used.get(d);
    const idle = d.selectors.length === 0 ? (u ? [] : ['*']) : d.selectors.filter((s) => !u?.has(s));
    if (idle.length === 0) continue;
    const selectors = idle.filter((s) => s !== '*');
    const what =
      selectors.length === 0
        ? 'nothing is reported here'
        : selectors
            .map((s) => (options.known && !options.known.has(s) ? `"${s}" is not a Copydesk rule or category` : `no "${s}" finding here`))
            .join('; ');
    unused.push({
      offset: d.offset,
      length: d.length,
      selectors,
      message: `Unused copydesk-${d.kind} comment: ${what}. Remove it, or the selector, so it does not hide a future problem.`,
      fix: removalEdit(text, d),
    });
  }
  return { findings: kept, unused };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Index of the first element greater than `x` in ascending `xs`. */
function upperBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The edit that removes a directive, taking its line with it when nothing else is on that line. */
function removalEdit(text: string, d: DisableDirective): TextEdit {
  const lineStart = text.lastIndexOf('\n', d.offset - 1) + 1;
  let lineEnd = text.indexOf('\n', d.offset + d.length);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, d.offset);
  const after = text.slice(d.offset + d.length, lineEnd);
  if (/^[ \t]*$/.test(before) && /^[ \t\r]*$/.test(after)) {
    return { offset: lineStart, length: Math.min(text.length, lineEnd + 1) - lineStart, newText: '' };
  }
  return { offset: d.offset, length: d.length, newText: '' };
}
