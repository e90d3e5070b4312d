/** Small helpers for the wording of findings, shared by the rules. */

/** "a hearsay adverb", "an agentless passive": the indefinite article a kind phrase needs. */
export function withArticle(phrase: string): string {
  // Vowel letters, except the "you"/"one" sounds of u-, eu- and one- ("a usual", "a one-off").
  const an = /^[aeiou]/i.test(phrase) && !/^(?:u[bcfhjkqrstn][aeiou]|eu|one\b|once\b)/i.test(phrase);
  return `${an ? 'an' : 'a'} ${phrase}`;
}
