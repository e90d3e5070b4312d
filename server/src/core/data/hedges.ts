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

/** Verbs after "appear"/"could" that show a physical appearance or a past ability, not a hedge. */
export const ABILITY_VERBS: readonly string[] = [
  'swim', 'read', 'write', 'speak', 'walk', 'run', 'drive', 'see', 'hear', 'feel', 'remember', 'afford',
  'play', 'sing', 'cook', 'ride', 'smell', 'taste', 'dance', 'type', 'count', 'recall', 'barely', 'hardly',
];

/**
 * Determiners and pronouns that quantify people without naming them: "some argue", "many
 * analysts believe". On their own they are ordinary words; they make a weasel only as the subject
 * of a verb that reports a view (see ATTRIBUTION_VERBS).
 */
export const VAGUE_QUANTIFIERS: readonly HedgeEntry[] = [
  { word: 'some', kind: 'vague attribution', reason: 'credits a view to unnamed people, so the reader cannot judge who holds it' },
  { word: 'many', kind: 'vague attribution', reason: 'claims wide support for a view without showing who or how many' },
  { word: 'most', kind: 'vague attribution', reason: 'claims majority support for a view without evidence' },
  { word: 'several', kind: 'vague attribution', reason: 'credits a view to unnamed people' },
  { word: 'various', kind: 'vague attribution', reason: 'credits a view to unnamed people' },
  { word: 'numerous', kind: 'vague attribution', reason: 'claims wide support for a view without showing who' },
  { word: 'certain', kind: 'vague attribution', reason: 'credits a view to people the writer chooses not to name' },
  { word: 'few', kind: 'vague attribution', reason: 'credits a view to unnamed people' },
  { word: 'others', kind: 'vague attribution', reason: 'sets an unnamed camp against the first, so neither side is checkable' },
  { word: 'other', kind: 'vague attribution', reason: 'sets an unnamed camp against the first, so neither side is checkable' },
  { word: 'countless', kind: 'vague attribution', reason: 'claims wide support for a view without showing who' },
  { word: 'multiple', kind: 'vague attribution', reason: 'credits a view to unnamed people' },
];

/**
 * Plural nouns for people or sources that, with no name attached, stand for "someone": "critics
 * say", "experts warn". Written bare (no "the", no name), they hide who is speaking.
 */
export const ROLE_NOUNS: readonly string[] = [
  'critics', 'experts', 'analysts', 'observers', 'commentators', 'pundits', 'insiders', 'sources',
  'watchers', 'skeptics', 'sceptics', 'detractors', 'supporters', 'proponents', 'opponents', 'advocates',
  'defenders', 'scholars', 'historians', 'researchers', 'scientists', 'economists', 'academics',
  'specialists', 'officials', 'people', 'fans', 'users', 'developers', 'businesses', 'companies',
  'investors', 'voices', 'residents', 'activists', 'campaigners', 'lawmakers', 'regulators', 'executives',
  'engineers', 'theorists', 'reviewers', 'writers', 'authors', 'believers', 'naysayers', 'purists',
  'traditionalists', 'environmentalists', 'conservatives', 'liberals', 'veterans', 'practitioners',
  'parents', 'teachers', 'doctors', 'physicians', 'lawyers', 'journalists', 'reporters', 'stakeholders',
  'leaders', 'members', 'readers', 'viewers', 'listeners', 'players', 'customers', 'consumers', 'citizens',
  'voters',
];

/** Role nouns vague by nature: even without a verb of saying they hide who is meant ("industry watchers"). */
export const VAGUE_SOURCE_NOUNS: readonly HedgeEntry[] = [
  { word: 'watchers', kind: 'vague source', reason: 'stands in for a source the reader cannot check' },
  { word: 'insiders', kind: 'vague source', reason: 'stands in for a source the reader cannot check' },
  { word: 'observers', kind: 'vague source', reason: 'stands in for a source the reader cannot check' },
  { word: 'pundits', kind: 'vague source', reason: 'stands in for a source the reader cannot check' },
  { word: 'naysayers', kind: 'vague source', reason: 'stands in for a source the reader cannot check' },
  { word: 'critics', kind: 'vague source', reason: 'credits an objection to nobody in particular' },
  { word: 'skeptics', kind: 'vague source', reason: 'credits an objection to nobody in particular' },
  { word: 'sceptics', kind: 'vague source', reason: 'credits an objection to nobody in particular' },
  { word: 'detractors', kind: 'vague source', reason: 'credits an objection to nobody in particular' },
  { word: 'sources', kind: 'vague source', reason: 'stands in for a source the reader cannot check' },
];

/** Nouns for evidence that, bare, claim support nobody can look up: "studies show", "data suggests". */
export const EVIDENCE_NOUNS: readonly string[] = [
  'research', 'studies', 'study', 'data', 'reports', 'evidence', 'surveys', 'polls', 'estimates', 'figures',
  'statistics', 'analyses', 'analysis', 'findings', 'experience', 'history', 'observations', 'accounts',
];

/** Verbs by which evidence "speaks": they follow an evidence noun in "studies show". */
export const EVIDENCE_VERBS: readonly string[] = [
  'show', 'shows', 'showed', 'shown', 'suggest', 'suggests', 'suggested', 'indicate', 'indicates', 'indicated',
  'highlight', 'highlights', 'highlighted', 'find', 'finds', 'found', 'point', 'points', 'pointed', 'reveal',
  'reveals', 'revealed', 'demonstrate', 'demonstrates', 'demonstrated', 'prove', 'proves', 'proved', 'confirm',
  'confirms', 'confirmed', 'imply', 'implies', 'implied',
];

/**
 * Verbs that report a view, a feeling or a stance (lemma form; inflections are derived). With a
 * vague subject they make a weasel attribution: "some argue", "critics have pointed out".
 */
export const ATTRIBUTION_VERBS: readonly string[] = [
  'say', 'argue', 'believe', 'claim', 'contend', 'suggest', 'warn', 'note', 'point', 'fear', 'think', 'feel',
  'expect', 'predict', 'speculate', 'maintain', 'insist', 'assert', 'worry', 'caution', 'acknowledge',
  'agree', 'disagree', 'applaud', 'praise', 'welcome', 'criticize', 'criticise', 'question', 'doubt',
  'express', 'defend', 'dismiss', 'reject', 'see', 'view', 'consider', 'describe', 'regard', 'admit',
  'concede', 'recognize', 'recognise', 'suspect', 'wonder', 'complain', 'lament', 'hope', 'estimate',
  'allege', 'propose', 'theorize', 'theorise', 'observe', 'stress', 'emphasize', 'emphasise', 'urge',
  'favor', 'favour', 'prefer', 'support', 'oppose', 'blame', 'interpret', 'hail', 'tout', 'forecast',
  'anticipate', 'imagine', 'assume', 'guess', 'reckon', 'deny', 'dispute', 'challenge', 'liken', 'accuse',
  'celebrate', 'cheer', 'mourn', 'fault', 'slam', 'decry', 'condemn', 'laud', 'commend', 'endorse',
  'advocate', 'recommend', 'posit', 'postulate', 'conclude', 'infer', 'surmise',
];

/**
 * Past participles that, after a form of "be" with no agent ("is believed to", "was expected to",
 * "is being interpreted as"), attribute a view to nobody in particular. `to`: takes an infinitive;
 * `as`: takes "as"; `that`: takes a that-clause after impersonal "it"; `progressive`: flagged when
 * "being" comes first ("are being discussed"); `predicate`: takes a bare predicate ("is
 * considered one of").
 */
export interface PassiveEntry extends HedgeEntry {
  frames: readonly ('to' | 'as' | 'that' | 'progressive' | 'predicate')[];
}

export const AGENTLESS_PASSIVES: readonly PassiveEntry[] = [
  { word: 'believed', kind: 'agentless passive', reason: 'says a view is held without saying by whom', frames: ['to', 'that'] },
  { word: 'thought', kind: 'agentless passive', reason: 'says a view is held without saying by whom', frames: ['to', 'that'] },
  { word: 'expected', kind: 'agentless passive', reason: 'reports an expectation without saying who expects it', frames: ['to', 'that'] },
  { word: 'said', kind: 'agentless passive', reason: 'repeats hearsay without naming who said it', frames: ['to', 'that'] },
  { word: 'rumored', kind: 'agentless passive', reason: 'repeats a rumour as if it were news', frames: ['to', 'that'] },
  { word: 'rumoured', kind: 'agentless passive', reason: 'repeats a rumour as if it were news', frames: ['to', 'that'] },
  { word: 'reported', kind: 'agentless passive', reason: 'cites reports without naming them', frames: ['to', 'that'] },
  { word: 'understood', kind: 'agentless passive', reason: 'claims inside knowledge without naming the source', frames: ['to', 'that'] },
  { word: 'alleged', kind: 'agentless passive', reason: 'repeats an accusation without naming who makes it', frames: ['to', 'that'] },
  { word: 'suspected', kind: 'agentless passive', reason: 'repeats a suspicion without naming who holds it', frames: ['to', 'that'] },
  { word: 'feared', kind: 'agentless passive', reason: 'reports a fear without naming who fears it', frames: ['to', 'that'] },
  { word: 'speculated', kind: 'agentless passive', reason: 'repeats speculation without naming its source', frames: ['to', 'that'] },
  { word: 'claimed', kind: 'agentless passive', reason: 'repeats a claim without naming who makes it', frames: ['to', 'that'] },
  { word: 'argued', kind: 'agentless passive', reason: 'reports an argument without naming who makes it', frames: ['that'] },
  { word: 'suggested', kind: 'agentless passive', reason: 'reports a suggestion without naming who makes it', frames: ['that'] },
  { word: 'assumed', kind: 'agentless passive', reason: 'states an assumption without saying whose', frames: ['to', 'that'] },
  { word: 'presumed', kind: 'agentless passive', reason: 'states an assumption without saying whose', frames: ['to', 'that'] },
  { word: 'estimated', kind: 'agentless passive', reason: 'gives an estimate without saying who made it', frames: ['to', 'that'] },
  { word: 'predicted', kind: 'agentless passive', reason: 'reports a prediction without saying who made it', frames: ['to', 'that'] },
  { word: 'tipped', kind: 'agentless passive', reason: 'reports a tip without naming who gave it', frames: ['to', 'as'] },
  { word: 'held', kind: 'agentless passive', reason: 'says a view is held without saying by whom', frames: ['that'] },
  { word: 'considered', kind: 'agentless passive', reason: 'presents an opinion as consensus without saying whose', frames: ['to', 'as', 'predicate'] },
  { word: 'deemed', kind: 'agentless passive', reason: 'presents a judgement without saying who made it', frames: ['to', 'predicate'] },
  { word: 'regarded', kind: 'agentless passive', reason: 'presents an opinion as consensus without saying whose', frames: ['as'] },
  { word: 'seen', kind: 'agentless passive', reason: 'presents an interpretation without saying whose', frames: ['as'] },
  { word: 'viewed', kind: 'agentless passive', reason: 'presents an interpretation without saying whose', frames: ['as'] },
  { word: 'perceived', kind: 'agentless passive', reason: 'presents an interpretation without saying whose', frames: ['as'] },
  { word: 'interpreted', kind: 'agentless passive', reason: 'presents an interpretation without saying whose', frames: ['as'] },
  { word: 'described', kind: 'agentless passive', reason: 'presents a characterisation without saying whose', frames: ['as'] },
  { word: 'characterized', kind: 'agentless passive', reason: 'presents a characterisation without saying whose', frames: ['as'] },
  { word: 'characterised', kind: 'agentless passive', reason: 'presents a characterisation without saying whose', frames: ['as'] },
  { word: 'touted', kind: 'agentless passive', reason: 'repeats promotion without naming who promotes it', frames: ['as', 'to'] },
  { word: 'hailed', kind: 'agentless passive', reason: 'repeats praise without naming who gives it', frames: ['as'] },
  { word: 'criticized', kind: 'agentless passive', reason: 'reports criticism without naming the critics', frames: ['progressive'] },
  { word: 'criticised', kind: 'agentless passive', reason: 'reports criticism without naming the critics', frames: ['progressive'] },
  { word: 'discussed', kind: 'agentless passive', reason: 'reports a debate without saying who is having it', frames: ['progressive'] },
  { word: 'debated', kind: 'agentless passive', reason: 'reports a debate without saying who is having it', frames: ['progressive'] },
  { word: 'floated', kind: 'agentless passive', reason: 'reports a proposal without saying who made it', frames: ['progressive'] },
  { word: 'mooted', kind: 'agentless passive', reason: 'reports a proposal without saying who made it', frames: ['progressive'] },
  { word: 'weighed', kind: 'agentless passive', reason: 'reports deliberation without saying whose', frames: ['progressive'] },
  { word: 'questioned', kind: 'agentless passive', reason: 'reports doubt without saying who doubts', frames: ['progressive'] },
];

/** Blurring softeners: they make a claim vaguer without adding information. */
export const SOFTENERS: readonly HedgeEntry[] = [
  { word: 'somewhat', kind: 'softener', reason: 'blurs how much is true, so the claim cannot be checked' },
  { word: 'fairly', kind: 'softener', reason: 'blurs the degree instead of giving it' },
  { word: 'relatively', kind: 'softener', reason: 'compares with nothing named, so the degree means little' },
  { word: 'comparatively', kind: 'softener', reason: 'compares with nothing named, so the degree means little' },
  { word: 'to some extent', kind: 'softener', reason: 'limits the claim without saying how far it holds' },
  { word: 'to a certain extent', kind: 'softener', reason: 'limits the claim without saying how far it holds' },
  { word: 'to some degree', kind: 'softener', reason: 'limits the claim without saying how far it holds' },
  { word: 'to a degree', kind: 'softener', reason: 'limits the claim without saying how far it holds' },
  { word: 'to an extent', kind: 'softener', reason: 'limits the claim without saying how far it holds' },
  { word: 'in some ways', kind: 'softener', reason: 'limits the claim without saying in which ways' },
  { word: 'in some respects', kind: 'softener', reason: 'limits the claim without saying in which respects' },
  { word: 'in a sense', kind: 'softener', reason: 'limits the claim without saying in what sense' },
  { word: 'in a way', kind: 'softener', reason: 'limits the claim without saying how' },
  { word: 'more or less', kind: 'softener', reason: 'blurs the claim instead of stating it' },
  { word: 'sort of', kind: 'softener', reason: 'blurs the claim instead of stating it' },
  { word: 'kind of', kind: 'softener', reason: 'blurs the claim instead of stating it' },
];

/**
 * Quantifiers that generalise about a group without saying how many or which ("some critics",
 * "many historians", "in some areas", "several reports"). Measured on the CoNLL-2010 Wikipedia
 * train split (sentence precision when the quantifier is the only cue, two halves): some 60%/57%,
 * many 61%/56%, certain 63%/57%, several 47%/39% (as the only cue in a sentence: 53%/51%; without
 * it F1 fell by 2 points). Left out because they were mostly plain counts there: "various"
 * (24%/18%), "numerous" (26%/32%), "most" (31%/38%, usually a superlative), "a few" and "a number
 * of" (they lowered F1).
 */
export const VAGUE_QUANTITIES: readonly HedgeEntry[] = [
  { word: 'some', kind: 'vague generalisation', reason: 'generalises about an unnamed part of a group, so the reader cannot tell how far the claim holds' },
  { word: 'many', kind: 'vague generalisation', reason: 'claims the statement is common without saying how many or which' },
  { word: 'several', kind: 'vague generalisation', reason: 'counts without a number, so the claim cannot be checked' },
  { word: 'certain', kind: 'vague generalisation', reason: 'points at particular members of a group without naming them' },
];

/**
 * Nouns after which a vague quantifier measures an amount rather than generalising about a group:
 * "several weeks", "many years", "some 200 miles". A writer may still give the number, but the
 * sentence is not a claim about who or what.
 */
export const MEASURE_NOUNS: readonly string[] = [
  'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'decades', 'centuries', 'times', 'seasons',
  'generations', 'nights', 'miles', 'kilometres', 'kilometers', 'meters', 'metres', 'feet', 'inches', 'pounds',
  'dollars', 'euros', 'points', 'percent',
];

/** Singular nouns after "some" that make an idiom of time, manner or type, not a generalisation: "at some point", "some form of". */
export const IDIOM_NOUNS: readonly string[] = [
  'time', 'point', 'form', 'kind', 'sort', 'type', 'way', 'extent', 'degree', 'while', 'stage', 'day', 'more', 'less',
  'other', 'one', 'thing', 'something', 'reason', 'sense',
];

/**
 * Adverbs of consensus that, before a participle of opinion with no agent, claim everyone agrees:
 * "widely regarded as", "generally considered", "commonly believed". Measured on CoNLL train:
 * adverb + opinion participle 81%/80% (widely), 75%/100% (generally); "often" + participle was
 * only 21%/24% (mostly "often called", a naming) and is left out.
 */
export const CONSENSUS_ADVERBS: readonly string[] = ['widely', 'generally', 'commonly', 'popularly', 'universally', 'broadly'];

/** Participles of opinion that a consensus adverb turns into an unattributed verdict. */
export const OPINION_PARTICIPLES: readonly string[] = [
  'considered', 'regarded', 'believed', 'accepted', 'thought', 'seen', 'known', 'recognized', 'recognised',
  'acknowledged', 'held', 'viewed', 'perceived', 'acclaimed', 'praised', 'criticized', 'criticised', 'assumed',
  'agreed', 'credited', 'hailed', 'cited', 'described', 'reported', 'claimed', 'rumored', 'rumoured',
];

/**
 * "may" that states what can happen in general or what is allowed, not a guess about a fact:
 * "symptoms may include fever", "players may choose", "the dish may be served cold". These are
 * "can" in meaning; the hedge reading is for a specific, uncertain claim. Measured on CoNLL
 * train, sentences whose only cue was such a "may" were hedges in 0–20% of cases.
 */
export const GENERIC_MAY_VERBS: readonly string[] = [
  'include', 'vary', 'range', 'refer', 'consist', 'contain', 'differ', 'accompany', 'choose', 'opt', 'elect', 'wish',
  'prefer', 'select', 'request', 'customise', 'customize', 'participate', 'qualify',
];

/**
 * Participles after "may be" that describe a procedure or a use: "may be served cold", "may be
 * abbreviated". Verbs of events that news reports as future possibilities ("may be replaced",
 * "may be made", "may be sold") are deliberately absent: there "may" is a guess.
 */
export const GENERIC_MAY_PARTICIPLES: readonly string[] = [
  'used', 'added', 'combined', 'called', 'classified', 'treated', 'expressed', 'inserted', 'obtained', 'divided',
  'performed', 'served', 'prepared', 'eaten', 'cooked', 'worn', 'grown', 'planted', 'stored', 'kept', 'washed',
  'written', 'played', 'installed', 'attached', 'diagnosed', 'prescribed', 'administered', 'referred', 'substituted',
  'mixed', 'abbreviated', 'shortened', 'spelled', 'spelt', 'pronounced', 'translated', 'subdivided', 'eligible',
];
