/**
 * Turns a draft into prose blocks. Markdown is parsed with remark so that code, HTML, URLs, link
 * targets and front matter never reach the checks; plain text is split on blank lines.
 *
 * Every block keeps document offsets: `text` has exactly the length of the raw slice it came from,
 * with everything that is not prose replaced by spaces, so an offset inside `text` plus
 * `block.offset` is an offset into the document. Rules never have to map positions back.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root, Nodes, Parents } from 'mdast';
import type { LanguageId } from './types.js';
import { TextMemo } from './text-memo.js';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

export interface Block {
  kind: BlockKind;
  /** Offset of `text[0]` in the document. */
  offset: number;
  /** The raw slice of the document with non-prose characters replaced by spaces. */
  text: string;
  /** Nesting depth of Markdown block quotes around the block (0 outside any). */
  quoteDepth: number;
  /** True when the block is (inside) a list item. */
  inList: boolean;
}

export interface ParsedDocument {
  text: string;
  languageId: LanguageId;
  blocks: Block[];
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/**
 * Performance: every Block is made here, so all have one shape (one hidden class, fields in one
 * order, Smi offsets). The rules read blocks in their hottest loops; blocks of several shapes made
 * their optimised code polymorphic and sent it back to be compiled again.
 */
function makeBlock(kind: BlockKind, offset: number, text: string, quoteDepth: number, inList: boolean): Block {
  return { kind, offset, text, quoteDepth, inList };
}

/** The language of a draft by its file name: Markdown for .md, .markdown and .mdx, else plain text. */
export function languageOfPath(path: string): LanguageId {
  return /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'plaintext';
}

/** Parses `text` as `languageId` into prose blocks. */
export function parseDocument(text: string, languageId: LanguageId): ParsedDocument {
  const blocks = languageId === 'markdown' ? markdownBlocks(text) : plainBlocks(text);
  return { text, languageId, blocks };
}

/**
 * A copy of `s` that does not keep alive the string it was cut from. V8 makes a slice of a long
 * string point into it; block texts and memo keys outlive their draft (memos keep a paragraph
 * across edits), so kept slices would hold every old version of an edited draft in memory.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g;

/** Replaces URLs and e-mail addresses by spaces of the same length. */
export function maskUrls(text: string): string {
  // Performance: every match holds "://", "www." or "@", and most paragraphs have none of them;
  // the pattern itself is slow to fail (it tries an e-mail address at every word).
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return text;
  return text.replace(URL_RE, (m) => ' '.repeat(m.length));
}

function plainBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  // A paragraph ends at a line holding only whitespace.
  const re = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)(?:[ \t]*(?:\r?\n|\r))*/g;
  let start = 0;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length === 0) return;
    blocks.push(makeBlock('paragraph', from + lead, detach(maskUrls(body)), 0, false));
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return blocks;
}

function markdownBlocks(text: string): Block[] {
  // micromark drops a leading BOM and counts offsets without it: parse past it, shift back after.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  // Performance: the draft is parsed piece by piece (see markdownPieces), each piece's blocks
  // memoised by its text, so a big draft is never one huge parse and an edit re-parses one piece.
  const pieces = markdownPieces(source);
  const found: (readonly Block[])[] = new Array(pieces.length);
  // Pieces that need remark and are not in the memo yet: parsed together below, in one parse.
  let missing: { key: string; pieces: number[] }[] | undefined;
  let missingByKey: Map<string, number> | undefined;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    const slice = piece.start === 0 && piece.end === source.length ? source : source.slice(piece.start, piece.end);
    // The key is a copy: a slice would keep this version of the draft alive in the memo.
    const key = detach(slice);
    const blocks = pieceMemo.get(key, plainOrPending);
    if (blocks !== PENDING) {
      found[k] = blocks;
      continue;
    }
    missing ??= [];
    missingByKey ??= new Map();
    const m = missingByKey.get(key);
    if (m === undefined) {
      missingByKey.set(key, missing.length);
      missing.push({ key, pieces: [k] });
    } else missing[m]!.pieces.push(k);
  }
  // In runs of about GROUP_CHARS: few remark calls, and still never one huge parse of a long draft.
  for (let from = 0; missing && from < missing.length; ) {
    let to = from;
    for (let chars = 0; to < missing.length && (to === from || chars + missing[to]!.key.length <= GROUP_CHARS); to++) chars += missing[to]!.key.length;
    const group = missing.slice(from, to);
    const parsed = parsePieces(group.map((m) => m.key));
    for (let m = 0; m < group.length; m++) {
      pieceMemo.set(group[m]!.key, parsed[m]!);
      for (const k of group[m]!.pieces) found[k] = parsed[m]!;
    }
    from = to;
  }
  const blocks: Block[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const shift = pieces[k]!.start + bom;
    // Fresh objects: the engine may swap a block's text for an equal string it already holds.
    for (const b of found[k]!) blocks.push(makeBlock(b.kind, b.offset + shift, b.text, b.quoteDepth, b.inList));
  }
  return blocks;
}

/**
 * Memo of piece text → its blocks (offsets relative to the piece). Two generations: when the
 * current one is full it becomes the old one, so memory stays bounded while the pieces of the
 * drafts in use (the open document, or every draft of a CLI run that is indexed then analysed)
 * stay warm. Pure: the same text always gives the same blocks.
 */
const pieceMemo = new TextMemo<readonly Block[]>(20_000);

/** Characters of Markdown pieces parsed in one remark call at most (a piece longer than this alone). */
const GROUP_CHARS = 65_536;

/**
 * What the memo holds for a piece that remark is still to parse: markdownBlocks replaces it in the
 * same call (and should the parse throw, a later call finds PENDING and parses the piece again).
 */
const PENDING: readonly Block[] = Object.freeze([]);

function plainOrPending(piece: string): readonly Block[] {
  return plainParagraphPiece(piece) ?? PENDING;
}

/**
 * The blocks of each of `pieces` (offsets relative to the piece), with one remark parse of them all.
 *
 * Performance: remark builds its whole compiler (a closure of a hundred handlers) on every parse,
 * and a draft has many small pieces: parsed one at a time, that set-up was hot enough for V8 to
 * spend a second of compiler time optimising it, in every thread. Parsed together, a draft needs
 * one parse.
 *
 * `pieces` must be pieces of one draft (markdownPieces), in the order of the draft; any may be
 * left out. Joined, they parse as each does alone: every piece but the draft's last ends with a
 * blank line outside any construct (no fence, HTML or front matter open, its last line not
 * indented), which is all markdownPieces asks of the text before a piece; so markdownPieces splits
 * the joined text into exactly these pieces again, and each piece parses as it does alone. Only
 * the draft's first piece may open front matter, and it stays first; only its last piece may end
 * otherwise, and it stays last.
 */
export function parsePieces(pieces: readonly string[]): Block[][] {
  if (pieces.length === 1) return [parseMarkdownBlocks(pieces[0]!)];
  const all = parseMarkdownBlocks(pieces.join(''));
  const out: Block[][] = pieces.map(() => []);
  let k = 0;
  let start = 0;
  for (const b of all) {
    // Blocks come in order and none crosses a piece: find the piece this one starts in.
    while (b.offset >= start + pieces[k]!.length) start += pieces[k++]!.length;
    out[k]!.push(makeBlock(b.kind, b.offset - start, b.text, b.quoteDepth, b.inList));
  }
  return out;
}

/** Any of these may be Markdown syntax inside a paragraph (emphasis, code, links, HTML, escapes, tables, autolinks). */
const INLINE_SYNTAX = /[\\`*_[\]<>&|~\t\r@]|www\.|:\/\//i;
/** A line that surely continues a paragraph: it starts like prose, not like a block marker. */
const PROSE_LINE = /^ *(?:[\p{L}"“‘’'(]|\d(?!\d{0,8}[.)]))/u;

/**
 * Performance: the commonest piece of a draft is one paragraph of bare prose. Its only block is
 * the whole piece (every character is text, whitespace stays whitespace), so it needs no parse.
 * Returns undefined for anything else, which goes to remark.
 */
function plainParagraphPiece(piece: string): Block[] | undefined {
  const body = piece.trimEnd();
  if (body.length === 0 || !/^[\p{L}"“‘’'(]|^\d(?!\d{0,8}[.)])/u.test(body) || INLINE_SYNTAX.test(body)) return undefined;
  for (const line of body.split('\n')) if (line.trim() === '' || !PROSE_LINE.test(line)) return undefined;
  const text = detach(body.trim());
  return text ? [makeBlock('paragraph', 0, text, 0, false)] : [];
}

/**
 * The first line of HTML that runs until its own end (`</pre>`, `-->`, …), blank lines included
 * (CommonMark's HTML blocks 1–5); it may interrupt a paragraph. Groups: indentation, tag, comment,
 * processing instruction, CDATA, declaration.
 */
const LONG_HTML_OPENER = /^( {0,3})<(?:(script|pre|style|textarea)(?:[\s>]|$)|(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z]))/i;

/**
 * Splits Markdown into pieces that parse the same alone as inside the whole draft: a piece starts
 * at a line that follows a blank line and begins in column 0 with a non-blank character, outside
 * fenced code, multi-paragraph HTML and front matter. Such a line cannot continue any construct of
 * the lines before it (a list item or block quote needs indentation or a marker to go on after a
 * blank line, and a new marker starts an equivalent new list or quote whose paragraphs are the
 * same blocks). Anything this cannot be sure of (link or footnote definitions, which act across
 * the draft; lone CR line ends; indented fences or HTML that may sit inside a list) keeps the rest
 * of the draft as one piece, which is exactly the whole-draft parse.
 */
export function markdownPieces(text: string): { start: number; end: number }[] {
  const whole = [{ start: 0, end: text.length }];
  // Definitions ([id]: url, [^note]: text) change how other paragraphs parse.
  if (text.includes(']:') || /\r(?!\n)/.test(text)) return whole;
  const pieces: { start: number; end: number }[] = [];
  let pieceStart = 0;
  let pos = 0;
  let prevBlank = false;
  let lastIndented = false;
  let fence: { ch: string; len: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlToBlank = false;
  // Front matter: nothing splits before its closing fence (none: the draft stays whole).
  const fm = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = new RegExp(`\\n${fm[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`).exec(text.slice(fm[0].length - 1));
    if (!close) return whole;
    pos = fm[0].length - 1 + close.index + close[0].length;
  }
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const blank = /^[ \t]*$/.test(line);
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1]![0] === fence.ch && m[1]!.length >= fence.len) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else if (htmlToBlank) {
      // Other HTML runs to a blank line, unless it was a paragraph's text after all: then a fence
      // line would open code, and an opener of HTML that runs past blank lines (<pre>, <!--, …)
      // would interrupt the paragraph, where this scan cannot tell; so the rest stays whole.
      if (blank) htmlToBlank = false;
      else if (/^ {0,3}(?:`{3,}|~{3,})/.test(line) || LONG_HTML_OPENER.test(line)) break;
    } else {
      // A piece never starts with ---/+++: at the start of a parse it would open front matter.
      // Nor after an indented line (indented code or a list's continuation): micromark then treats
      // some starts differently (a list numbered from 3 does not start after indented code).
      if (prevBlank && !blank && !lastIndented && !/^(?:\s|---|\+\+\+)/.test(line) && pos > pieceStart) {
        pieces.push({ start: pieceStart, end: pos });
        pieceStart = pos;
      }
      const f = /^( {0,3})(`{3,}|~{3,})/.exec(line);
      const html = LONG_HTML_OPENER.exec(line);
      if ((f && f[1]) || (html && html[1])) break; // indented: may belong to a list item; stop splitting
      if (f) {
        fence = { ch: f[2]![0]!, len: f[2]!.length };
        // A backtick fence with a backtick in its info string is not a fence; it changes nothing here.
        if (fence.ch === '`' && line.slice(f[0].length).includes('`')) fence = undefined;
      } else if (html) {
        const end = html[2] ? new RegExp(`</${html[2]}>`, 'i') : html[3] ? /-->/ : html[4] ? /\?>/ : html[5] ? /\]\]>/ : />/;
        // The end may be on the opening line itself (after the opener).
        if (!end.test(line.slice(html[0].length))) htmlEnd = end;
      } else if (/^ {0,3}</.test(line)) {
        htmlToBlank = true;
      }
    }
    prevBlank = blank;
    if (!blank) lastIndented = /^\s/.test(line);
    pos = nl < 0 ? text.length : nl + 1;
  }
  pieces.push({ start: pieceStart, end: text.length });
  return pieces;
}

/** The prose blocks of `source` parsed whole with remark (offsets relative to `source`). */
export function parseMarkdownBlocks(source: string): Block[] {
  const tree = markdown.parse(source) as Root;
  const blocks: Block[] = [];
  const walk = (node: Nodes, quoteDepth: number, inList: boolean) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block = proseOf(source, node, quoteDepth, inList);
      if (block) blocks.push(block);
      return;
    }
    if (!('children' in node)) return;
    const depth = node.type === 'blockquote' ? quoteDepth + 1 : quoteDepth;
    const list = inList || node.type === 'listItem';
    for (const child of (node as Parents).children) walk(child as Nodes, depth, list);
  };
  walk(tree, 0, false);
  return blocks;
}

/** Keeps only the characters covered by `text` nodes (minus autolinked URLs); masks the rest. */
function proseOf(source: string, node: Parents, quoteDepth: number, inList: boolean): Block | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || end <= start) return undefined;
  const keep = new Uint8Array(end - start);
  const visit = (n: Nodes, inLink: string | undefined) => {
    if (n.type === 'text') {
      const s = n.position?.start.offset;
      const e = n.position?.end.offset;
      // An autolink literal's text is the URL itself: not prose.
      if (s === undefined || e === undefined || (inLink !== undefined && isUrlText(n.value, inLink))) return;
      keep.fill(1, s - start, e - start);
      return;
    }
    if (n.type === 'inlineCode' || n.type === 'html' || n.type === 'image' || n.type === 'imageReference') return;
    if (!('children' in n)) return;
    const link = n.type === 'link' ? n.url : inLink;
    for (const c of (n as Parents).children) visit(c as Nodes, link);
  };
  for (const c of node.children) visit(c as Nodes, undefined);
  let out = '';
  const raw = source.slice(start, end);
  for (let i = 0; i < raw.length; i++) out += keep[i] ? raw[i] : isLineBreak(raw[i]) ? raw[i] : ' ';
  if (quoteDepth > 0 || inList) out = out.replace(/(^|\n)[ \t]*(?:>[ \t]?)*/g, (m) => m.replace(/[^\n]/g, ' '));
  out = maskUrls(out);
  // Trim masked edges so the block starts and ends on prose.
  const lead = out.length - out.trimStart().length;
  const body = out.trim();
  if (body.length === 0) return undefined;
  const kind = node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'tableCell' : 'paragraph';
  return makeBlock(kind, start + lead, detach(body), quoteDepth, inList);
}

function isUrlText(value: string, url: string): boolean {
  const v = value.trim();
  return v === url || url.endsWith(v) || /^(?:https?:\/\/|www\.|mailto:)/i.test(v);
}

function isLineBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r';
}
