/**
 * web-cruft: stock web and CMS furniture pasted along with a story: navigation, calls to action,
 * comment forms, author boxes, share rows, hashtag rows, newsletter pitches, related-links lists.
 *
 * Works line by line, because text copied from a web page often arrives as one line per element
 * inside a single blank-line-separated block. Each line is judged twice:
 * - by the lexicon (data/cruft.ts): kinds of furniture, with reasons;
 * - by its shape and its neighbours: a run of short unpunctuated lines is a menu or a link list, a
 *   row of hashtags is a tag row, a one-to-four-word line led by "Subscribe"/"Share"/"Read" is a
 *   button. Headings, captions and bylines next to reporting are left alone: a short line between
 *   paragraphs of prose is taken as part of the story, and so is a list a sentence introduces.
 * The span is the whole line; consecutive cruft lines are reported as one block.
 *
 * Judging a line by itself (lexicon, shape) is memoised per block (ctx.memo, block-relative
 * offsets), and so is the English test per line of the draft's head, so a keystroke redoes one
 * paragraph; the neighbourhood pass over all lines is linear and cheap.
 */
import type { DocumentRule, RuleContext } from '../rule.js';
import type { LanguageId, RawFinding } from '../types.js';
import { detach, type Block, type ParsedDocument } from '../document.js';
import { ANY_CRUFT, CRUFT, CTA_OBJECTS, CTA_VERBS, PARTIAL_MAX_WORDS, STOPWORDS, type CruftEntry, type CruftKind } from '../data/cruft.js';
import { allowedBoilerplateKeys, normKey } from '../workspace.js';
import { deletion } from './repeated-text.js';

type Shape = 'good' | 'weak' | 'intro';

/**
 * A line (or a hard-wrapped run of lines) of the draft. Every unit is made by makeUnit, with all
 * its fields, so all have one shape: the passes below read thousands of them, and units of many
 * shapes (fields added as they were found, copies by spread) made that code megamorphic.
 */
interface Unit {
  start: number;
  end: number;
  text: string;
  words: number;
  shape: Shape;
  /** Set when the line itself is cruft (lexicon or unmistakable shape). */
  kind: CruftKind | 'hashtag row' | 'breadcrumb' | 'button' | 'link list' | 'menu' | undefined;
  reason: string | undefined;
  opensSection: boolean;
  flagged: boolean;
  /** isMeta of the line (when its shape is not 'good'), worked out once with its memoised description. */
  meta: boolean;
}

function makeUnit(
  start: number,
  end: number,
  text: string,
  words: number,
  shape: Shape,
  kind: Unit['kind'],
  reason: string | undefined,
  opensSection: boolean,
  flagged: boolean,
  meta: boolean,
): Unit {
  return { start, end, text, words, shape, kind, reason, opensSection, flagged, meta };
}

/**
 * A copy of `u` at [start, end), with `meta` set. The caller works out the offsets (not a shift
 * added here: a shift of -0, from moving a unit of a block at offset 0, makes them heap numbers).
 */
function movedUnit(u: Unit, start: number, end: number, meta: boolean): Unit {
  return makeUnit(start, end, u.text, u.words, u.shape, u.kind, u.reason, u.opensSection, u.flagged, meta);
}

/** A run of this many short unpunctuated lines with no prose between them is a menu or link list. */
const RUN_MIN = 4;
/** Lines kept before the first paragraph of prose: headline, standfirst, byline. */
const LEAD_KEEP = 3;
/** Up to this many plain lines before the first paragraph are the draft's own top matter. */
const LEAD_PLAIN_MAX = 5;
/** Cards in a row that make a teaser list or a comment thread. */
const CARD_MIN = 3;
/** A card's paragraph is a teaser or a comment, not a long stretch of reporting. */
const CARD_MAX_WORDS = 80;
/** An author box's biography is one paragraph of about this length at most. */
const SECTION_BIO_WORDS = 80;
/** Below this share of English function words a draft is taken as not English: shape only. */
const ENGLISH_MIN_STOP = 0.12;

const WORD_RE = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const DATED_ITEM_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\s*[:|–—-]/gi;

/** What may separate two lines of one run: blank lines, list bullets or numbers, quote marks. */
const LINE_GAP_RE = /^(?:\s|[>*+-](?=\s)|\d{1,3}[.)](?=\s))*$/;

export const webCruft: DocumentRule = {
  id: 'web-cruft',
  category: 'boilerplate',
  defaultSeverity: 'warning',
  description: 'Navigation, calls to action, comment forms, share and hashtag rows and other web-page furniture.',
  fixable: true,
  scope: 'document',
  analyse(doc, ctx) {
    const allowed = allowedBoilerplateKeys(ctx.config.allowBoilerplate);
    const units = unitsOf(doc, ctx);
    judgeContext(units);
    const out: RawFinding[] = [];
    let i = 0;
    while (i < units.length) {
      if (!units[i]!.flagged || isAllowed(units[i]!, allowed)) {
        i++;
        continue;
      }
      let j = i;
      // A run ends where anything but blank lines and list or quote markers lies between two lines
      // (a code block, HTML, table syntax): a deletion must never take non-prose with it.
      while (
        j + 1 < units.length &&
        units[j + 1]!.flagged &&
        !isAllowed(units[j + 1]!, allowed) &&
        LINE_GAP_RE.test(doc.text.slice(units[j]!.end, units[j + 1]!.start))
      )
        j++;
      out.push(finding(doc, units.slice(i, j + 1)));
      i = j + 1;
    }
    return out;
  },
};

function isAllowed(u: Unit, allowed: string[]): boolean {
  if (!allowed.length) return false;
  const k = normKey(u.text);
  return allowed.some((a) => a === k || a.includes(k) || k.includes(a));
}

function finding(doc: ParsedDocument, run: Unit[]): RawFinding {
  const start = run[0]!.start;
  const end = run[run.length - 1]!.end;
  const kinds = [...new Set(run.map((u) => u.kind ?? 'page furniture'))];
  const first = run.find((u) => u.reason) ?? run[0]!;
  const what = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, 3).join(', ')}`;
  const fix = deletion(doc, start, end);
  return {
    offset: start,
    length: end - start,
    message:
      run.length === 1
        ? `Web-page ${what}: ${first.reason ?? 'not part of the story'}. Delete it from the draft.`
        : `${run.length} lines of web-page furniture (${what}): not part of the story. Delete them from the draft.`,
    fixes: fix ? [{ ...fix, title: run.length === 1 ? 'Delete this line' : 'Delete these lines', preferred: true }] : [],
    data: { kind: kinds[0] ?? 'page furniture', lines: run.length },
  };
}

/** Memo namespaces of whole-line blocks, by the English test and the language id (constants: a look-up hashes no new string). */
const BLOCK_NAMESPACE = {
  en: { markdown: 'web-cruft:en:markdown', plaintext: 'web-cruft:en:plaintext' },
  xx: { markdown: 'web-cruft:xx:markdown', plaintext: 'web-cruft:xx:plaintext' },
} as const satisfies Record<'en' | 'xx', Record<LanguageId, string>>;

/** Characters at the head of the draft sampled to decide whether it is English. */
const ENGLISH_SAMPLE = 200_000;

/**
 * The lines of every prose block. Hard-wrapped prose (a long line that stops mid-sentence, the
 * next one continuing in lower case) is joined back into one unit. Units are fresh objects each
 * time, because judgeContext marks them.
 */
function unitsOf(doc: ParsedDocument, ctx: RuleContext): Unit[] {
  const units: Unit[] = [];
  const english = isEnglish(doc, ctx);
  for (const b of doc.blocks) {
    // A block's units depend on its text, the raw text of the lines it spans (markup masked out of
    // block.text, list markers before it), where the block sits in those lines, the language id
    // and the English test: all of that is the key, and nothing else is read.
    const lineStart = doc.text.lastIndexOf('\n', b.offset - 1) + 1;
    let lineEnd = doc.text.indexOf('\n', b.offset + b.text.length);
    if (lineEnd < 0) lineEnd = doc.text.length;
    const end = b.offset + b.text.length;
    const raw = doc.text.slice(b.offset, end);
    // Lengths first, so the key reads back unambiguously; the raw slice only when masking changed it.
    const same = raw === b.text;
    // The commonest block fills its lines and has nothing masked: its text alone is the key
    // (the engine keeps an unchanged paragraph's text object, so the lookup costs no hashing).
    const rel =
      same && lineStart === b.offset && lineEnd === end
        ? ctx.memo(BLOCK_NAMESPACE[english ? 'en' : 'xx'][doc.languageId], b.text, () => blockUnits(doc, b, english))
        : ctx.memo(
            'web-cruft',
            `${english ? 'en' : 'xx'}:${doc.languageId}:${b.offset - lineStart}:${b.text.length}:${same ? 1 : 0}:${doc.text.slice(lineStart, b.offset)}${b.text}${same ? '' : raw}${doc.text.slice(end, lineEnd)}`,
            () => blockUnits(doc, b, english),
          );
    for (const u of rel) units.push(movedUnit(u, u.start + b.offset, u.end + b.offset, u.meta));
  }
  return units;
}

/** The units of one block, with offsets relative to the block. */
function blockUnits(doc: ParsedDocument, b: Block, english: boolean): Unit[] {
  const lines: { start: number; end: number }[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(b.text); m; m = re.exec(b.text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const s = b.offset + m.index + lead;
    const e = s + body.length;
    const prev = lines[lines.length - 1];
    if (prev && isContinuation(doc.text.slice(prev.start, prev.end), body)) prev.end = e;
    else lines.push({ start: s, end: e });
  }
  return lines.map((l) => {
    const u = describe(doc, l.start, l.end, english);
    // Cards (flagCards) look for metadata lines among the lines that are not prose only.
    return movedUnit(u, u.start - b.offset, u.end - b.offset, u.shape !== 'good' && isMeta(u));
  });
}

/**
 * Whether the head of the draft is dense enough in English function words. Words never cross a
 * line break, so the counts can be summed over any pieces cut at line breaks: a block that fills
 * its lines and has nothing masked is counted by its text (the engine keeps an unchanged
 * paragraph's text object, so its look-up hashes nothing), the rest line by line, each line's
 * counts memoised by its text.
 */
function isEnglish(doc: ParsedDocument, ctx: RuleContext): boolean {
  const text = doc.text;
  const limit = Math.min(text.length, ENGLISH_SAMPLE);
  let words = 0;
  let stops = 0;
  /** Counts the lines of text[from, to), to cut at a line break or at the sample's end. */
  const countLines = (from: number, to: number): void => {
    while (from < to) {
      let lineEnd = text.indexOf('\n', from);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
      if (lineEnd > from) {
        const line = text.slice(from, lineEnd);
        const c = ctx.memo('web-cruft-english', line, () => wordCounts(line));
        words += c.words;
        stops += c.stops;
      }
      from = lineEnd + 1;
    }
  };
  let pos = 0;
  for (const b of doc.blocks) {
    const end = b.offset + b.text.length;
    if (end > limit) break;
    const fillsLines = (b.offset === 0 || text[b.offset - 1] === '\n') && (end === text.length || text[end] === '\n');
    if (b.offset < pos || !fillsLines || text.slice(b.offset, end) !== b.text) continue;
    countLines(pos, b.offset);
    const c = ctx.memo('web-cruft-english-block', b.text, () => wordCounts(b.text));
    words += c.words;
    stops += c.stops;
    pos = end;
  }
  countLines(pos, limit);
  return stops >= words * ENGLISH_MIN_STOP;
}

/** Words and function words of a piece of text. */
function wordCounts(text: string): { words: number; stops: number } {
  const ws = text.match(WORD_RE) ?? [];
  return { words: ws.length, stops: ws.filter((w) => STOPWORDS.has(w.toLowerCase())).length };
}

function isContinuation(prev: string, line: string): boolean {
  if (prev.length < 40 || /[.!?:…]["”’')\]]*$/.test(prev)) return false;
  return /^[\p{Ll}(]/u.test(line) || /[,;–—-]$/.test(prev);
}

const NONE: readonly CruftEntry[] = [];

/**
 * Lines described in this process before ANY_CRUFT is used. Compiling the joined pattern costs
 * about 15–20 ms (once), about what the patterns one by one cost over a thousand lines; after that
 * it is some eight times faster per line. A short draft checked in a fresh process (the CLI on
 * one article) never pays for it; long drafts, folders and the editor do, and gain.
 */
const JOINED_AFTER_LINES = 1000;
let described = 0;

function describe(doc: ParsedDocument, start: number, end: number, english: boolean): Unit {
  // Units are kept across edits (memo): their text must not hold this version of the draft.
  const text = detach(doc.text.slice(start, end));
  const words = text.match(WORD_RE) ?? [];
  const n = words.length;
  const norm = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s•·*>|»›#‣▸►\-–—:]+/, '')
    .replace(/[\s:|»›•·\-–—>…]+$/, '')
    .trim();
  const terminal = /[.!?…]["”’')\]]*$/.test(text.trim());
  // In a language the stopword list does not know, sentence punctuation and length decide alone.
  const stop = !english ? 1 : n ? words.filter((w) => STOPWORDS.has(w.toLowerCase())).length / n : 0;
  let shape: Shape = 'weak';
  if (/:$/.test(text.trim()) && n >= 3) shape = 'intro';
  else if (n >= 8 && terminal && stop >= 0.15) shape = 'good';
  else if (n >= 20 && stop >= 0.25) shape = 'good';
  const u = makeUnit(start, end, text, n, shape, undefined, undefined, false, false, false);

  // Performance: one test for the lines that match none of the patterns (almost all of them),
  // once this process has described enough lines to repay compiling the joined pattern.
  const joined = ANY_CRUFT && ++described > JOINED_AFTER_LINES ? ANY_CRUFT : undefined;
  for (const e of !joined || joined.test(norm) ? CRUFT : NONE) {
    if (e.partial && n > PARTIAL_MAX_WORDS) continue;
    if (e.pattern.test(norm)) {
      u.kind = e.kind;
      u.reason = e.reason;
      u.opensSection = e.opensSection === true;
      u.flagged = true;
      return u;
    }
  }
  const tokens = text.trim().split(/\s+/);
  const tags = tokens.filter((t) => /^#[\p{L}\p{N}_]+/u.test(t)).length;
  if (tags >= 2 && tags / tokens.length >= 0.6) return mark(u, 'hashtag row', 'a row of hashtags for search and social feeds');
  if ((text.match(DATED_ITEM_RE) ?? []).length >= 2) return mark(u, 'related links', 'a list of dated links to other stories');
  const crumbs = text.split(/\s+[>»›]\s+/);
  if (crumbs.length >= 2 && crumbs.every((c) => c.trim() && (c.match(WORD_RE) ?? []).length <= 4)) {
    return mark(u, 'breadcrumb', 'a breadcrumb trail of the site\'s sections');
  }
  if (n >= 1 && n <= 4 && !terminal && isButton(norm)) return mark(u, 'button', 'a button or one-line call to action');
  if (isMarkdownLinkItem(doc, start, end)) u.kind = 'link list';
  return u;
}

function mark(u: Unit, kind: NonNullable<Unit['kind']>, reason: string): Unit {
  u.kind = kind;
  u.reason = reason;
  u.flagged = true;
  return u;
}

function isButton(norm: string): boolean {
  const ws = norm.split(/[\s/]+/).filter(Boolean);
  const verb = ws[0];
  if (!verb || !CTA_VERBS.has(verb)) return false;
  // "Read more", "Subscribe now", "Share this story": verb and filler only. "Read between the
  // lines" or "Support for the bill" have content words and may be headings.
  return ws.slice(1).every((w) => CTA_OBJECTS.has(w) || /^(?:facebook|twitter|linkedin|email|whatsapp|reddit|x)$/.test(w));
}

/** A Markdown list item that is nothing but a link: an item of a link list, whatever its length. */
function isMarkdownLinkItem(doc: ParsedDocument, start: number, end: number): boolean {
  if (doc.languageId !== 'markdown') return false;
  const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = doc.text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = doc.text.length;
  return /^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]+\]\([^)]*\)\s*$/.test(doc.text.slice(lineStart, lineEnd));
}

/**
 * Decides the lines the lexicon left open, from their neighbours:
 * - a section marker ("Comments", "Related stories", "About the author") takes the lines after it
 *   up to the next long paragraph of prose;
 * - a run of RUN_MIN or more short lines with no prose between is a menu or a link list, unless a
 *   line ending in a colon introduces it (a list of the story's own);
 * - before the first paragraph of prose, everything but the last LEAD_KEEP plain lines (headline,
 *   standfirst, byline) is page header; after the last one, a run of plain lines is page footer.
 */
function judgeContext(units: Unit[]): void {
  // Sections opened by a marker.
  for (let i = 0; i < units.length; i++) {
    if (!units[i]!.opensSection) continue;
    for (let j = i + 1; j < units.length; j++) {
      const u = units[j]!;
      if (u.opensSection) break;
      // Prose ends the section: comments and teasers look like reporting, and reporting must
      // not be lost. Only an author box takes its one paragraph of biography.
      if (u.shape === 'good' && !(units[i]!.kind === 'author box' && j - i <= 2 && u.words <= SECTION_BIO_WORDS)) break;
      if (!u.flagged) {
        u.flagged = true;
        u.kind = units[i]!.kind;
        u.reason = 'part of a comment, author or related-links section';
      }
    }
  }
  // The first and last paragraphs of prose.
  let firstGood = -1;
  let lastGood = -1;
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.shape !== 'good' || units[i]!.flagged) continue;
    if (firstGood < 0) firstGood = i;
    lastGood = i;
  }
  if (firstGood < 0) {
    // No prose at all: only a clear menu is cruft.
    flagRuns(units, 0, units.length, false);
    return;
  }
  // Page header: the lines before the first paragraph, minus the last few plain lines.
  let kept = 0;
  // A draft's own top matter (headline, deck, byline, date) is a few plain lines: a header is
  // only assumed when the lines before the story are many, or include furniture.
  const headed = firstGood > LEAD_PLAIN_MAX || units.slice(0, firstGood).some((u) => u.flagged);
  for (let i = firstGood - 1; i >= 0 && headed; i--) {
    const u = units[i]!;
    if (u.flagged) {
      // Furniture between the headline and the story (a share row) does not end the header.
      if (kept > 0) kept = LEAD_KEEP;
      continue;
    }
    if (kept < LEAD_KEEP && u.shape !== 'good') {
      kept++;
      continue;
    }
    u.flagged = true;
    u.kind = u.kind ?? 'menu';
    u.reason = 'page header before the story';
  }
  // Page footer: plain lines after the last paragraph, when there are several or furniture among them.
  const tail = units.slice(lastGood + 1);
  if (tail.length >= 3 || tail.some((u) => u.flagged)) {
    for (const u of tail) {
      if (u.flagged) continue;
      if (u.shape === 'intro') continue;
      u.flagged = true;
      u.kind = u.kind ?? 'menu';
      u.reason = 'page footer after the story';
    }
  }
  flagRuns(units, firstGood, lastGood + 1, true);
  flagCards(units);
}

/**
 * Teaser cards and comment threads: a headline or user name with a time stamp or source line,
 * then at most two short paragraphs, repeated. Three such cards in a row are a list of other
 * stories or of readers' comments, whatever the words say.
 */
function flagCards(units: Unit[]): void {
  let i = 0;
  while (i < units.length) {
    const cards: [number, number][] = [];
    let k = i;
    for (;;) {
      let j = k;
      let meta = false;
      while (j < units.length && units[j]!.shape !== 'good' && j - k < 5) {
        if (units[j]!.meta) meta = true;
        j++;
      }
      if (!meta || j === k) break;
      let goods = 0;
      while (j < units.length && units[j]!.shape === 'good' && units[j]!.words <= CARD_MAX_WORDS && goods < 2) {
        goods++;
        j++;
      }
      cards.push([k, j]);
      k = j;
    }
    if (cards.length >= CARD_MIN) {
      for (let x = cards[0]![0]; x < k; x++) {
        const u = units[x]!;
        if (u.flagged) continue;
        u.flagged = true;
        u.kind = 'related links';
        u.reason = 'a list of teaser cards or comments';
      }
      i = k;
    } else i++;
  }
}

/** A time stamp, a relative time or a source line: the metadata line of a card or comment. */
function isMeta(u: Unit): boolean {
  if (u.words > 14) return false;
  const t = u.text.toLowerCase();
  return (
    /\b\d{1,2}:\d{2}\s*(?:am|pm)?\b/.test(t) ||
    /\b\d+\s*(?:s|m|h|d|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b/.test(t) ||
    /\b[a-z0-9-]+\.(?:com|org|net|co|io|news|tv)\b/.test(t) ||
    /\b(?:votes?|likes?|replies|diggs?|points?)\s*$/.test(t)
  );
}

/** Flags runs of RUN_MIN or more weak lines between `from` and `to` that no colon introduces. */
function flagRuns(units: Unit[], from: number, to: number, needIntroCheck: boolean): void {
  let i = from;
  while (i < to) {
    if (units[i]!.shape === 'good' || units[i]!.shape === 'intro') {
      i++;
      continue;
    }
    let j = i;
    while (j < to && units[j]!.shape === 'weak') j++;
    const introduced = needIntroCheck && i > 0 && units[i - 1]!.shape === 'intro';
    const plain = units.slice(i, j).filter((u) => !u.flagged);
    if (j - i >= RUN_MIN && !introduced) {
      for (const u of plain) {
        u.flagged = true;
        u.kind = u.kind ?? 'menu';
        u.reason = 'a menu or list of links';
      }
    }
    i = Math.max(j, i + 1);
  }
}
