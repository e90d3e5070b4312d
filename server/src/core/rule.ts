/** The one shape every check has. A check is a module exporting one `Rule`. */
import type { Block, ParsedDocument } from './document.js';
import type { ResolvedConfig } from './config.js';
import type { Category, RawFinding, Severity } from './types.js';

export interface RuleMeta {
  /** Stable kebab-case id; also the file name under rules/ and the docs page name. */
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One line for tables and settings. */
  description: string;
  /** True when the rule offers fixes. */
  fixable: boolean;
}

export interface RuleContext {
  config: ResolvedConfig;
  /** Path of the document, when it has one (used for cross-file facts). */
  path?: string;
  /** Facts from other drafts of the workspace, when the adapter has indexed them. */
  workspace?: WorkspaceFacts;
  /**
   * Remembers per-block work of a document rule across analyses of the same draft: `compute` runs
   * only when `key` (usually a block's text) was not seen in a recent analysis, so a keystroke
   * redoes only the changed paragraph. Entries that analyses stop using are dropped before they
   * outnumber the used ones. `namespace` keeps rules apart. Values must be treated as immutable
   * (a value may be a cache of its own, for work that depends on the key and more: see
   * repeated-text's spans). Performance: a key that is an unchanged block's `text` costs no
   * hashing (the engine hands the block the very string object of the last analysis).
   */
  memo<T>(namespace: string, key: string, compute: () => T): T;
  /**
   * Whether this analysis is kept for a next one of the same draft (an editor's document). When it
   * is not (a CLI run), memoising per-block work only costs: a rule may then skip `memo`.
   */
  incremental: boolean;
}

/** What other drafts of the workspace contain, as the boilerplate rules need it. */
export interface WorkspaceFacts {
  /** Other files that contain the normalised paragraph or sentence `key`. */
  filesSharing(key: string, exceptPath?: string): string[];
  /** Where other files contain `key` (one place per file), for related information. Read only: answers may be shared. */
  locationsSharing?(key: string, exceptPath?: string): readonly SharedLocation[];
}

/** A place in another draft of the workspace. */
export interface SharedLocation {
  path: string;
  offset: number;
  length: number;
}

/** A rule that looks at one block at a time; its results are cached per block text. */
export interface BlockRule extends RuleMeta {
  scope: 'block';
  /** Offsets in findings and fix edits are relative to `block.offset`. */
  analyse(block: Block, ctx: RuleContext): RawFinding[];
}

/** A rule that needs the whole draft (repeats, references to earlier names). */
export interface DocumentRule extends RuleMeta {
  scope: 'document';
  /** Offsets in findings and fix edits are document offsets. */
  analyse(doc: ParsedDocument, ctx: RuleContext): RawFinding[];
}

export type Rule = BlockRule | DocumentRule;

/** Documentation URL of a rule, used as the diagnostic's codeDescription. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/copydesk/copydesk/blob/main/docs/rules/${id}.md`;
}
