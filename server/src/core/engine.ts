/**
 * Runs the registered rules over a draft. Block rules are cached per block text, so after an edit
 * only the changed paragraphs are analysed again; document rules run over the parsed draft.
 * A rule that throws is isolated: its error is reported through `onRuleError` and the others run.
 */
import { detach, parseDocument, type Block, type ParsedDocument } from './document.js';
import { defaultConfig, type ResolvedConfig } from './config.js';
import { RULES } from './rules/index.js';
import type { BlockRule, Rule, RuleContext, WorkspaceFacts } from './rule.js';
import type { Finding, LanguageId, RawFinding } from './types.js';
import { CATEGORIES } from './types.js';
import { applyDisables, type UnusedDisable } from './disables.js';

export interface AnalyseOptions {
  languageId: LanguageId;
  config?: ResolvedConfig;
  path?: string;
  workspace?: WorkspaceFacts;
  /** Called once per rule failure; the failing rule contributes nothing for this run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * Only these of the enabled rules (by id): parts of one draft's rules can run at the same time
   * (on two threads) and `mergeParts` puts them together into exactly what one analysis gives. A
   * part's findings are neither sorted nor filtered by disable comments.
   */
  part?: ReadonlySet<string>;
  /**
   * With `part`: the block rules run only on the blocks that start in [from, to) (document
   * offsets), so one draft's block rules can be shared out between threads by place, each block in
   * exactly one part. Document rules are not affected.
   */
  blockRange?: { from: number; to: number };
}

export interface AnalysisResult {
  findings: Finding[];
  document: ParsedDocument;
  /** `<!-- copydesk-disable … -->` comments that silenced nothing (for --report-unused-disables). */
  unusedDisables: UnusedDisable[];
}

/** Analyses one draft without a cache (nothing is kept for a next analysis). */
export function analyse(text: string, options: AnalyseOptions): AnalysisResult {
  return new Analyzer({ retain: false }).analyse(text, options);
}

/**
 * Holds the per-block cache of one document. Adapters keep one Analyzer per open document, never
 * one shared by all, so one draft's cache cannot grow with another's.
 */
export class Analyzer {
  private cache = new Map<string, BlockEntry[]>();
  private cacheConfig: ResolvedConfig | undefined;
  /**
   * Per-block work of document rules (see RuleContext.memo), by namespace then key. Each entry is
   * stamped with the last analysis that used it; entries no analysis uses are swept once they
   * outnumber the used ones, so the memo stays within about twice what one analysis needs.
   */
  private memo = new Map<string, MemoSpace>();
  /** Stamp of the current (or last) analysis. */
  private generation = 0;

  private usingDefault = false;
  /** The block texts of the last analysis, in order (see `analyse`). */
  private texts: string[] = [];

  /**
   * `retain: false` is for one analysis only (the CLI): the per-block work of a document rule is
   * let go as soon as the rule is done, so a 1M-word draft never holds every rule's memo at once.
   */
  constructor(private readonly options: { retain?: boolean } = {}) {}

  /** Number of blocks the block rules analysed in the last call (what the cache did not answer). */
  lastMisses = 0;

  analyse(text: string, options: AnalyseOptions): AnalysisResult {
    // Without a config, the same default object every time, so the cache survives between calls.
    const config = options.config ?? (this.cacheConfig && !options.config && this.usingDefault ? this.cacheConfig : defaultConfig());
    this.usingDefault = !options.config;
    if (config !== this.cacheConfig) {
      this.cache.clear();
      this.cacheConfig = config;
    }
    const doc = parseDocument(text, options.languageId);
    // A part of the rules (see `part`) neither reads nor replaces the caches of whole analyses.
    const retain = this.options.retain !== false && !options.part;
    if (retain) {
      // Performance: each unchanged paragraph gets the very string object it had in the last
      // analysis, so every memo keyed by a block's text finds it by identity (its hash is cached
      // with the string), instead of hashing and comparing the paragraph's characters again.
      // An edit leaves the paragraphs before it where they were, and after it most often too (a
      // keystroke moves none): each block is first compared with the one at its place last time
      // (no hashing), and only the others are looked up by text, in a map of the last texts made
      // on the first such block (their hashes are cached, so only the new text is hashed).
      const last = this.texts;
      let byText: Map<string, string> | undefined;
      const texts: string[] = new Array(doc.blocks.length);
      for (let i = 0; i < doc.blocks.length; i++) {
        const block = doc.blocks[i]!;
        const here = last[i];
        if (here !== undefined && here === block.text) block.text = here;
        else {
          byText ??= new Map(last.map((t) => [t, t]));
          const same = byText.get(block.text);
          if (same !== undefined) block.text = same;
        }
        texts[i] = block.text;
      }
      this.texts = texts;
    }
    // A part of the rules, or an analysis that is not kept, has a memo of its own.
    const store = retain ? this.memo : new Map<string, MemoSpace>();
    const generation = ++this.generation;
    const ctx: RuleContext = {
      config,
      incremental: retain,
      path: options.path,
      workspace: options.workspace,
      // Performance: an entry kept from an earlier analysis is re-stamped in place, not copied into
      // a new map: a keystroke makes a few thousand look-ups and a handful of new entries.
      memo: <T>(namespace: string, key: string, compute: () => T): T => {
        let space = store.get(namespace);
        if (!space) store.set(namespace, (space = { entries: new Map(), used: 0, generation }));
        if (space.generation !== generation) {
          space.generation = generation;
          space.used = 0;
        }
        let entry = space.entries.get(key);
        // A kept key is a copy: a slice of the draft would keep this version of it alive.
        if (entry === undefined) space.entries.set(retain ? detach(key) : key, (entry = { value: compute(), generation }));
        else if (entry.generation === generation) return entry.value as T;
        else entry.generation = generation;
        space.used++;
        return entry.value as T;
      },
    };
    const findings: Finding[] = [];
    const next = new Map<string, BlockEntry[]>();
    this.lastMisses = 0;
    // A rule failing on many blocks is reported once per analysis, not once per block.
    const failed = new Set<string>();
    const report: AnalyseOptions = {
      ...options,
      onRuleError: (id, error) => {
        if (failed.has(id)) return;
        failed.add(id);
        options.onRuleError?.(id, error);
      },
    };
    const part = options.part;
    const rules = part ? enabledRules(config).filter((r) => part.has(r.id)) : enabledRules(config);
    const blockRules = rules.filter((r): r is BlockRule => r.scope === 'block');
    // Performance: block by block, every block rule in turn, with one cache entry per block (the
    // findings of each block rule), so a keystroke looks up each unchanged paragraph once, and a
    // block's tokens are still at hand for the next rule.
    const range = part ? options.blockRange : undefined;
    for (const block of blockRules.length ? doc.blocks : []) {
      if (range && (block.offset < range.from || block.offset >= range.to)) continue;
      // Keyed by the text, then by the rest of what a block rule may read of the block.
      const same = (e: BlockEntry) => e.kind === block.kind && e.quoteDepth === block.quoteDepth && e.inList === block.inList;
      let entries = next.get(block.text);
      let raws = entries?.find(same)?.raws;
      if (!raws) {
        raws = options.part ? undefined : this.cache.get(block.text)?.find(same)?.raws;
        if (!raws) {
          this.lastMisses++;
          raws = blockRules.map((rule) => run(rule, report, () => rule.analyse(block, ctx)));
        }
        if (!entries) next.set(block.text, (entries = []));
        entries.push({ kind: block.kind, quoteDepth: block.quoteDepth, inList: block.inList, raws });
      }
      for (let i = 0; i < blockRules.length; i++) {
        const raw = raws[i]!;
        for (let k = 0; k < raw.length; k++) findings.push(toFinding(blockRules[i]!, config, raw[k]!, block.offset));
      }
    }
    for (const rule of rules) {
      if (rule.scope !== 'document') continue;
      for (const r of run(rule, report, () => rule.analyse(doc, ctx))) findings.push(toFinding(rule, config, r));
      if (!retain) store.clear();
    }
    // Only blocks of the current text stay cached: the cache never outgrows the draft.
    if (!options.part) this.cache = retain ? next : new Map();
    if (retain) sweep(this.memo, generation);
    if (options.part) return { findings, document: doc, unusedDisables: [] };
    return { ...finish(text, options.languageId, findings), document: doc };
  }
}

/**
 * Puts together the parts of one draft analysed apart (options `part`: each enabled document rule
 * in exactly one part, and each block rule's blocks too, through `blockRange`; the same text and
 * config): the same findings, in the same order, as one analysis. The order of the parts does not
 * matter: findings are ordered by place, then rule, and a rule's own findings keep their order (two
 * of one rule's findings at one place come from one block, so from one part).
 */
export function mergeParts(text: string, languageId: LanguageId, parts: readonly (readonly Finding[])[]): Omit<AnalysisResult, 'document'> {
  return finish(text, languageId, parts.flat());
}

/** Orders the findings (by place, then rule; a rule's own ties keep their order) and applies inline disables. */
function finish(text: string, languageId: LanguageId, findings: Finding[]): Omit<AnalysisResult, 'document'> {
  findings.sort((a, b) => a.offset - b.offset || a.length - b.length || a.rule.localeCompare(b.rule));
  // Inline disable comments filter the result, so every adapter honours them the same way.
  const known = new Set<string>([...RULES.map((r) => r.id), ...CATEGORIES]);
  const { findings: kept, unused } = applyDisables(text, findings, { languageId, known });
  return { findings: kept, unusedDisables: unused };
}

/** One namespace of RuleContext.memo: its entries and how many the analysis `generation` used. */
interface MemoSpace {
  entries: Map<string, { value: unknown; generation: number }>;
  used: number;
  generation: number;
}

/**
 * Drops what the analysis `generation` did not use, in the namespaces where unused entries are more
 * than the used ones (and a namespace it did not use at all): memory stays bounded by what recent
 * versions of the draft need, and the cost of a sweep is spread over the analyses before it.
 */
function sweep(memo: Map<string, MemoSpace>, generation: number): void {
  for (const [namespace, space] of memo) {
    if (space.generation !== generation) {
      memo.delete(namespace);
      continue;
    }
    if (space.entries.size <= 2 * space.used + 16) continue;
    for (const [key, entry] of space.entries) if (entry.generation !== generation) space.entries.delete(key);
  }
}

/** The findings of each block rule on a block of this kind, depth and list membership. */
interface BlockEntry {
  kind: Block['kind'];
  quoteDepth: number;
  inList: boolean;
  raws: RawFinding[][];
}

/** The rules that are on under `config`. */
export function enabledRules(config: ResolvedConfig): Rule[] {
  return RULES.filter((r) => config.categories[r.category] !== false && config.rules[r.id] !== 'off');
}

function run(rule: Rule, options: AnalyseOptions, fn: () => RawFinding[]): RawFinding[] {
  try {
    return fn();
  } catch (error) {
    options.onRuleError?.(rule.id, error);
    return [];
  }
}

/**
 * The finding of `rule` for `r`. A block rule's offsets are relative to its block: `d` is the block's
 * offset, and its fixes are copied (the cached raw finding is never shared). Document rules: no `d`.
 */
function toFinding(rule: Rule, config: ResolvedConfig, r: RawFinding, d?: number): Finding {
  const setting = config.rules[rule.id];
  const severity = r.severity ?? (setting && setting !== 'off' ? setting : rule.defaultSeverity);
  const f: Finding = {
    rule: rule.id,
    category: rule.category,
    severity,
    message: r.message,
    offset: r.offset + (d ?? 0),
    length: r.length,
    fixes: !r.fixes ? [] : d === undefined ? r.fixes : r.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, offset: e.offset + d })) })),
  };
  const related = d === undefined ? r.related : r.related?.map((x) => (x.path === undefined ? { ...x, offset: x.offset + d } : x));
  if (related?.length) f.related = related;
  if (r.data) f.data = r.data;
  return f;
}
