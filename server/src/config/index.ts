/**
 * Team configuration files: `.copydeskrc.json` or `copydesk.config.json`, found by walking up from
 * each draft. The CLI and the language server both read them through this module (it uses
 * node:fs, so it lives outside the pure core). Files cascade: the nearest file wins over the ones
 * above it, and a file with `"root": true` stops the walk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CATEGORIES, SEVERITIES, RULES, defaultConfig, type Category, type ResolvedConfig, type RuleSetting } from '../core/index.js';
import { JsonError, parseJsonWithPositions, type Located } from './json.js';

/** Names looked for in each directory, in order of precedence. */
export const CONFIG_FILE_NAMES = ['.copydeskrc.json', 'copydesk.config.json'] as const;

/** Extensions of the drafts checked when a directory is walked and no `files` patterns are set. */
export const DEFAULT_FILES = ['*.md', '*.markdown', '*.mdx', '*.txt', '*.text'];

/** What a config file may contain (see schemas/copydeskrc.schema.json). */
export interface ConfigData {
  $schema?: string;
  root?: boolean;
  categories?: Partial<Record<Category, boolean>>;
  rules?: Record<string, RuleSetting>;
  allowWords?: string[];
  allowBoilerplate?: string[];
  files?: string[];
  ignore?: string[];
}

export interface ConfigFile {
  path: string;
  data: ConfigData;
}

/** A config file that cannot be read, parsed or validated; `toString()` gives `file:line:column: message`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'ConfigError';
  }
}

const KEYS = ['$schema', 'root', 'categories', 'rules', 'allowWords', 'allowBoilerplate', 'files', 'ignore'];
const SETTINGS = [...SEVERITIES, 'off'];

/** Parses and validates the text of a config file; throws ConfigError naming the first problem's position. */
export function parseConfig(text: string, path: string): ConfigFile {
  let parsed;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (e) {
    if (e instanceof JsonError) throw new ConfigError(path, e.line, e.column, `invalid JSON: ${e.message}`);
    throw e;
  }
  const at = (pointer: string, key = false): Located =>
    (key ? parsed.keyPositions.get(pointer) : undefined) ?? parsed.positions.get(pointer) ?? { line: 1, column: 1 };
  const fail = (pointer: string, reason: string, key = false): never => {
    const p = at(pointer, key);
    throw new ConfigError(path, p.line, p.column, reason);
  };
  const v = parsed.value;
  if (!isObject(v)) return fail('', 'the configuration must be a JSON object');
  for (const k of Object.keys(v)) {
    if (!KEYS.includes(k)) fail(`/${esc(k)}`, `unknown property "${k}" (allowed: ${KEYS.filter((x) => x !== '$schema').join(', ')})`, true);
  }
  if (v.$schema !== undefined && typeof v.$schema !== 'string') fail('/$schema', '"$schema" must be a string');
  if (v.root !== undefined && typeof v.root !== 'boolean') fail('/root', '"root" must be true or false');
  if (v.categories !== undefined) {
    if (!isObject(v.categories)) fail('/categories', '"categories" must be an object such as {"hedge": false}');
    for (const [k, x] of Object.entries(v.categories as object)) {
      if (!(CATEGORIES as readonly string[]).includes(k)) fail(`/categories/${esc(k)}`, `unknown category "${k}" (known: ${CATEGORIES.join(', ')})`, true);
      if (typeof x !== 'boolean') fail(`/categories/${esc(k)}`, `category "${k}" must be true (on) or false (off)`);
    }
  }
  if (v.rules !== undefined) {
    if (!isObject(v.rules)) fail('/rules', '"rules" must be an object such as {"hedge-word": "warning"}');
    const known = RULES.map((r) => r.id);
    for (const [k, x] of Object.entries(v.rules as object)) {
      if (!known.includes(k)) fail(`/rules/${esc(k)}`, `unknown rule "${k}" (known: ${known.join(', ')})`, true);
      if (typeof x !== 'string' || !SETTINGS.includes(x)) fail(`/rules/${esc(k)}`, `rule "${k}" must be one of ${SETTINGS.map((s) => `"${s}"`).join(', ')}`);
    }
  }
  for (const k of ['allowWords', 'allowBoilerplate', 'files', 'ignore'] as const) {
    const list = v[k];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`/${k}`, `"${k}" must be an array of strings`);
    (list as unknown[]).forEach((x, n) => {
      if (typeof x !== 'string' || x.trim() === '') fail(`/${k}/${n}`, `"${k}" entries must be non-empty strings`);
    });
  }
  return { path, data: v as ConfigData };
}

/** Reads and validates one config file. */
export function loadConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(path, 1, 1, `cannot read the configuration: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseConfig(text, path);
}

/** Applies one config file's settings over `base` (lists are added to, maps are overridden). */
export function mergeConfig(base: ResolvedConfig, data: ConfigData): ResolvedConfig {
  return {
    categories: { ...base.categories, ...data.categories },
    rules: { ...base.rules, ...data.rules },
    allowWords: [...base.allowWords, ...(data.allowWords ?? [])],
    allowBoilerplate: [...base.allowBoilerplate, ...(data.allowBoilerplate ?? [])],
  };
}

/** The configuration in force for one file, with the files it came from (outermost first). */
export interface FileConfig {
  config: ResolvedConfig;
  files: ConfigFile[];
}

/**
 * Finds, loads and merges config files, caching per directory, so checking a thousand drafts in one
 * folder reads its config once. Errors are thrown as ConfigError. Call `clear()` when a config
 * file changes (the language server does so on file events).
 */
export class ConfigLoader {
  private readonly chains = new Map<string, ConfigFile[]>();
  private readonly matchers = new Map<string, Ignore>();

  constructor(private readonly options: { base?: ResolvedConfig; explicit?: string } = {}) {}

  /** Forgets every loaded file. */
  clear(): void {
    this.chains.clear();
    this.matchers.clear();
  }

  /** The config files that apply in `dir`, outermost first (only `explicit` when one was given). */
  chainFor(dir: string): ConfigFile[] {
    const abs = resolve(dir);
    const hit = this.chains.get(abs);
    if (hit) return hit;
    let chain: ConfigFile[];
    if (this.options.explicit) chain = [this.loadExplicit()];
    else {
      const here = this.fileIn(abs);
      const parent = dirname(abs);
      if (here?.data.root) chain = [here];
      else {
        const above = parent === abs ? [] : this.chainFor(parent);
        chain = here ? [...above, here] : above;
      }
    }
    this.chains.set(abs, chain);
    return chain;
  }

  /** The merged configuration for the file at `path`. */
  forFile(path: string): FileConfig {
    const files = this.chainFor(dirname(resolve(path)));
    let config = this.options.base ?? defaultConfig();
    for (const f of files) config = mergeConfig(config, f.data);
    return { config, files };
  }

  /**
   * Whether a file met while walking a directory is a draft to check: it matches the nearest
   * `files` patterns (or the default extensions) and no `ignore` pattern of its config files.
   */
  wantsFile(path: string): boolean {
    const abs = resolve(path);
    const chain = this.chainFor(dirname(abs));
    const withFiles = [...chain].reverse().find((f) => f.data.files?.length);
    const patterns = withFiles ? this.matcher(withFiles, 'files') : undefined;
    if (patterns) {
      if (!patterns.ignores(rel(withFiles!.path, abs))) return false;
    } else if (!/\.(md|markdown|mdx|txt|text)$/i.test(abs)) return false;
    return !this.isIgnored(abs);
  }

  /** Whether any applicable config's `ignore` patterns exclude `path` (a file or a directory). */
  isIgnored(path: string, isDir = false): boolean {
    const abs = resolve(path);
    for (const f of this.chainFor(isDir ? abs : dirname(abs))) {
      if (!f.data.ignore?.length) continue;
      const r = rel(f.path, abs);
      if (r === '' || r.startsWith('..')) continue;
      if (this.matcher(f, 'ignore').ignores(isDir ? `${r}/` : r)) return true;
    }
    return false;
  }

  private matcher(f: ConfigFile, key: 'files' | 'ignore'): Ignore {
    const id = `${key}\u0000${f.path}`;
    let m = this.matchers.get(id);
    if (!m) this.matchers.set(id, (m = ignore().add(f.data[key] ?? [])));
    return m;
  }

  private loadExplicit(): ConfigFile {
    return loadConfigFile(resolve(this.options.explicit!));
  }

  private fileIn(dir: string): ConfigFile | undefined {
    const present = CONFIG_FILE_NAMES.map((n) => join(dir, n)).filter((p) => existsSync(p));
    if (present.length > 1) {
      throw new ConfigError(present[1]!, 1, 1, `two configuration files in one folder; keep one (${present.join(' and ')})`);
    }
    return present[0] ? loadConfigFile(present[0]) : undefined;
  }
}

function rel(configPath: string, abs: string): string {
  return relative(dirname(configPath), abs).split(sep).join('/');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function esc(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}
