/**
 * Hedge lexicon: each entry says what kind of hedge the word is and why it weakens the sentence.
 * The rule docs are generated from this list, so the reasons shown to writers live here only.
 */

export interface HedgeEntry {
  word: string;
  kind: string;
  reason: string;
}

/** Adverbs that signal the writer has not confirmed what follows. */
export const SPECULATIVE_ADVERBS: readonly HedgeEntry[] = [
  { word: 'reportedly', kind: 'hearsay adverb', reason: 'passes on a claim without saying who reported it' },
  { word: 'allegedly', kind: 'hearsay adverb', reason: 'signals an accusation without naming who alleges it' },
  { word: 'purportedly', kind: 'hearsay adverb', reason: 'repeats a claim without standing behind it or sourcing it' },
  { word: 'supposedly', kind: 'hearsay adverb', reason: 'casts doubt without saying who supposes it' },
  { word: 'apparently', kind: 'speculative adverb', reason: 'says the writer has not confirmed the fact' },
  { word: 'seemingly', kind: 'speculative adverb', reason: 'describes an impression instead of a checked fact' },
  { word: 'ostensibly', kind: 'speculative adverb', reason: 'hints at a hidden truth without showing it' },
  { word: 'arguably', kind: 'speculative adverb', reason: 'asserts a claim while declining to defend it' },
  { word: 'possibly', kind: 'speculative adverb', reason: 'leaves the reader unsure whether the claim is true' },
  { word: 'perhaps', kind: 'speculative adverb', reason: 'leaves the reader unsure whether the claim is true' },
  { word: 'maybe', kind: 'speculative adverb', reason: 'leaves the reader unsure whether the claim is true' },
  { word: 'probably', kind: 'speculative adverb', reason: 'guesses at likelihood without evidence' },
  { word: 'presumably', kind: 'speculative adverb', reason: 'states an assumption as if it were reporting' },
  { word: 'conceivably', kind: 'speculative adverb', reason: 'raises a possibility without evidence' },
];

/** Adjectives of likelihood. */
export const LIKELIHOOD_WORDS: readonly HedgeEntry[] = [
  { word: 'likely', kind: 'likelihood word', reason: 'guesses at probability instead of reporting what is known' },
  { word: 'unlikely', kind: 'likelihood word', reason: 'guesses at probability instead of reporting what is known' },
];

/** Modal verbs that soften a factual claim into a possibility. */
export const MODALS: readonly HedgeEntry[] = [
  { word: 'may', kind: 'speculative modal', reason: 'turns a claim into a possibility the reader cannot check' },
  { word: 'might', kind: 'speculative modal', reason: 'turns a claim into a possibility the reader cannot check' },
  { word: 'could', kind: 'speculative modal', reason: 'turns a claim into a possibility the reader cannot check' },
];

/** Verbs of appearance: they report an impression, not a fact. */
export const APPEARANCE_VERBS: readonly string[] = ['appear', 'appears', 'appeared', 'seem', 'seems', 'seemed'];

/**
 * Participles that, in an agentless passive ("is believed to", "are being discussed"), attribute a
 * view to nobody in particular.
 */
export const AGENTLESS_PARTICIPLES: readonly string[] = [
  'believed', 'expected', 'thought', 'said', 'rumored', 'rumoured', 'reported', 'understood', 'alleged',
  'suspected', 'feared', 'speculated', 'tipped', 'considered', 'seen', 'viewed', 'interpreted', 'regarded',
  'discussed', 'estimated', 'claimed', 'assumed', 'presumed', 'predicted', 'touted',
];

/** Verbs after "appear"/"could" that show a physical appearance or a past ability, not a hedge. */
export const ABILITY_VERBS: readonly string[] = [
  'swim', 'read', 'write', 'speak', 'walk', 'run', 'drive', 'see', 'hear', 'feel', 'remember', 'afford',
  'play', 'sing', 'cook', 'ride', 'smell', 'taste', 'dance', 'type', 'count', 'recall', 'barely', 'hardly',
];
