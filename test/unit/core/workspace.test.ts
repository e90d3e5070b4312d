import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex, normKey, normWords, shareUnits, stem } from '../../../server/src/core/workspace.js';

const shared = 'This newsroom is funded by readers like you, and every gift keeps the harbor desk open.';

test('stem folds case, possessives and small inflections', () => {
  assert.equal(stem('Delays'), stem('delay'));
  assert.equal(stem('opening'), stem('open'));
  assert.equal(stem('Models'), stem('model'));
  assert.equal(stem("council's"), 'council');
  assert.equal(normKey('The Models, released!'), normKey('the model released'));
});

test('a paragraph shared by several files is found from each, never pointing at itself', () => {
  const index = new WorkspaceIndex();
  index.update('a.md', `# One\n\nStory A about the ferry.\n\n${shared}\n`, 'markdown');
  index.update('b.txt', `Story B about the dock is here.\n\n${shared}`, 'plaintext');
  index.update('c.txt', `Story C about the bridge.\n\n${shared}`, 'plaintext');
  const facts = index.facts();
  const key = normKey(shared);
  assert.deepEqual(facts.filesSharing(key, 'a.md').sort(), ['b.txt', 'c.txt']);
  assert.deepEqual(facts.filesSharing(key, 'b.txt').sort(), ['a.md', 'c.txt']);
  const locs = facts.locationsSharing!(key, 'c.txt');
  const b = locs.find((l) => l.path === 'b.txt')!;
  assert.equal(b.offset, 'Story B about the dock is here.\n\n'.length);
  assert.equal(b.length, shared.length);
});

test('updating a file replaces its entries; removing it forgets them', () => {
  const index = new WorkspaceIndex();
  index.update('a.txt', shared, 'plaintext');
  index.update('b.txt', shared, 'plaintext');
  const facts = index.facts();
  const key = normKey(shared);
  assert.deepEqual(facts.filesSharing(key, 'a.txt'), ['b.txt']);
  index.update('b.txt', 'Now b says something else entirely about the tides today.', 'plaintext');
  assert.deepEqual(facts.filesSharing(key, 'a.txt'), []);
  index.update('b.txt', shared, 'plaintext');
  assert.deepEqual(facts.filesSharing(key, 'a.txt'), ['b.txt']);
  index.remove('b.txt');
  assert.deepEqual(facts.filesSharing(key, 'a.txt'), []);
  assert.deepEqual(index.paths(), ['a.txt']);
});

test('the answers of facts() follow files added to the index after they were given, and cannot be changed', () => {
  const index = new WorkspaceIndex();
  index.update('a.txt', shared, 'plaintext');
  const facts = index.facts();
  const key = normKey(shared);
  assert.deepEqual(facts.filesSharing(key, 'a.txt'), []);
  index.update('b.txt', `A story about the dock.\n\n${shared}`, 'plaintext');
  assert.deepEqual(facts.filesSharing(key, 'a.txt'), ['b.txt']);
  const locs = facts.locationsSharing!(key, 'a.txt');
  assert.equal(locs[0]!.offset, 'A story about the dock.\n\n'.length);
  // One answer is shared by everyone who asks the same question: it is frozen.
  assert.throws(() => (locs as unknown as { offset: number }[]).push({ offset: 0 }), TypeError);
  assert.throws(() => ((locs[0] as { offset: number }).offset = 1), TypeError);
  assert.equal(facts.locationsSharing!(key, 'a.txt')[0]!.offset, 'A story about the dock.\n\n'.length);
  // So is the answer for a draft that is not indexed (every file's place).
  const all = facts.locationsSharing!(key, 'c.txt');
  assert.deepEqual(all.map((l) => l.path), ['a.txt', 'b.txt']);
  assert.throws(() => (all as unknown as unknown[]).pop(), TypeError);
  assert.deepEqual(facts.locationsSharing!(key, 'c.txt').map((l) => l.path), ['a.txt', 'b.txt']);
});

test('each other file is named once, at its first place, in indexing order, however many files share the key', () => {
  for (const files of [3, 12]) {
    const index = new WorkspaceIndex();
    const paths = Array.from({ length: files }, (_, n) => `d${n}.txt`);
    // d0 has the paragraph twice; the others once, after a first paragraph of their own.
    index.update('d0.txt', `${shared}\n\n${shared}`, 'plaintext');
    for (const p of paths.slice(1)) index.update(p, `Story ${p} about the tide tables.\n\n${shared}`, 'plaintext');
    const facts = index.facts();
    const key = normKey(shared);
    for (const except of [paths[0]!, paths[files - 1]!, paths[1]!, 'elsewhere.txt', undefined]) {
      const locs = facts.locationsSharing!(key, except);
      assert.deepEqual(
        locs.map((l) => l.path),
        paths.filter((p) => p !== except),
        `${files} files, except ${except}`,
      );
      const first = locs.find((l) => l.path === 'd0.txt');
      if (first) assert.equal(first.offset, 0);
    }
  }
});

test('the index tells whether a draft other than a given one is indexed', () => {
  const index = new WorkspaceIndex();
  assert.equal(index.hasOtherThan('a.txt'), false);
  assert.equal(index.hasOtherThan(undefined), false);
  index.update('a.txt', shared, 'plaintext');
  // A draft alone: the only indexed draft is itself.
  assert.equal(index.hasOtherThan('a.txt'), false);
  assert.equal(index.hasOtherThan('b.txt'), true);
  assert.equal(index.hasOtherThan(undefined), true);
  index.update('b.txt', shared, 'plaintext');
  assert.equal(index.hasOtherThan('a.txt'), true);
  index.remove('b.txt');
  assert.equal(index.hasOtherThan('a.txt'), false);
});

test('sentences of eight words or more are indexed inside longer paragraphs', () => {
  const index = new WorkspaceIndex();
  index.update('a.txt', `The tide was late. ${shared} Boats waited.`, 'plaintext');
  index.update('b.txt', `Gulls circled the pier. ${shared}`, 'plaintext');
  assert.deepEqual(index.facts().filesSharing(normKey(shared), 'b.txt'), ['a.txt']);
  assert.deepEqual(index.facts().filesSharing(normKey('The tide was late.'), 'b.txt'), []);
});

test('a snapshot is plain data that rebuilds the same index after a structured clone', () => {
  const index = new WorkspaceIndex();
  index.update('a.md', `# One\n\nStory A about the ferry.\n\n${shared}\n`, 'markdown');
  index.update('b.txt', `Story B about the dock is here.\n\n${shared}`, 'plaintext');
  index.update('c.txt', `Story C about the bridge.\n\n${shared}`, 'plaintext');
  // Re-indexing a.md moves it last in every list it is in: the copy must keep that order.
  index.update('a.md', `# One, revised\n\nStory A about the ferry.\n\n${shared}\n`, 'markdown');
  index.remove('c.txt');
  const snap = index.snapshot();
  assert.equal(JSON.stringify(JSON.parse(JSON.stringify(snap))), JSON.stringify(snap), 'only JSON-safe values');
  const copy = WorkspaceIndex.fromSnapshot(structuredClone(snap));
  assert.deepEqual(copy.paths(), index.paths());
  for (const key of [normKey(shared), normKey('Story A about the ferry.'), normKey('nothing like this')]) {
    for (const except of [undefined, 'a.md', 'b.txt']) {
      assert.deepEqual(copy.facts().locationsSharing!(key, except), index.facts().locationsSharing!(key, except));
    }
  }
  assert.deepEqual(copy.facts().locationsSharing!(normKey(shared)).map((l) => l.path), ['b.txt', 'a.md']);
  // The copy is independent and stays updatable.
  copy.remove('b.txt');
  assert.deepEqual(index.facts().filesSharing(normKey(shared), 'a.md'), ['b.txt']);
  assert.deepEqual(copy.facts().filesSharing(normKey(shared), 'a.md'), []);
  assert.throws(() => WorkspaceIndex.fromSnapshot({} as never), /snapshot/);
});

test('stem gives the same keys for apostrophes, possessives and -es endings as its definition', () => {
  assert.equal(stem('Harbor’s'), 'harbor');
  assert.equal(stem("dogs'"), 'dog');
  assert.equal(stem('boxes'), 'box');
  assert.equal(stem('wishes'), 'wish');
  assert.equal(stem('glasses'), 'glass');
  assert.equal(stem('tries'), 'try');
  assert.equal(stem('rained'), 'rain');
  assert.equal(stem('sing'), 'sing');
  assert.equal(stem('bus'), 'bus');
  assert.equal(stem('crisis'), 'crisis');
});

test('keys are the stemmed words joined by single spaces, and share units have one shape', () => {
  for (const text of ['', '  ', 'One', 'The Models, released!  Delays…', shared]) {
    assert.equal(normKey(text), normWords(text).map((w) => w.norm).join(' '));
  }
  const second = `The tide was late. ${shared} Boats waited.`;
  const units = shareUnits([
    { offset: 0, text: shared },
    { offset: 200, text: second },
  ]);
  assert.deepEqual(
    units.map((u) => [u.kind, u.offset, u.length]),
    [
      ['paragraph', 0, shared.length],
      ['paragraph', 200, second.length],
      ['sentence', 200 + second.indexOf(shared), shared.length],
    ],
  );
  assert.equal(units[2]!.key, normKey(shared));
  assert.deepEqual(new Set(units.map((u) => Object.keys(u).join())), new Set(['kind,key,offset,length']));
});
