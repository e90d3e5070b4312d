/**
 * `--cache`: results of unchanged drafts are taken from a cache file instead of analysing again.
 * An entry is valid when the draft's content hash, its resolved config, the facts other drafts
 * contribute (shared paragraphs) and the tool itself are all unchanged, like ESLint's cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../core/index.js';
import type { UnusedDisable } from '../core/disables.js';
import { VERSION } from './version.js';

interface Entry {
  key: string;
  findings: Finding[];
  unused: UnusedDisable[];
}

interface CacheFile {
  tool: string;
  entries: Record<string, Entry>;
}

/**
 * The version plus the running code's size and date: a rebuilt tool (a new lexicon) must not
 * reuse results computed by the old one, even before the version number changes.
 */
function toolFingerprint(): string {
  let code = '';
  try {
    const self = fileURLToPath(import.meta.url);
    const s = statSync(self);
    code = `${s.size}:${s.mtimeMs}`;
  } catch {
    // Running from somewhere without a file (an eval): the version alone keys the cache.
  }
  return `${VERSION}:${code}`;
}

export function sha256(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

export class ResultCache {
  private data: CacheFile;
  private readonly tool = toolFingerprint();
  private dirty = false;
  /** Entries of drafts checked this run; the rest are dropped on save so the file cannot grow forever. */
  private readonly seen = new Set<string>();

  constructor(private readonly location: string) {
    this.data = { tool: this.tool, entries: {} };
    try {
      const parsed = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (parsed && parsed.tool === this.tool && typeof parsed.entries === 'object') this.data = parsed;
      else this.dirty = true;
    } catch {
      // No cache yet, or an unreadable one: start afresh; it is rewritten on save.
      this.dirty = true;
    }
  }

  get(path: string, key: string): Entry | undefined {
    const id = resolve(path);
    this.seen.add(id);
    const e = this.data.entries[id];
    return e && e.key === key ? e : undefined;
  }

  set(path: string, key: string, findings: Finding[], unused: UnusedDisable[]): void {
    const id = resolve(path);
    this.seen.add(id);
    this.data.entries[id] = { key, findings, unused };
    this.dirty = true;
  }

  /** Writes the cache atomically (temp file and rename), keeping only the drafts of this run. */
  async save(): Promise<void> {
    const entries: Record<string, Entry> = {};
    for (const id of this.seen) if (this.data.entries[id]) entries[id] = this.data.entries[id]!;
    if (!this.dirty && Object.keys(entries).length === Object.keys(this.data.entries).length) return;
    const tmp = join(dirname(resolve(this.location)), `.${basename(this.location)}.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify({ tool: this.tool, entries }));
    await rename(tmp, this.location);
  }
}
