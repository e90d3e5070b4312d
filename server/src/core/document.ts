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

/** Parses `text` as `languageId` into prose blocks. */
export function parseDocument(text: string, languageId: LanguageId): ParsedDocument {
  const blocks = languageId === 'markdown' ? markdownBlocks(text) : plainBlocks(text);
  return { text, languageId, blocks };
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g;

/** Replaces URLs and e-mail addresses by spaces of the same length. */
export function maskUrls(text: string): string {
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
    blocks.push({ kind: 'paragraph', offset: from + lead, text: maskUrls(body), quoteDepth: 0, inList: false });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return blocks;
}

function markdownBlocks(text: string): Block[] {
  const tree = markdown.parse(text) as Root;
  const blocks: Block[] = [];
  const walk = (node: Nodes, quoteDepth: number, inList: boolean) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block = proseOf(text, node, quoteDepth, inList);
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
  return { kind, offset: start + lead, text: body, quoteDepth, inList };
}

function isUrlText(value: string, url: string): boolean {
  const v = value.trim();
  return v === url || url.endsWith(v) || /^(?:https?:\/\/|www\.|mailto:)/i.test(v);
}

function isLineBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r';
}
