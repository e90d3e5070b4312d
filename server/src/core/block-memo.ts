/**
 * Performance: a memo for the hedge detectors, keyed by a block's text. hedge-word,
 * weasel-attribution, softener, hedge-density and vague-generalisation are block rules: the engine
 * runs them one after the other on each block, so each detector runs once per block and the others
 * reuse its result. The result depends on the text and on the allowed words, nothing else. A few
 * hundred recent texts are kept (two generations), never the whole draft: a 1M-word draft's
 * detector results are not all held at once.
 */
import type { Block } from './document.js';
import { TextMemo } from './text-memo.js';

export type BlockMemo<T> = (block: Block, allowWords: readonly string[], compute: () => T) => T;

export function memoPerBlock<T>(): BlockMemo<T> {
  const memo = new TextMemo<{ allow: readonly string[]; value: T }>(256);
  return (block, allowWords, compute) => {
    const hit = memo.get(block.text, () => ({ allow: allowWords, value: compute() }));
    return sameWords(hit.allow, allowWords) ? hit.value : memo.set(block.text, { allow: allowWords, value: compute() }).value;
  };
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
