import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { assertCacheInvisible, check, flagged } from '../helpers.js';
import { ANY_CRUFT, CRUFT } from '../../../server/src/core/data/cruft.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const rule = 'web-cruft';

const story = [
  'The county board approved a new budget for the harbor district on Thursday after a long debate.',
  'Board members said the plan would pay for dredging and for two new patrol boats next year.',
  'The vote was four to one, with the lone dissent coming from the member who represents the east shore.',
].join('\n\n');

test('flags comment-form text, a newsletter pitch and a hashtag row at the end of a draft', () => {
  const text = `${story}\n\nWant more stories like this one? Sign up for our weekly newsletter and get them in your inbox.\n\n#Harbor #Budget #CountyNews\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n`;
  const found = flagged(text, { rule });
  assert.equal(found.length, 1, 'consecutive furniture lines make one block');
  assert.ok(found[0]!.startsWith('Want more stories'));
  assert.ok(found[0]!.endsWith('Required fields are marked *'));
});

test('finds a cruft line inside a block of one-line-per-element text', () => {
  const text = `Skip to content\n${story.replace(/\n\n/g, '\n')}\nShare this story\nPost a Comment\n3 Comments`;
  const found = flagged(text, { rule });
  assert.deepEqual(found, ['Skip to content', 'Share this story\nPost a Comment\n3 Comments']);
});

test('flags a menu of short lines before the story by shape, not by the words', () => {
  const menu = ['Harbors', 'Weather', 'Boats and Ships', 'Fishing Reports', 'Tide Tables', 'Marinas', 'Letters', 'Archive'].join('\n');
  const text = `${menu}\n\nCounty Approves Harbor Budget\n\nBy A. Writer\n\n${story}`;
  const found = flagged(text, { rule });
  assert.equal(found.length, 1);
  // The last few plain lines before the story may be its headline and byline: they stay.
  assert.ok(found[0]!.startsWith('Harbors\nWeather\nBoats and Ships'));
  assert.ok(!found[0]!.includes('County Approves'));
});

test('an author box: the heading takes the name and the one-paragraph biography', () => {
  const text = `${story}\n\nAbout the Author\n\nJo Reed\n\nJo Reed writes about ports and shipping and has covered the harbor district for ten years.\n`;
  const [f] = check(text, { rule });
  assert.ok(f);
  assert.ok(text.slice(f.offset, f.offset + f.length).startsWith('About the Author'));
  assert.ok(text.slice(f.offset, f.offset + f.length).endsWith('ten years.'));
});

test('a run of teaser cards (headline, time stamp, teaser) is a related-links list', () => {
  const card = (i: number) => `Story headline number ${i} about the river\n${i} hours ago\nA short teaser sentence about story ${i} that invites a click.`;
  const text = `${story}\n\n${[1, 2, 3, 4].map(card).join('\n')}\n`;
  const found = flagged(text, { rule });
  assert.equal(found.length, 1);
  assert.ok(found[0]!.startsWith('Story headline number 1'));
});

test('does not flag headings, a short list a sentence introduces, or a short paragraph of reporting', () => {
  const text = [
    'Harbor Budget Passes',
    'The county board approved a new budget for the harbor district on Thursday after a long debate.',
    'What the money buys',
    'The plan pays for these items:',
    'Dredging\nTwo patrol boats\nA new fuel dock\nLighting on the pier',
    'Fishermen welcomed it.',
    'The vote was four to one, with the lone dissent coming from the member who represents the east shore.',
  ].join('\n\n');
  assert.deepEqual(flagged(text, { rule }), []);
});

test('a draft\'s own top matter before the first paragraph is not a page header', () => {
  const text = `Harbor Budget Passes\n\nA deck line about the vote\n\nBy Jo Reed\n\nMarch 3, 2025\n\n${story}`;
  assert.deepEqual(flagged(text, { rule }), []);
});

test('reporting that mentions comments or newsletters is not cruft', () => {
  const text = `${story}\n\nThe board will take public comments on the plan at its next meeting, and the harbor office said it would send a newsletter to every boat owner explaining the new fees.`;
  assert.deepEqual(flagged(text, { rule }), []);
});

test('house text on the allow list is not flagged', () => {
  const text = `${story}\n\nSubscribe to our newsletter for harbor news delivered to your inbox.`;
  assert.equal(flagged(text, { rule }).length, 1);
  assert.deepEqual(flagged(text, { rule, config: { allowBoilerplate: ['Subscribe to our newsletter for harbor news delivered to your inbox.'] } }), []);
});

test('the preferred fix removes the block and leaves clean paragraph spacing', () => {
  const text = `${story}\n\nLeave a Reply\n\nYour email address will not be published.\n\nA last paragraph of the story follows here, with more about the harbor vote and its effects.\n`;
  const [f] = check(text, { rule });
  const fix = f!.fixes.find((x) => x.preferred)!;
  const fixed = applyEdits(text, fix.edits);
  assert.equal(fixed, `${story}\n\nA last paragraph of the story follows here, with more about the harbor vote and its effects.\n`);
  assert.deepEqual(flagged(fixed, { rule }), []);
});

test('in Markdown, a list of links is a link list and a share row is found', () => {
  const text = `${story}\n\n## Related\n\n- [Harbor fees rise](https://example.com/a)\n- [New ferry named](https://example.com/b)\n- [Pier closes for repairs](https://example.com/c)\n\nShare: Facebook | Twitter | Email\n`;
  const found = flagged(text, { rule, languageId: 'markdown' });
  assert.ok(found.length >= 1);
  assert.ok(found.some((s) => s.includes('Related')));
  assert.ok(found.some((s) => s.includes('Twitter')));
  assert.ok(!found.some((s) => s.includes('approved a new budget')));
});

test('re-analysis after edits (memoised lines) gives the same findings as a fresh analysis', () => {
  const menu = 'Home\n\nWorld\n\nBusiness\n\nSport\n\nWeather';
  const links = '- [Ferry fares rise again](https://example.com/a)\n- [Pier closes for repairs](https://example.com/b)\n- [Crews dredge the channel](https://example.com/c)';
  const tail = 'Leave a Reply\n\nYour email address will not be published. Required fields are marked *';
  const drafts = [
    `${menu}\n\n${story}\n\nRelated stories\n\n${links}\n\n${tail}\n`,
    // A line inserted above: every block moves.
    `Subscribe now\n\n${menu}\n\n${story}\n\nRelated stories\n\n${links}\n\n${tail}\n`,
    // The same list text without its list markers: the raw line around the block changed.
    `${menu}\n\n${story}\n\nRelated stories\n\n${links.replace(/^- /gm, '')}\n\n${tail}\n`,
    // Not English any more: the language test changes how every line is judged.
    `${menu}\n\nLe conseil municipal a voté mardi soir le budget du port après un long débat.\n\nLes élus ont promis deux nouveaux bateaux.\n\n${tail}\n`,
    `${story}\n\n${tail}\n`,
  ];
  assertCacheInvisible(rule, drafts);
});

test('the pattern tried first on each line matches exactly the lines some cruft pattern matches', () => {
  assert.ok(ANY_CRUFT, 'the cruft patterns can be joined');
  const cruft = [
    'skip to main content', 'leave a reply', 'subscribe to our newsletter', 'sign up for our newsletter to get the latest news',
    'share on facebook twitter email', 'facebook twitter linkedin', 'page 2 of 5', '12 comments', 'related stories', 'read more',
    'click here to read the full report', 'follow us on instagram', 'log in', 'back to top', 'advertisement', 'all rights reserved',
    'previous article', 'enable javascript to continue', 'continue reading the main story', 'download our free app today',
  ];
  const prose = readdirSync('samples')
    .flatMap((n) => readFileSync(join('samples', n), 'utf8').split('\n'))
    .map((l) => l.toLowerCase().replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let matched = 0;
  for (const line of [...cruft, ...prose]) {
    const any = CRUFT.some((e) => e.pattern.test(line));
    assert.equal(ANY_CRUFT!.test(line), any, line);
    if (any) matched++;
  }
  // Both kinds of line are there: the equality is not between two nevers.
  assert.ok(matched >= cruft.length - 3 && matched < cruft.length + prose.length, `${matched} lines matched`);
});

test('past the lines after which the joined pattern is used, cruft is found as before', () => {
  const tail = `${story}\n\nLeave a Reply\n\nShare on Facebook Twitter Email`;
  const short = flagged(tail, { rule });
  assert.deepEqual(short, ['Leave a Reply\n\nShare on Facebook Twitter Email']);
  // Over a thousand lines first, so this process has described enough lines to use the joined pattern.
  const prose = Array.from({ length: 1200 }, (_, i) => `Paragraph ${i + 1} of the council story says the budget vote came after ${i + 2} hours of debate.`).join('\n\n');
  assert.deepEqual(flagged(`${prose}\n\n${tail}`, { rule }), short);
});
