/**
 * Text normalisation shared by the boilerplate checks, and the workspace index: which paragraphs
 * and sentences each draft of the workspace contains, so a draft can be told that another draft
 * carries the same text. Pure: adapters read the files and feed the text in.
 */
import { parseDocument } from './document.js';
import { TextMemo } from './text-memo.js';
import type { WorkspaceFacts, SharedLocation } from './rule.js';
import type { LanguageId } from './types.js';
// Keys are stored hashed so the index stays small.
import { hash53, hash53Joined } from './hash.js';

export { hash53, hash53Joined };

/** A word of a text with its offsets and its normalised form (case and small inflections aside). */
export interface NormWord {
  start: number;
  end: number;
  norm: string;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * Folds case, possessives and the commonest English inflections, so "Delays the Release" and
 * "delay the release" compare equal. Deliberately crude: it only has to map the variants of one
 * word onto the same key, not produce a dictionary form.
 */
export function stem(word: string): string {
  // String tests rather than regular expressions: this runs once per word of every draft.
  let w = word.toLowerCase();
  if (w.includes('’')) w = w.replaceAll('’', "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("s'")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes') || w.endsWith('sses') || w.endsWith('zes'))) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** The words of `text` (offsets shifted by `base`), normalised with `stem`. */
export function normWords(text: string, base = 0): NormWord[] {
  const out: NormWord[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length, norm: stem(m[0]) });
  }
  return out;
}

/** The normalised key of a stretch of text: its stemmed words joined by single spaces. */
export function normKey(text: string): string {
  return joinNorms(normWords(text));
}

/**
 * The normalised keys of the configured `allowBoilerplate` texts, empty ones left out (the three
 * boilerplate rules compare their finds with these). A loop, not map().filter(): see joinNorms.
 */
export function allowedBoilerplateKeys(texts: readonly string[]): string[] {
  const keys: string[] = [];
  for (const t of texts) {
    const key = normKey(t);
    if (key) keys.push(key);
  }
  return keys;
}

/** Sentence ranges of a block's text: ends after . ! ? (and closing quotes) before a space, or at a line break. */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[.!?…]+["”’')\]]*(?=\s)|\r?\n/g;
  let start = 0;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: from + lead, end: from + lead + body.length });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m[0].startsWith('\n') || m[0].startsWith('\r') ? m.index : m.index + m[0].length;
    // "Mr. Smith", "U.S. officials": an abbreviation followed by a capitalised name is no end.
    if (!/\n/.test(m[0]) && /(?:\b[A-Z][a-z]?|\b[A-Z]\.[A-Z])\.$/.test(text.slice(Math.max(0, end - 4), end)) && m[0] === '.') continue;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}


/** Sentences shorter than this are too generic to count as shared boilerplate. */
export const MIN_SHARED_WORDS = 8;

/** A paragraph or sentence that may be shared between drafts, with its normalised key. */
export interface ShareUnit {
  kind: 'paragraph' | 'sentence';
  key: string;
  offset: number;
  length: number;
}

/**
 * The paragraphs and sentences of a draft that the workspace index compares: every prose block
 * and every sentence of at least MIN_SHARED_WORDS words (single-sentence blocks only once).
 */
export function shareUnits(blocks: readonly { offset: number; text: string }[]): ShareUnit[] {
  const out: ShareUnit[] = [];
  for (const b of blocks) {
    const units = blockShareUnits(b.text);
    // Units are kept relative to their block, which moves when the text above it changes.
    for (const u of units) out.push({ kind: u.kind, key: u.key, offset: b.offset + u.offset, length: u.length });
  }
  return out;
}

/**
 * Performance: a draft's units are worked out when it is indexed and again when shared-boilerplate
 * analyses it (the CLI does both for each draft, on the same thread): kept by paragraph text.
 */
const unitsMemo = new TextMemo<readonly ShareUnit[]>(20_000);

/** shareUnits of one block, with offsets relative to the block (shared: treat as read-only). */
export function blockShareUnits(text: string): readonly ShareUnit[] {
  return unitsMemo.get(text, computeBlockShareUnits);
}

function computeBlockShareUnits(text: string): ShareUnit[] {
  const out: ShareUnit[] = [];
  const words = normWords(text);
  if (words.length >= MIN_SHARED_WORDS) {
    out.push({ kind: 'paragraph', key: joinNorms(words), offset: 0, length: text.length });
  }
  const sentences = sentenceRanges(text);
  if (sentences.length < 2) return out;
  // A sentence starts after white space and ends before it (see sentenceRanges), and no word spans
  // white space: its words are the paragraph's words inside it, not normalised again.
  let w = 0;
  for (const s of sentences) {
    while (w < words.length && words[w]!.start < s.start) w++;
    const first = w;
    while (w < words.length && words[w]!.end <= s.end) w++;
    if (w - first < MIN_SHARED_WORDS) continue;
    out.push({ kind: 'sentence', key: joinNorms(words, first, w), offset: s.start, length: s.end - s.start });
  }
  return out;
}

/**
 * The norms of `words` joined by single spaces (what normKey gives). A loop rather than
 * map().join(): the array that an optimised map() makes is not of the kind the interpreted one
 * makes, and the join() after it sent the callers back to be compiled again.
 */
function joinNorms(words: readonly NormWord[], from = 0, to = words.length): string {
  let key = to > from ? words[from]!.norm : '';
  for (let i = from + 1; i < to; i++) key += ' ' + words[i]!.norm;
  return key;
}

interface Entry {
  path: string;
  offset: number;
  length: number;
}

/** The places of one key, one per file, and (for a long list) where each file's is in it. */
interface DistinctPlaces {
  /** Never handed out: see `frozen`. */
  places: readonly SharedLocation[];
  at: Map<string, number> | undefined;
  /** The list as handed out to a draft that is not in it (made when first asked). */
  frozen?: readonly SharedLocation[];
}

/** The answers of `WorkspaceIndex.facts()` are kept for this many drafts at most (the drafts open in an editor). */
const ANSWERED_DRAFTS = 4;
/** And at most this many answers in all (then they are let go together): a long draft asks many. */
const MAX_KEPT_ANSWERS = 50_000;

/** What one draft contributed to the index, in unit order (parallel arrays). */
interface FileUnits {
  keys: number[];
  offsets: number[];
  lengths: number[];
}

/**
 * Empty units for `update` and `fromSnapshot` to fill by push: made in one place, so every index
 * holds one kind of array (V8 tracks the kind of number an array literal ends up holding), and
 * `add` reads them all with the same optimised code.
 */
function emptyUnits(): FileUnits {
  return { keys: [], offsets: [], lengths: [] };
}

/**
 * The index as plain data (arrays of numbers and strings), for a worker thread to receive by
 * structured clone and rebuild with WorkspaceIndex.fromSnapshot.
 */
export interface WorkspaceSnapshot {
  version: 1;
  /** In indexing order, which is also the order of each key's places (see fromSnapshot). */
  files: ({ path: string } & FileUnits)[];
}

/**
 * Which drafts of the workspace contain which paragraphs and sentences. `update` re-hashes one
 * file's units only, so keeping the index current as files change costs one file's work.
 */
export class WorkspaceIndex {
  /** hash → the places it occurs (several files, maybe several places in one file). */
  private readonly byKey = new Map<number, Entry[]>();
  /** path → the units the file contributed, to take them out again and to snapshot the index. */
  private readonly byPath = new Map<string, FileUnits>();
  /** Changes with every file added or removed: answers of `facts()` are kept while it stays. */
  private version = 0;
  /** Per key hash: the first place of each file, in indexing order (see `distinctPlaces`). */
  private distinct = new Map<number, DistinctPlaces>();
  private distinctVersion = 0;

  /** The index as plain data a worker thread can receive (see WorkspaceSnapshot). */
  snapshot(): WorkspaceSnapshot {
    return { version: 1, files: [...this.byPath].map(([path, f]) => ({ path, keys: [...f.keys], offsets: [...f.offsets], lengths: [...f.lengths] })) };
  }

  /**
   * Rebuilds an index from `snapshot()`. Each key's places list files in the order they were last
   * indexed, which is the order of `files`, so re-adding the files in that order gives the same
   * lists (and the same related-information order) as the original index.
   */
  static fromSnapshot(snapshot: WorkspaceSnapshot): WorkspaceIndex {
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.files)) throw new Error('not a workspace index snapshot (version 1)');
    const index = new WorkspaceIndex();
    for (const s of snapshot.files) {
      const f = emptyUnits();
      for (const k of s.keys) f.keys.push(k);
      for (const o of s.offsets) f.offsets.push(o);
      for (const l of s.lengths) f.lengths.push(l);
      index.add(s.path, f);
    }
    return index;
  }

  /** Indexes (or re-indexes) the draft at `path`. */
  update(path: string, text: string, languageId: LanguageId): void {
    this.remove(path);
    const units = shareUnits(parseDocument(text, languageId).blocks);
    const f = emptyUnits();
    for (const u of units) {
      f.keys.push(hash53(u.key));
      f.offsets.push(u.offset);
      f.lengths.push(u.length);
    }
    this.add(path, f);
  }

  /** Adds the units of a draft that is not indexed (callers remove it first). */
  private add(path: string, f: FileUnits): void {
    for (let i = 0; i < f.keys.length; i++) {
      const h = f.keys[i]!;
      let list = this.byKey.get(h);
      if (!list) this.byKey.set(h, (list = []));
      // Frozen: the answers of `facts()` hand these very objects out.
      list.push(Object.freeze({ path, offset: f.offsets[i]!, length: f.lengths[i]! }));
    }
    this.byPath.set(path, f);
    this.version++;
  }

  /** Forgets the draft at `path`. */
  remove(path: string): void {
    const keys = this.byPath.get(path)?.keys;
    if (!keys) return;
    for (const h of new Set(keys)) {
      const list = this.byKey.get(h);
      if (!list) continue;
      const kept = list.filter((e) => e.path !== path);
      if (kept.length) this.byKey.set(h, kept);
      else this.byKey.delete(h);
    }
    this.byPath.delete(path);
    this.version++;
  }

  /**
   * Whether a draft other than `path` is indexed: shared-boilerplate can find nothing otherwise,
   * so an adapter need not hand the rules the index (a keystroke then skips its look-ups).
   */
  hasOtherThan(path: string | undefined): boolean {
    return this.byPath.size > (path !== undefined && this.byPath.has(path) ? 1 : 0);
  }

  /**
   * The places of key hash `h`, one per file (its first), in indexing order, made once per version
   * of the index: each draft of a folder asks about the keys it shares with hundreds of others.
   */
  private distinctPlaces(h: number): DistinctPlaces {
    if (this.distinctVersion !== this.version) {
      this.distinct = new Map();
      this.distinctVersion = this.version;
    }
    let d = this.distinct.get(h);
    if (!d) {
      const at = new Map<string, number>();
      const places: SharedLocation[] = [];
      for (const e of this.byKey.get(h) ?? []) {
        if (at.has(e.path)) continue;
        at.set(e.path, places.length);
        places.push(e);
      }
      // Most keys are in a file or two: a short list is searched, not mapped.
      this.distinct.set(h, (d = { places, at: places.length > 8 ? at : undefined }));
    }
    return d;
  }

  /** The indexed paths. */
  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /**
   * A view for the rules. It reads the live index, so it reflects later updates too.
   *
   * Performance: the answers for the drafts that asked last (ANSWERED_DRAFTS of them) are kept, by
   * the key's text, until a file is added to the index or taken out of it. An editor asks about
   * every paragraph and sentence of a draft again on each keystroke, a paragraph that hundreds of
   * drafts share has hundreds of places to go through, and the keys are the strings shareUnits'
   * memo keeps, so asking again hashes nothing. Answers are frozen, and so are their places (the
   * index's own): everyone who asks shares them.
   */
  facts(): WorkspaceFacts {
    const answered = new Map<string | undefined, Map<string, readonly SharedLocation[]>>();
    let version = this.version;
    let kept = 0;
    const locations = (key: string, exceptPath?: string): readonly SharedLocation[] => {
      if (version !== this.version || kept >= MAX_KEPT_ANSWERS) {
        answered.clear();
        version = this.version;
        kept = 0;
      }
      let forDraft = answered.get(exceptPath);
      if (!forDraft) {
        // The draft that asked longest ago makes room (a CLI run asks for each draft once).
        if (answered.size >= ANSWERED_DRAFTS) {
          const [oldest, answers] = answered.entries().next().value as [string | undefined, Map<string, readonly SharedLocation[]>];
          kept -= answers.size;
          answered.delete(oldest);
        }
        answered.set(exceptPath, (forDraft = new Map()));
      }
      let out = forDraft.get(key);
      if (out) return out;
      const d = this.distinctPlaces(hash53(key));
      const { places, at } = d;
      const i = exceptPath === undefined ? -1 : at ? (at.get(exceptPath) ?? -1) : places.findIndex((p) => p.path === exceptPath);
      // Performance: the list copied from stays unfrozen (copying out of a frozen array takes V8's
      // slow path, some 35 times slower); what is handed out is a frozen copy.
      out = i < 0 ? (d.frozen ??= Object.freeze(places.slice())) : Object.freeze(places.slice(0, i).concat(places.slice(i + 1)));
      forDraft.set(key, out);
      kept++;
      return out;
    };
    return {
      filesSharing: (key, exceptPath) => locations(key, exceptPath).map((l) => l.path),
      locationsSharing: locations,
    };
  }
}
