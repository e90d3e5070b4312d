/**
 * Shared types of the analysis core. The core is a pure library: text in, findings out.
 * Nothing here may import `vscode`, the LSP packages or `node:fs` (ESLint enforces it).
 */

export type Category = 'hedge' | 'unsourced-quote' | 'boilerplate';
export const CATEGORIES: readonly Category[] = ['hedge', 'unsourced-quote', 'boilerplate'];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type LanguageId = 'markdown' | 'plaintext';

/** A replacement of `length` UTF-16 code units at `offset` (document coordinates) by `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A quick fix: edits applied together. `preferred` fixes are what fix-all and `--fix` apply. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

/** A place elsewhere (this draft, or another file of the workspace) that explains a finding. */
export interface RelatedLocation {
  /** Absent: the same document. */
  path?: string;
  offset: number;
  length: number;
  message: string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  message: string;
  /** UTF-16 offset into the document text. */
  offset: number;
  /** UTF-16 length of the flagged range. */
  length: number;
  fixes: Fix[];
  related?: RelatedLocation[];
  /** Rule-specific facts that adapters may show (e.g. the speaker of a quotation). */
  data?: Record<string, string | number | boolean | null>;
}

/** What a rule reports; the engine fills in category and severity from the registry and config. */
export interface RawFinding {
  message: string;
  offset: number;
  length: number;
  fixes?: Fix[];
  related?: RelatedLocation[];
  data?: Finding['data'];
  /** Overrides the rule's severity for this one finding (e.g. an information-level summary). */
  severity?: Severity;
}
