/** VS Code settings (`copydesk.*`) normalised into the core's configuration. */
import { CATEGORIES, SEVERITIES, defaultConfig, type ResolvedConfig, type RuleSetting } from '../core/index.js';

export interface ServerSettings {
  enable: boolean;
  config: ResolvedConfig;
  maxFileSizeKB: number;
  run: 'onType' | 'onSave';
}

const CATEGORY_KEYS = { hedge: 'hedge', 'unsourced-quote': 'unsourcedQuote', boilerplate: 'boilerplate' } as const;

/** Turns whatever the client sent (possibly partial or malformed) into usable settings. */
export function normaliseSettings(raw: unknown, base: ResolvedConfig = defaultConfig()): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const config: ResolvedConfig = {
    categories: { ...base.categories },
    rules: { ...base.rules },
    allowWords: [...base.allowWords],
    allowBoilerplate: [...base.allowBoilerplate],
  };
  for (const c of CATEGORIES) {
    const section = r[CATEGORY_KEYS[c]];
    // Settings always carry their defaults, so a category is on only when both the team's config
    // file and the user's settings leave it on.
    if (section && typeof section === 'object' && (section as { enable?: unknown }).enable === false) {
      config.categories[c] = false;
    }
  }
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && (v === 'off' || (SEVERITIES as readonly string[]).includes(v))) config.rules[id] = v as RuleSetting;
    }
  }
  config.allowWords.push(...strings(r.allowWords));
  config.allowBoilerplate.push(...strings(r.allowBoilerplate));
  const max = typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : 1024;
  return { enable: r.enable !== false, config, maxFileSizeKB: max, run: r.run === 'onSave' ? 'onSave' : 'onType' };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
