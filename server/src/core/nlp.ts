/**
 * Sentences and words of a prose block, from retext's English parser (nlcst). Parsing is memoised
 * by the block's text, so several rules looking at the same block parse it once.
 */
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { toString } from 'nlcst-to-string';
import type { Root, Sentence, Paragraph } from 'nlcst';
import type { Block } from './document.js';
import { TextMemo } from './text-memo.js';

export interface Token {
  /** Offset in the block text. */
  start: number;
  end: number;
  value: string;
  kind: 'word' | 'punct' | 'space' | 'symbol';
}

export interface SentenceTokens {
  start: number;
  end: number;
  tokens: Token[];
}

const english = unified().use(retextEnglish);

/** The sentences of `block`, each with its tokens, offsets relative to the block. */
export function sentencesOf(block: Block): SentenceTokens[] {
  return tokenizeMemo(block.text);
}

/**
 * Performance: sentences by block text, so the block rules run one after the other on a block
 * tokenise it once. Only the block rules read tokens, and the engine caches their findings per
 * block, so a few recent paragraphs are all that is worth keeping: a small memo lets a paragraph's
 * tokens die young (cheap to collect) instead of being promoted and collected late. Sentence spans
 * and word counts, which document rules read on every analysis, have memos of their own.
 */
const textMemo = new TextMemo<SentenceTokens[]>(20_000, (text) => text.length);

function tokenizeMemo(text: string): SentenceTokens[] {
  return textMemo.get(text, () => {
    const s = tokenize(text);
    spanMemo.set(text, s.map((x) => ({ start: x.start, end: x.end })));
    return s;
  });
}

/**
 * Where the sentences of a block start and end (block-relative), kept for many more paragraphs
 * than the tokens are: document rules that only need sentence boundaries do not parse again.
 */
export function sentenceSpansOf(block: Block): readonly { start: number; end: number }[] {
  return spanMemo.get(block.text, () => sentencesOf(block).map((x) => ({ start: x.start, end: x.end })));
}

const spanMemo = new TextMemo<readonly { start: number; end: number }[]>(100_000);
const wordCounts = new TextMemo<number>(100_000);

/** Number of words in `block` (memoised by its text: a draft's word count is redone per keystroke). */
export function wordCountOf(block: Block): number {
  return wordCounts.get(block.text, () => {
    let n = 0;
    for (const s of sentencesOf(block)) n += wordsOf(s).length;
    return n;
  });
}

/** Splits text into sentences and tokens with retext-english. */
export function tokenize(text: string): SentenceTokens[] {
  const tree = english.parse(text) as Root;
  const out: SentenceTokens[] = [];
  for (const para of tree.children) {
    if (para.type !== 'ParagraphNode') continue;
    for (const s of (para as Paragraph).children) {
      if (s.type !== 'SentenceNode') continue;
      out.push(sentenceTokens(text, s as Sentence));
    }
  }
  return out;
}

function sentenceTokens(text: string, s: Sentence): SentenceTokens {
  const tokens: Token[] = [];
  for (const child of s.children) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    const kind =
      child.type === 'WordNode' ? 'word' : child.type === 'WhiteSpaceNode' ? 'space' : child.type === 'PunctuationNode' ? 'punct' : 'symbol';
    // nlcst is lossless: a node's text is the slice of the input it covers (cheaper than joining
    // its children); a node without a position (none from retext-english) is joined.
    const value = start !== undefined && end !== undefined ? text.slice(start, end) : toString(child);
    tokens.push({ start: start ?? 0, end: end ?? start ?? 0, value, kind });
  }
  return {
    start: s.position?.start.offset ?? 0,
    end: s.position?.end.offset ?? 0,
    tokens,
  };
}

export interface Word {
  start: number;
  end: number;
  value: string;
  lower: string;
  /** Index of the word in its sentence. */
  index: number;
  /** Punctuation between the previous word and this one ('' when only spaces). */
  before: string;
  /** Punctuation between this word and the next one ('' when only spaces). */
  after: string;
}

const wordsMemo = new WeakMap<SentenceTokens, Word[]>();

/** The words of each sentence, with the punctuation around each word (memoised per sentence; treat as read-only). */
export function wordsOf(sentence: SentenceTokens): Word[] {
  let words = wordsMemo.get(sentence);
  if (!words) wordsMemo.set(sentence, (words = computeWords(sentence)));
  return words;
}

function computeWords(sentence: SentenceTokens): Word[] {
  const words: Word[] = [];
  let pending = '';
  for (const t of sentence.tokens) {
    if (t.kind === 'word') {
      const w: Word = { start: t.start, end: t.end, value: t.value, lower: t.value.toLowerCase(), index: words.length, before: pending, after: '' };
      if (words.length) words[words.length - 1]!.after = pending;
      words.push(w);
      pending = '';
    } else if (t.kind !== 'space') {
      pending += t.value;
    }
  }
  if (words.length) words[words.length - 1]!.after = pending;
  return words;
}
