/** String hashes, in a module of their own so the CLI's launcher can use them without the core. */

/** A 53-bit string hash (cyrb53): keys are stored hashed so the index stays small. */
export function hash53(s: string): number {
  return hash53Joined([s], 0, 1);
}

/**
 * hash53 of `parts` joined by single spaces, without building the joined string: the shingle
 * passes hash one key per word of the draft. Same value as hash53(parts.join(' ')).
 */
export function hash53Joined(parts: readonly string[], from: number, count: number): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = from; p < from + count; p++) {
    if (p > from) {
      h1 = Math.imul(h1 ^ 32, 2654435761);
      h2 = Math.imul(h2 ^ 32, 1597334677);
    }
    const s = parts[p]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
