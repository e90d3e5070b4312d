// What the editor benchmarks share: where the i-th of n one-letter edits goes, and percentiles.

/**
 * The offset where edit `i` of `edits` types its letter in `text`: the edits are spread evenly over
 * the draft in a scrambled order, each right after a letter (inside a word of prose, the commonest
 * keystroke), so each one changes exactly one paragraph.
 */
export function typingPlace(text, i, edits) {
  let at = Math.floor((((i * 7919) % edits) + 0.5) * (text.length / edits));
  while (at < text.length && !/\p{L}/u.test(text[at - 1] ?? '')) at++;
  return at;
}

/** The p-th percentile of `xs` (nearest rank). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
