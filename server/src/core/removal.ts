/** Removing a hedge from a sentence without leaving stray spaces, commas or a lower-case start. */
import type { Fix } from './types.js';
import type { Word } from './nlp.js';

/**
 * The preferred fix deleting words[first..last] from `text` (offsets of `text`): a comma pair
 * around the words goes with them ("is, reportedly, planning" → "is planning"), so does one space,
 * a comma before final punctuation ("cut jobs, reportedly." → "cut jobs."), and a sentence that
 * began with them gets its capital back ("Reportedly, the firm" → "The firm").
 */
export function removeWords(text: string, words: Word[], first: number, lastIndex: number): Fix {
  const a = words[first]!;
  const b = words[lastIndex]!;
  let start = a.start;
  let end = b.end;
  const atStart = first === 0;
  if (!atStart && text[start - 1] === ' ' && text[start - 2] === ',' && text[end] === ',') {
    // "is, to some extent, true" → "is true"
    start -= 2;
    end += 1;
  } else {
    if (text[end] === ',') end++;
    if (text[end] === ' ') end++;
    else if (text[start - 1] === ' ') start--;
    if (!atStart && text[start - 1] === ',' && /^[.!?;:]?$/.test(text[end] ?? '')) start--;
  }
  const label = text.slice(a.start, b.end);
  const next = words[lastIndex + 1];
  if (atStart && next && next.start === end && /^\p{Ll}/u.test(next.value)) {
    // "To some extent, the plan worked." → "The plan worked."
    return { title: `Remove “${label}”`, edits: [{ offset: start, length: end - start + 1, newText: next.value[0]!.toUpperCase() }], preferred: true };
  }
  return { title: `Remove “${label}”`, edits: [{ offset: start, length: end - start, newText: '' }], preferred: true };
}
