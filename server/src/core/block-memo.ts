/**
 * Performance: per-block-object memo for the hedge detectors. hedge-density and
 * vague-generalisation count what hedge-word, weasel-attribution and softener find; within one
 * analysis they get the very same Block objects, so each detector runs once per block. Keyed by the
 * Block object (garbage-collected with the parsed draft, never shared between drafts) and checked
 * against the allowed words, which decide the result too.
 */
import type { Block } from './document.js';

export type BlockMemo<T> = (block: Block, allowWords: readonly string[], compute: () => T) => T;

export function memoPerBlock<T>(): BlockMemo<T> {
  const memo = new WeakMap<Block, { allow: readonly string[]; value: T }>();
  return (block, allowWords, compute) => {
    const hit = memo.get(block);
    if (hit && sameWords(hit.allow, allowWords)) return hit.value;
    const value = compute();
    memo.set(block, { allow: allowWords, value });
    return value;
  };
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
