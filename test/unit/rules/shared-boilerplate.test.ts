import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, analyse, defaultConfig, type Finding } from '../../../server/src/core/index.js';
import { WorkspaceIndex } from '../../../server/src/core/workspace.js';

const rule = 'shared-boilerplate';
const closing = 'Our reporters cover the harbor every day, and the newsroom depends on readers to keep going.';

function run(files: Record<string, string>, config = defaultConfig()): Record<string, Finding[]> {
  const index = new WorkspaceIndex();
  for (const [p, t] of Object.entries(files)) index.update(p, t, 'plaintext');
  const out: Record<string, Finding[]> = {};
  for (const [p, t] of Object.entries(files)) {
    out[p] = analyse(t, { languageId: 'plaintext', path: p, config, workspace: index.facts() }).findings.filter((f) => f.rule === rule);
  }
  return out;
}

test('a paragraph shared by several drafts is reported in each, with the others as related information', () => {
  const files = {
    'a.txt': `The ferry will run later this summer, officials said.\n\n${closing}`,
    'b.txt': `A new pier opened on Monday to large crowds.\n\n${closing}`,
    'c.txt': `Fishing quotas were cut again this spring.\n\n${closing}`,
  };
  const found = run(files);
  for (const [p, fs] of Object.entries(found)) {
    assert.equal(fs.length, 1, p);
    const f = fs[0]!;
    assert.equal(files[p as keyof typeof files].slice(f.offset, f.offset + f.length), closing);
    assert.equal(f.category, 'boilerplate');
    assert.deepEqual(f.related!.map((r) => r.path).sort(), Object.keys(files).filter((x) => x !== p));
    for (const r of f.related!) assert.equal(files[r.path as keyof typeof files].slice(r.offset, r.offset + r.length), closing);
  }
});

test('a shared sentence inside different paragraphs is reported as a sentence', () => {
  const s = 'The harbor authority is a public agency created by the state legislature in 1951.';
  const found = run({ 'a.txt': `The fees rose. ${s} It meets monthly.`, 'b.txt': `Crews dredged the channel. ${s}` });
  assert.equal(found['a.txt']!.length, 1);
  assert.equal(found['a.txt']![0]!.data?.kind, 'sentence');
});

test('nothing is reported without a workspace, for unshared text, for house text or for a shared quotation', () => {
  assert.deepEqual(analyse(closing, { languageId: 'plaintext', path: 'a.txt' }).findings.filter((f) => f.rule === rule), []);
  assert.deepEqual(run({ 'a.txt': 'One story about the tides and the moon tonight.', 'b.txt': 'Another story about gulls and the fish market today.' })['a.txt'], []);
  const config = { ...defaultConfig(), allowBoilerplate: [closing] };
  assert.deepEqual(run({ 'a.txt': `Story one.\n\n${closing}`, 'b.txt': `Story two.\n\n${closing}` }, config)['a.txt'], []);
  const quote = '“We will keep the harbor open through the whole winter season,” the mayor said.';
  assert.deepEqual(run({ 'a.txt': `Story one.\n\n${quote}`, 'b.txt': `Story two.\n\n${quote}` })['a.txt'], []);
});

test('re-analysis after edits (memoised units) gives the same findings as a fresh analysis', () => {
  const s = 'The harbor authority is a public agency created by the state legislature in 1951.';
  const index = new WorkspaceIndex();
  index.update('b.txt', `Crews dredged the channel. ${s}\n\n${closing}`, 'plaintext');
  const drafts = [
    `The fees rose. ${s} It meets monthly.\n\n${closing}`,
    `A line on top.\n\nThe fees rose. ${s} It meets monthly.\n\n${closing}`,
    `A line on top.\n\nThe fees rose sharply. It meets monthly.\n\n${closing}`,
    `${closing}\n\nThe fees rose. ${s}`,
  ];
  const analyzer = new Analyzer();
  for (const text of [...drafts, ...drafts.slice().reverse()]) {
    const options = { languageId: 'plaintext' as const, path: 'a.txt', workspace: index.facts() };
    const memoised = analyzer.analyse(text, options).findings.filter((f) => f.rule === rule);
    const fresh = analyse(text, options).findings.filter((f) => f.rule === rule);
    assert.ok(fresh.length > 0);
    assert.deepEqual(memoised, fresh);
  }
});

test("re-analysis of Markdown, where a paragraph's text is not its slice of the draft, follows quotation marks added and taken away", () => {
  const s = 'The harbor authority is a public agency created by the state legislature in 1951.';
  const quoted = `“${s.slice(0, -1)},” the clerk said.`;
  const index = new WorkspaceIndex();
  index.update('b.md', `Crews dredged the channel.\n\n${s}\n\n${quoted}\n\n${closing}`, 'markdown');
  // Inline code is not prose: the paragraph's text is the same in both, but in the draft the
  // first one's sentence is mostly a quotation (the code), so it is not reported; the second's is.
  const inCode = s.replace(' is ', ` \`“${'q'.repeat(150)}”\` is `);
  const plainCode = s.replace(' is ', ` \`${'q'.repeat(152)}\` is `);
  const drafts = [
    `# Fees\n\n${inCode}\n\n${closing}`,
    `# Fees\n\n${plainCode}\n\n${closing}`,
    `# Fees\n\nThe **fees** rose. ${s} It meets [monthly](https://example.org/m).\n\n${closing}`,
    `# Fees\n\nThe **fees** rose. ${quoted} It meets [monthly](https://example.org/m).\n\n${closing}`,
    `# Fees\n\n${quoted}\n\n_${closing}_`,
    `# Fees\n\n${s}\n\n_${closing}_`,
  ];
  const analyzer = new Analyzer();
  const seen = new Set<number>();
  for (const text of [...drafts, ...drafts.slice().reverse()]) {
    const options = { languageId: 'markdown' as const, path: 'a.md', workspace: index.facts() };
    const memoised = analyzer.analyse(text, options).findings.filter((f) => f.rule === rule);
    const fresh = analyse(text, options).findings.filter((f) => f.rule === rule);
    assert.deepEqual(memoised, fresh);
    seen.add(fresh.length);
  }
  // The drafts differ in what they share: the comparison is not between empty lists only.
  assert.ok(seen.size > 1, `finding counts: ${[...seen].join(', ')}`);
});
