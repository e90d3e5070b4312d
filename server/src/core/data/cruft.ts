/**
 * Lexicon of stock web and CMS cruft, with the reason each entry is cruft. Data apart from logic:
 * rules/web-cruft.ts matches these patterns against one line at a time (lower-cased, spaces
 * collapsed, surrounding punctuation and bullets trimmed) and combines them with the shape of the
 * text around. Patterns describe kinds of page furniture (a comment form, a share row), not strings
 * copied from any page: each one should hold on any site.
 */

export type CruftKind =
  | 'navigation'
  | 'account'
  | 'call to action'
  | 'newsletter pitch'
  | 'comment form'
  | 'author box'
  | 'share row'
  | 'related links'
  | 'tag list'
  | 'advertising'
  | 'legal footer'
  | 'image credit';

export interface CruftEntry {
  /** Matched against the whole normalised line unless `partial` is set. */
  pattern: RegExp;
  kind: CruftKind;
  reason: string;
  /**
   * True: the pattern may match anywhere in a line of up to `partialMaxWords` words (a sentence
   * that is itself a pitch: "Sign up for our newsletter to get..."). The whole line is flagged.
   */
  partial?: boolean;
  /**
   * True: the line is a section marker ("Related stories", "12 comments"): what follows it up to
   * the next stretch of reporting belongs to the same furniture.
   */
  opensSection?: boolean;
}

/** Lines longer than this are never taken as cruft on the strength of a partial match alone. */
export const PARTIAL_MAX_WORDS = 45;

const SOCIAL = '(?:facebook|twitter|x|linkedin|reddit|whatsapp|telegram|pinterest|instagram|tumblr|flipboard|email|e-mail|print|copy link|messenger|youtube|tiktok|threads|bluesky|mastodon|sms|pocket)';

export const CRUFT: readonly CruftEntry[] = [
  // Navigation: furniture that moves the reader around the site, never part of a story.
  { pattern: /^skip to (?:main |primary )?(?:content|navigation|site index|footer|search)(?: skip to (?:main |primary )?(?:content|navigation|site index|footer|search))*$/, kind: 'navigation', reason: 'an accessibility link of the page template' },
  { pattern: /^(?:home|menu|main menu|search|sections|site index|site map|sitemap|back to top|top|go to home page|close|open menu|close menu|toggle navigation|navigation|all sections|more sections|show more|load more|see all|view all|see more|view more|more|next|previous|prev|older posts|newer posts|go|submit)$/, kind: 'navigation', reason: 'a navigation control, one word or two on a line of its own' },
  { pattern: /^(?:previous|next|prev)(?: (?:article|post|story|page|entry|slide|item))?(?:\s.*)?$/, kind: 'navigation', reason: 'a link to the neighbouring post' },
  { pattern: /^page \d+ of \d+$/, kind: 'navigation', reason: 'pagination' },
  { pattern: /^(?:today'?s paper|print edition|e-?paper|digital edition|video|podcasts?|newsletters?|games|crosswords?|weather|horoscopes?|obituaries|classifieds|jobs|events|shop|store)$/, kind: 'navigation', reason: 'a site section name on a line of its own' },
  // Account and paywall controls.
  { pattern: /^(?:log ?in|log ?out|sign ?in|sign ?out|sign up|register|my account|manage my account|create (?:an |a free )?account|subscribe(?: now| today| for \S+)?|subscriber login|join(?: now)?|account|profile|already a (?:subscriber|member)\b.*|not a subscriber\b.*)$/, kind: 'account', reason: 'an account or paywall control' },
  { pattern: /\b(?:subscribe|subscription|sign in|log in)\b.*\b(?:to (?:continue|read|access|unlock)|unlimited (?:access|articles|digital)|per (?:month|week)|free trial)\b/, kind: 'account', reason: 'a paywall or subscription pitch', partial: true },
  // Calls to action.
  { pattern: /^(?:click|tap) here\b.*$/, kind: 'call to action', reason: '"click here" points at the page, not the story' },
  { pattern: /^(?:read|learn|find out|discover|see|explore) more\b.*$/, kind: 'call to action', reason: 'a link prompt' },
  { pattern: /^continue reading(?: the (?:main )?(?:story|article))?(?: below)?$/, kind: 'call to action', reason: 'a link prompt of the page template' },
  { pattern: /^(?:read|view) (?:the )?(?:full|original|complete) (?:story|article|post|report)\b.*$/, kind: 'call to action', reason: 'a link prompt' },
  { pattern: /\bfor more (?:news|stories|updates|insights|information|coverage)\b.*\b(?:visit|follow|check out|see|head to|go to)\b/, kind: 'call to action', reason: 'sends the reader elsewhere on the site', partial: true },
  { pattern: /\b(?:follow|like|join) us on\b/, kind: 'call to action', reason: 'a social-media pitch', partial: true },
  { pattern: /\bdownload (?:our|the) (?:free )?app\b/, kind: 'call to action', reason: 'an app pitch', partial: true },
  { pattern: /^(?:please )?(?:enable|turn on) javascript\b.*$/, kind: 'call to action', reason: 'a browser notice' },
  { pattern: /\b(?:support|donate to) (?:our|independent) (?:journalism|reporting|work)\b/, kind: 'call to action', reason: 'a donation pitch', partial: true },
  // Newsletter pitches.
  { pattern: /\b(?:sign up|subscribe|register)\b.{0,40}\bnewsletters?\b/, kind: 'newsletter pitch', reason: 'a newsletter pitch', partial: true },
  { pattern: /\bnewsletters?\b.{0,60}\b(?:inbox|sign up|subscribe)\b/, kind: 'newsletter pitch', reason: 'a newsletter pitch', partial: true },
  { pattern: /\b(?:delivered|straight|direct) to your inbox\b/, kind: 'newsletter pitch', reason: 'a newsletter pitch', partial: true },
  { pattern: /^stay (?:informed|updated|up to date|in the loop|ahead|tuned)\b.*\b(?:latest|news|updates|newsletter|subscrib\w*|follow\w*)\b/, kind: 'newsletter pitch', reason: 'a stock sign-off asking the reader to keep following' },
  { pattern: /^(?:enter your email(?: address)?|email address|your email|thanks? (?:you )?for (?:signing up|subscribing))\b.*$/, kind: 'newsletter pitch', reason: 'a sign-up form' },
  { pattern: /\bby (?:signing up|subscribing|clicking)\b.*\b(?:agree|consent|privacy)\b/, kind: 'newsletter pitch', reason: 'the small print of a sign-up form', partial: true },
  // Comment forms and widgets.
  { pattern: /^(?:leave|post|add|write|submit) (?:a |your )?(?:reply|comment|response)$/, kind: 'comment form', reason: 'the heading of a comment form', opensSection: true },
  { pattern: /^(?:\d+|no|one|zero) ?(?:comments?|responses?|replies)$/, kind: 'comment form', reason: 'a comment counter', opensSection: true },
  { pattern: /^(?:comments?|responses|discussion|join the (?:discussion|conversation)|conversation|reader comments|show comments|view comments|load comments|comments? \(\d+\))$/, kind: 'comment form', reason: 'the heading of a comment section', opensSection: true },
  { pattern: /\byour email address will not be published\b/, kind: 'comment form', reason: 'comment-form small print', partial: true },
  { pattern: /\brequired fields are marked\b/, kind: 'comment form', reason: 'comment-form small print', partial: true },
  { pattern: /\bsave my name,? email\b/, kind: 'comment form', reason: 'comment-form small print', partial: true },
  { pattern: /\bnotify me of (?:new|follow-up)\b/, kind: 'comment form', reason: 'comment-form small print', partial: true },
  { pattern: /^(?:name|email|e-mail|website|comment|cancel reply|reply|report|flag|like|upvote|share)\s*\*?$/, kind: 'comment form', reason: 'a form field or comment button' },
  { pattern: /\b(?:be the first to (?:comment|respond|reply|review)|there are no comments|no comments yet|comments are closed|comments powered by)\b/, kind: 'comment form', reason: 'comment-widget text', partial: true },
  { pattern: /\b(?:share|tell us|let us know) (?:your|what you) (?:thoughts|think|views|opinion)\b.*\b(?:comments?|below)\b/, kind: 'comment form', reason: 'asks for comments instead of reporting', partial: true },
  { pattern: /^(?:what do you think|your voice matters)\b.*$/, kind: 'comment form', reason: 'asks for comments instead of reporting' },
  { pattern: /^you must be logged in to post a comment\b.*$/, kind: 'comment form', reason: 'comment-form small print' },
  // Author boxes of the platform.
  { pattern: /^about (?:the )?(?:author|creator|writer|contributor|reporter|editor)s?$/, kind: 'author box', reason: 'the heading of the platform\'s author box', opensSection: true },
  { pattern: /^(?:more (?:from|by) (?:this|the) (?:author|creator|writer)|view all posts by\b.*|all posts by\b.*|more articles by\b.*|see all stories by\b.*)$/, kind: 'author box', reason: 'a link to the author\'s other posts' },
  // Share rows.
  { pattern: new RegExp(`^(?:share(?: this)?(?: (?:article|story|post|page))?(?: on| via)? ?)?(?:${SOCIAL}[ ,|/•·]*){1,12}$`), kind: 'share row', reason: 'a row of share buttons' },
  { pattern: /^(?:share|tweet|pin(?: it)?|share this|share (?:this )?(?:article|story|post|page)|share on \w+|share via \w+|\d+ shares?|shares?)$/, kind: 'share row', reason: 'a share button' },
  // Related-links lists.
  { pattern: /^(?:related|related (?:articles?|stories|posts|coverage|content|links|news|reading|topics|videos?)|recommended(?: (?:for you|stories|articles|reading))?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:from|on|in|about) .{1,40}|more (?:stories|news|articles|headlines|videos?)|read next|up next|what to read next|trending(?: now| stories| news)?|most (?:popular|read|viewed|shared|emailed)|top stories|latest(?: news| stories| posts| articles)?|also read|read also|see also|don'?t miss|editor'?s picks?|popular posts|recent posts|around the web|sponsored (?:stories|content|links))$/, kind: 'related links', reason: 'the heading of a list of links to other stories', opensSection: true },
  { pattern: /^(?:also read|read also|read more|related|see also|recommended|watch)\s*[:|-]\s*.+$/, kind: 'related links', reason: 'a link to another story' },
  // Tag lists.
  { pattern: /^(?:tags?|tagged|topics?|filed under|posted in|categories|category|labels?|keywords)\s*[:|-]?\s*.{0,300}$/, kind: 'tag list', reason: 'the CMS\'s list of tags or categories' },
  // Advertising.
  { pattern: /^(?:advertisement|advertising|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|partner content|supported by|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading below|scroll to continue(?: with content)?)$/, kind: 'advertising', reason: 'an advertising label' },
  // Legal footers and cookie notices.
  { pattern: /(?:^|\s)(?:©|\(c\)|copyright)\s*(?:\d{4}|[a-z])/, kind: 'legal footer', reason: 'a copyright line', partial: true },
  { pattern: /\ball rights reserved\b/, kind: 'legal footer', reason: 'a copyright line', partial: true },
  { pattern: /^(?:privacy(?: policy| notice| settings)?|terms(?: of (?:use|service))?|terms (?:&|and) conditions|cookie (?:policy|settings|preferences)|accessibility|contact(?: us)?|about(?: us)?|advertise(?: with us)?|careers|work with us|help|faq|feedback|corrections|ethics policy|masthead|rss|do not sell my (?:personal )?(?:data|info|information)|your privacy choices)$/, kind: 'legal footer', reason: 'a footer link' },
  { pattern: /\b(?:this (?:web)?site|we) uses? cookies\b|\bby (?:using|continuing to use) (?:this|our) (?:web)?site\b|\baccept (?:all )?cookies\b/, kind: 'legal footer', reason: 'a cookie notice', partial: true },
  { pattern: /\bmay not be (?:published|reproduced|republished),? (?:broadcast|rewritten|distributed)\b/, kind: 'legal footer', reason: 'a reuse notice', partial: true },
  // Image credits.
  { pattern: /^(?:photo|image|picture|illustration|credit|photograph|video)s?(?: credit)?\s*(?::|\.\.\.|…)\s*.{0,120}$/, kind: 'image credit', reason: 'a picture credit' },
  { pattern: /\((?:photo|image|picture)s?(?: by)?:? [^)]{1,80}\)$|\/(?:getty images|shutterstock|ap|reuters|afp|ap photo|istock)\)?$/, kind: 'image credit', reason: 'a picture credit', partial: true },
];

/**
 * Matches where any CRUFT pattern matches (its patterns as alternatives), or undefined when one of
 * them could not be joined without changing what it matches (flags, back-references). Performance:
 * every line of a draft meets the patterns and almost no line is cruft, so web-cruft tries this
 * first and the patterns one by one only on a line it matches: one test instead of 49.
 */
export const ANY_CRUFT: RegExp | undefined = CRUFT.every((e) => e.pattern.flags === '' && !/\\[1-9k]/.test(e.pattern.source))
  ? new RegExp(CRUFT.map((e) => `(?:${e.pattern.source})`).join('|'))
  : undefined;

/**
 * Verbs that open a button or a one-line call to action ("Subscribe", "Download the app"). A
 * short line led by one of these, with no sentence punctuation, is a button rather than a heading.
 */
export const CTA_VERBS: ReadonlySet<string> = new Set([
  'subscribe', 'share', 'follow', 'sign', 'log', 'download', 'join', 'register', 'click', 'tap', 'donate',
  'buy', 'shop', 'order', 'book', 'bookmark', 'save', 'print', 'email', 'tweet', 'like', 'comment', 'reply',
  'read', 'watch', 'listen', 'view', 'see', 'explore', 'discover', 'learn', 'get', 'try', 'load', 'show',
  'continue', 'contact', 'advertise', 'visit', 'check', 'go', 'back', 'start', 'claim', 'unlock', 'upgrade',
]);

/** Words a button line may carry after its verb ("Subscribe now", "Share this story", "Read more"). */
export const CTA_OBJECTS: ReadonlySet<string> = new Set([
  'now', 'today', 'more', 'here', 'us', 'our', 'all', 'in', 'up', 'out', 'on', 'to', 'the', 'this', 'it', 'free',
  'story', 'article', 'post', 'page', 'newsletter', 'newsletters', 'app', 'comments', 'comment', 'video', 'podcast',
  'link', 'gallery', 'photos', 'site', 'offer', 'deal', 'account', 'access', 'episode', 'latest', 'full', 'for',
]);

/** English function words: prose is dense in them, menus, headlines and tag rows are not. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves also may might must shall said says say one who whose yet however
although though since unless whether upon within without according per via 's it's that's there's`.split(/\s+/),
);
