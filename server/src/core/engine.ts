/**
 * Runs the registered rules over a draft. Block rules are cached per block text, so after an edit
 * only the changed paragraphs are analysed again; document rules run over the parsed draft.
 * A rule that throws is isolated: its error is reported through `onRuleError` and the others run.
 */
import { parseDocument, type Block, type ParsedDocument } from './document.js';
import { defaultConfig, type ResolvedConfig } from './config.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleContext, WorkspaceFacts } from './rule.js';
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
}

export interface AnalysisResult {
  findings: Finding[];
  document: ParsedDocument;
  /** `<!-- copydesk-disable … -->` comments that silenced nothing (for --report-unused-disables). */
  unusedDisables: UnusedDisable[];
}

/** Analyses one draft without a cache. */
export function analyse(text: string, options: AnalyseOptions): AnalysisResult {
  return new Analyzer().analyse(text, options);
}

/**
 * Holds the per-block cache of one document. Adapters keep one Analyzer per open document, never
 * one shared by all, so one draft's cache cannot grow with another's.
 */
export class Analyzer {
  private cache = new Map<string, RawFinding[]>();
  private cacheConfig: ResolvedConfig | undefined;
  /** Per-block work of document rules (see RuleContext.memo), kept like the block cache. */
  private memo = new Map<string, Map<string, unknown>>();

  private usingDefault = false;

  /** Number of block analyses run by the last call (what the cache did not answer). */
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
    const previousMemo = this.memo;
    const nextMemo = new Map<string, Map<string, unknown>>();
    const ctx: RuleContext = {
      config,
      path: options.path,
      workspace: options.workspace,
      // One map per namespace: a lookup hashes the key alone, with no joined string to build.
      memo: <T>(namespace: string, key: string, compute: () => T): T => {
        let next = nextMemo.get(namespace);
        if (!next) nextMemo.set(namespace, (next = new Map()));
        if (next.has(key)) return next.get(key) as T;
        const previous = previousMemo.get(namespace);
        const value = previous?.has(key) ? (previous.get(key) as T) : compute();
        next.set(key, value);
        return value;
      },
    };
    const findings: Finding[] = [];
    const next = new Map<string, RawFinding[]>();
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
    for (const rule of enabledRules(config)) {
      if (rule.scope === 'block') {
        for (const block of doc.blocks) {
          const key = `${rule.id}\u0000${block.kind}\u0000${block.quoteDepth}\u0000${block.inList}\u0000${block.text}`;
          let raw = next.get(key) ?? this.cache.get(key);
          if (!raw) {
            this.lastMisses++;
            raw = run(rule, report, () => rule.analyse(block, ctx));
          }
          next.set(key, raw);
          for (const r of raw) findings.push(toFinding(rule, config, shift(r, block)));
        }
      } else {
        for (const r of run(rule, report, () => rule.analyse(doc, ctx))) findings.push(toFinding(rule, config, r));
      }
    }
    // Only blocks of the current text stay cached: the cache never outgrows the draft.
    this.cache = next;
    this.memo = nextMemo;
    findings.sort((a, b) => a.offset - b.offset || a.length - b.length || a.rule.localeCompare(b.rule));
    // Inline disable comments filter the result, so every adapter honours them the same way.
    const known = new Set<string>([...RULES.map((r) => r.id), ...CATEGORIES]);
    const { findings: kept, unused } = applyDisables(text, findings, { languageId: options.languageId, known });
    return { findings: kept, document: doc, unusedDisables: unused };
  }
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

function shift(r: RawFinding, block: Block): RawFinding {
  const d = block.offset;
  return {
    ...r,
    offset: r.offset + d,
    fixes: r.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, offset: e.offset + d })) })),
    related: r.related?.map((x) => (x.path === undefined ? { ...x, offset: x.offset + d } : x)),
  };
}

function toFinding(rule: Rule, config: ResolvedConfig, r: RawFinding): Finding {
  const setting = config.rules[rule.id];
  const severity = r.severity ?? (setting && setting !== 'off' ? setting : rule.defaultSeverity);
  const f: Finding = {
    rule: rule.id,
    category: rule.category,
    severity,
    message: r.message,
    offset: r.offset,
    length: r.length,
    fixes: r.fixes ?? [],
  };
  if (r.related?.length) f.related = r.related;
  if (r.data) f.data = r.data;
  return f;
}
