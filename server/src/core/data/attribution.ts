/**
 * Lexicons of attribution: the cues that introduce reported speech, the words that make a source
 * vague or anonymous, and the titles that may stand before a name. Data only; the logic is in
 * attribution.ts. Each group says why its words belong there.
 */

export interface CueGroup {
  /** Base forms; inflections (-s, -ed, -ing) are generated unless listed in `forms`. */
  verbs: string[];
  /** Irregular or extra forms. */
  forms?: string[];
  reason: string;
}

export const SPEECH_VERBS: readonly CueGroup[] = [
  { verbs: ['say'], forms: ['said', 'says', 'saying'], reason: 'the neutral verb of reported speech' },
  { verbs: ['tell'], forms: ['told', 'tells', 'telling'], reason: 'speech to a named listener ("she told reporters")' },
  { verbs: ['write'], forms: ['wrote', 'writes', 'written', 'writing'], reason: 'words quoted from writing' },
  { verbs: ['speak'], forms: ['spoke', 'speaks', 'spoken', 'speaking'], reason: 'speech named as such ("she spoke to the board")' },
  { verbs: ['add', 'note', 'argue', 'remark', 'state', 'warn', 'ask', 'explain', 'insist', 'claim', 'declare', 'announce', 'respond', 'reply', 'continue', 'recall', 'acknowledge', 'admit', 'concede', 'suggest', 'complain', 'contend', 'emphasize', 'emphasise', 'stress', 'predict', 'promise', 'vow', 'joke', 'quip', 'boast', 'brag', 'observe', 'conclude', 'caution', 'lament', 'counter', 'retort', 'muse', 'plead', 'urge', 'demand', 'assert', 'maintain', 'allege', 'charge', 'reiterate', 'elaborate', 'proclaim', 'tout', 'confirm', 'deny', 'testify', 'shout', 'yell', 'chant', 'scream', 'whisper', 'mutter', 'exclaim', 'wonder', 'agree', 'interject', 'concur', 'opine', 'theorize', 'speculate', 'point', 'sum', 'summarize', 'summarise', 'describe', 'dub', 'label', 'brand', 'call', 'quote', 'blast', 'slam', 'praise', 'criticize', 'criticise', 'mock', 'recount', 'report', 'answer', 'put', 'comment', 'sing', 'recite', 'chant', 'preach', 'pray'], forms: ['sang', 'sung', 'began', 'put', 'putting', 'replied', 'replies', 'testified', 'testifies', 'denied', 'denies', 'labelled', 'labelling', 'summed', 'dubbed', 'slammed', 'quipped', 'quipping'], reason: 'verbs that report what someone said and how (the manner is the writer’s, the words the speaker’s)' },
  { verbs: ['tweet', 'post', 'email', 'e-mail', 'blog', 'retweet'], forms: ['posted', 'texted', 'messaged'], reason: 'words published on social media or sent in writing' },
  { verbs: ['read'], forms: ['reads', 'reading'], reason: 'a document quoted ("the letter reads")' },
];

/** Nouns naming an utterance: "his remarks", "in a statement", "comments by the mayor". */
export const SPEECH_NOUNS: readonly string[] = [
  'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'words', 'interview', 'speech', 'tweet', 'tweets',
  'post', 'posts', 'letter', 'memo', 'email', 'e-mail', 'release', 'testimony', 'argument', 'message', 'op-ed', 'editorial',
  'response', 'reply', 'answer', 'address', 'essay', 'blog', 'video', 'podcast', 'quote', 'quotes', 'admission', 'claim', 'claims',
  'words', 'announcement', 'declaration', 'warning', 'retort', 'rebuttal', 'filing', 'complaint', 'lawsuit', 'suit', 'report',
];

/** Cues that are not attribution when negated or in these frames ("declined to say", "did not say"). */
export const NEGATORS: readonly string[] = ['not', "n't", 'never', 'to', 'refused', 'declined', 'without'];

/** Pronouns that can be the speaker of a quotation; they must refer back to someone named. */
export const PRONOUNS: Readonly<Record<string, 'person' | 'group' | 'thing' | 'writer'>> = {
  he: 'person', she: 'person', they: 'group', it: 'thing', we: 'writer', i: 'writer',
};

/**
 * Heads that are always vague, whatever precedes them: the reader cannot tell who spoke.
 * ("a source", "sources close to the campaign", "critics", "experts", "an insider").
 */
export const ALWAYS_VAGUE: Readonly<Record<string, string>> = {
  source: 'an unnamed source', sources: 'unnamed sources', insider: 'an unnamed insider', insiders: 'unnamed insiders',
  critic: 'an unnamed critic', critics: 'unnamed critics', expert: 'an unnamed expert', experts: 'unnamed experts',
  analyst: 'an unnamed analyst', analysts: 'unnamed analysts', observer: 'an unnamed observer', observers: 'unnamed observers',
  someone: 'no one in particular', somebody: 'no one in particular', skeptics: 'unnamed sceptics', sceptics: 'unnamed sceptics',
  detractors: 'unnamed detractors', pundits: 'unnamed pundits', commentators: 'unnamed commentators', whistleblower: 'an unnamed whistleblower',
};

/** Words that, after "people"/"a person"/"those", make the phrase a description of anonymous sources. */
export const ANONYMOUS_QUALIFIERS: readonly string[] = ['familiar', 'close', 'briefed', 'knowledgeable', 'with', 'who', 'involved', 'aware', 'speaking'];

/**
 * Roles that are anonymous after an indefinite determiner ("a senior official", "one aide") or as a
 * bare plural without any name ("officials said"): the role is given, the person is not.
 */
export const ANONYMOUS_ROLES: readonly string[] = [
  'official', 'officials', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'staffer', 'staffers', 'employee', 'employees',
  'diplomat', 'diplomats', 'officer', 'officers', 'member', 'members', 'insider', 'person', 'people', 'strategist', 'strategists',
  'operative', 'operatives', 'ally', 'allies', 'associate', 'associates', 'friend', 'friends', 'confidant', 'confidants', 'veteran', 'veterans',
  'executive', 'executives', 'lawmaker', 'lawmakers', 'researcher', 'researchers', 'scientist', 'scientists', 'investor', 'investors',
];

/** Determiners that leave a role unnamed. */
export const INDEFINITE: readonly string[] = ['a', 'an', 'one', 'some', 'several', 'two', 'three', 'four', 'many', 'other', 'another', 'various', 'numerous', 'multiple', 'few', 'most', 'more'];

/** Pronouns standing alone as a vague speaker ("as one put it", "some said", "others warned"). */
export const VAGUE_ALONE: readonly string[] = ['one', 'some', 'many', 'others', 'few', 'most', 'several', 'everyone', 'everybody', 'anyone', 'people'];

/**
 * Nouns that can be a speaker when they refer back to someone named earlier ("the company said"
 * after "OpenAI"; "the senator added" after "Ted Cruz"), and documents that speak for their author
 * ("his lawsuit argues").
 */
export const AGENT_NOUNS: readonly string[] = [
  'company', 'firm', 'startup', 'agency', 'department', 'ministry', 'government', 'administration', 'campaign', 'committee', 'party',
  'group', 'organization', 'organisation', 'team', 'office', 'court', 'judge', 'board', 'council', 'union', 'university', 'lab',
  'laboratory', 'institute', 'foundation', 'bank', 'fund', 'network', 'newspaper', 'paper', 'magazine', 'outlet', 'site', 'publication',
  'president', 'senator', 'governor', 'mayor', 'candidate', 'nominee', 'congressman', 'congresswoman', 'representative', 'lawmaker',
  'minister', 'secretary', 'chairman', 'chairwoman', 'chair', 'ceo', 'founder', 'cofounder', 'co-founder', 'executive', 'director', 'chief',
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'official', 'lawyer', 'attorney', 'attorneys', 'lawyers', 'prosecutor', 'prosecutors',
  'researcher', 'scientist', 'professor', 'author', 'writer', 'reporter', 'economist', 'analyst', 'doctor', 'physician', 'leader',
  'manager', 'owner', 'investor', 'billionaire', 'entrepreneur', 'activist', 'businessman', 'businesswoman', 'star', 'actor', 'actress',
  'singer', 'player', 'coach', 'man', 'woman', 'boy', 'girl', 'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'sister', 'brother',
  'pope', 'king', 'queen', 'prince', 'princess', 'general', 'commander', 'sheriff', 'chancellor', 'premier', 'host', 'moderator',
  'democrat', 'republican', 'billionaire', 'developer', 'developers', 'engineer', 'witness', 'victim', 'suspect', 'defendant', 'plaintiff',
  'lawsuit', 'suit', 'complaint', 'filing', 'report', 'study', 'letter', 'statement', 'memo', 'post', 'blog', 'tweet', 'document', 'ruling',
  'opinion', 'decision', 'order', 'bill', 'website', 'charter', 'release', 'survey', 'poll', 'paper', 'book', 'article', 'column', 'editorial',
];

/** Groups that speak together ("protesters chanted", "the crowd shouted"): a known source, not anonymous. */
export const GROUP_NOUNS: readonly string[] = [
  'protesters', 'protestors', 'demonstrators', 'crowd', 'audience', 'supporters', 'fans', 'residents', 'voters', 'students', 'workers',
  'parents', 'users', 'customers', 'attendees', 'delegates', 'members', 'participants', 'activists', 'organizers', 'organisers',
  'democrats', 'republicans', 'lawmakers', 'senators', 'officials', 'executives', 'researchers', 'authors', 'plaintiffs', 'prosecutors',
];

/** Titles and honorifics that may stand before a name ("OpenAI CEO Sam Altman", "Sen. Ted Cruz"). */
export const TITLES: readonly string[] = [
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'president',
  'vice', 'secretary', 'minister', 'prime', 'chancellor', 'mayor', 'judge', 'justice', 'gen', 'general', 'col', 'lt', 'sgt', 'capt',
  'captain', 'adm', 'admiral', 'rev', 'reverend', 'father', 'sister', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess',
  'ceo', 'cfo', 'cto', 'coo', 'chairman', 'chairwoman', 'chair', 'founder', 'co-founder', 'cofounder', 'chief', 'director', 'head',
  'spokesman', 'spokeswoman', 'spokesperson', 'attorney', 'commissioner', 'ambassador', 'speaker', 'leader', 'candidate', 'nominee',
  'executive', 'officer', 'economist', 'analyst', 'researcher', 'scientist', 'hon', 'pope', 'coach', 'detective', 'inspector', 'officer', 'sheikh', 'emir', 'rabbi', 'imam', 'st',
];

/** Abbreviations after which a period does not end a name ("Dr. Lisa Monroe", "Sen. Ted Cruz"). */
export const NAME_ABBREVIATIONS: readonly string[] = ['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'adm', 'rev', 'hon', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'u.s', 'u.k', 'u.n'];

/**
 * Capitalised words that are not names: sentence openers, pronouns, days and months, and the
 * capitalised words of headlines. A name never consists of these alone.
 */
export const NOT_NAMES: readonly string[] = [
  'the', 'a', 'an', 'and', 'but', 'or', 'so', 'yet', 'for', 'nor', 'in', 'on', 'at', 'to', 'of', 'by', 'with', 'from', 'as', 'if', 'when',
  'while', 'after', 'before', 'since', 'because', 'although', 'though', 'then', 'also', 'still', 'this', 'that', 'these', 'those', 'it', 'its',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'there', 'here', 'what', 'why', 'how', 'who', 'where',
  'which', 'asked', 'speaking', 'according', 'however', 'meanwhile', 'instead', 'indeed', 'yes', 'no', 'not', 'now', 'today', 'yesterday',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms', 'dr', 'one', 'some', 'many', 'others', 'other',
  'all', 'both', 'each', 'every', 'another', 'such', 'even', 'just', 'only', 'last', 'next', 'first', 'later', 'earlier', 'again', 'once',
  'said', 'says', 'told', 'added', 'wrote', 'in', 'during', 'despite', 'under', 'over', 'into', 'about', 'against', 'between', 'like',
  'well', 'oh', 'ok', 'okay', 'sure', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would',
  'can', 'could', 'should', 'might', 'must', 'let', 'let’s', "let's", 'no.', 'update', 'note', 'editor', 'photo', 'image', 'source',
];

/** Words that may stand between a speaker and a cue ("Smith also said", "she has repeatedly argued"). */
export const BETWEEN_SPEAKER_AND_CUE: readonly string[] = [
  'also', 'later', 'then', 'previously', 'recently', 'once', 'repeatedly', 'again', 'has', 'have', 'had', 'would', 'will', 'did', 'does',
  'do', 'was', 'is', 'were', 'are', 'had', 'publicly', 'privately', 'bluntly', 'simply', 'often', 'frequently', 'famously', 'quickly',
  'flatly', 'just', 'already', 'even', 'still', 'earlier', 'separately', 'further', 'finally', 'first', 'reportedly', 'openly', 'angrily',
  'calmly', 'quietly', 'loudly', 'tearfully', 'proudly', 'softly', 'firmly', 'sharply', 'jokingly', 'candidly', 'emphatically', 'explicitly',
  'subsequently', 'immediately', 'eventually', 'ultimately', 'herself', 'himself', 'themselves', 'itself', 'personally', 'directly',
  'specifically', 'memorably', 'succinctly', 'once', 'twice', 'always', 'never', 'has', 'been', 'being', 'could', 'might', 'may', 'should',
];

/** Words that end a speaker phrase going leftwards: they begin a clause, not a name. */
export const CLAUSE_BOUNDARIES: readonly string[] = [
  'that', 'which', 'when', 'while', 'because', 'but', 'although', 'though', 'if', 'since', 'after', 'before', 'as', 'so', 'whether',
  'where', 'what', 'how', 'why', 'than', 'until', 'unless', 'whereas', 'yet', 'or', 'and', 'is', 'are', 'was', 'were', 'has', 'have', 'had',
];
