/**
 * The analysis of one draft as the CLI runs it, in this thread or on a worker thread (workers.ts).
 * Kept apart from workers.ts so a run that stays in this thread never loads node:worker_threads.
 */
import { analyse, type AnalysisResult, type Finding, type LanguageId, type ResolvedConfig, type WorkspaceFacts } from '../core/index.js';
import { renderFindings, type RenderedFindings } from './format/json.js';

/** One draft to analyse. `config` must be plain data (it is copied to a worker). */
export interface DraftJob {
  path: string;
  text: string;
  languageId: LanguageId;
  config?: ResolvedConfig;
  /**
   * Only these rules (ids): one part of a long draft split over two threads (split.ts). The
   * outcome's findings are then unsorted and not yet filtered by disables; `mergeParts` finishes.
   */
  part?: string[];
  /** With `part`: where the blocks are whose block rules this part runs (split.ts). */
  blockRange?: { from: number; to: number };
  /**
   * 'json': the findings' report JSON is written here too (`json` of the outcome), on the thread
   * that analysed the draft, so the threads share the writing of a --format json report.
   */
  render?: 'json';
  /**
   * With `render`: the findings serve only the report (their JSON is rendered), its order, inline
   * disables and the exit status. A worker thread then sends back only what those read of each
   * finding (see `leanFinding`), not its message, fixes and data: less to copy between threads.
   * Never set when the findings are also cached or fixed.
   */
  reportOnly?: boolean;
}

/**
 * What the thread that merges and reports reads of a finding whose JSON is already rendered: its
 * rule, category and severity (disables, exit status, --quiet) and its place (order). The message
 * and fixes are left empty: they are in the rendered JSON.
 */
export function leanFinding(f: Finding): Finding {
  return { rule: f.rule, category: f.category, severity: f.severity, message: '', offset: f.offset, length: f.length, fixes: [] };
}

/** What the analysis of one draft gave, minus the parsed document (it stays where it was parsed). */
export type DraftOutcome = Omit<AnalysisResult, 'document'> & {
  /** Rules that threw on this draft, with the error's stack (the other rules still reported). */
  ruleErrors: { rule: string; error: string }[];
  /** With `render: 'json'`: the findings' report JSON, in the order of `findings` (format/json.ts). */
  json?: RenderedFindings;
};

/** Analyses one draft with the workspace facts; rule failures are collected, not thrown. */
export function analyseOne(job: DraftJob, workspace: WorkspaceFacts | undefined): DraftOutcome {
  const ruleErrors: DraftOutcome['ruleErrors'] = [];
  const { findings, unusedDisables } = analyse(job.text, {
    languageId: job.languageId,
    path: job.path,
    config: job.config,
    workspace,
    ...(job.part ? { part: new Set(job.part), blockRange: job.blockRange } : {}),
    onRuleError: (rule, error) => ruleErrors.push({ rule, error: String((error as Error)?.stack ?? error) }),
  });
  // The parsed document is not sent back: the caller has the text, and copying it would cost.
  return { findings, unusedDisables, ruleErrors, ...(job.render === 'json' ? { json: renderFindings(job.text, findings) } : {}) };
}
