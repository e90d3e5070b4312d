/**
 * The V8 code cache of the bundled CLI (server/src/cli/compile-cache.ts): its folder must be the
 * user's own, and a cache file is used only when it is whole and made for exactly the bundle's
 * source. The bundled CLI with the cache, end to end, is in e2e.test.ts.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { cacheFileFor, cacheFolder, loadBundle, readCache, writeCache } from '../../../server/src/cli/compile-cache.js';
import { tempTree } from './run.js';

const t = tempTree({ 'bundle.cjs': 'exports.answer = function () { return 6 * 7; };\nexports.file = __filename;\n' });
after(() => t.cleanup());
const bundle = join(t.dir, 'bundle.cjs');
const source = readFileSync(bundle);
const posix = process.getuid !== undefined;

/** V8 data for `source` as loadBundle compiles it. */
function v8Data(): Buffer {
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source.toString('latin1')}\n});`, { filename: bundle });
  return script.createCachedData();
}

test('the cache folder is created private, and refused when others could write to it or it is a link', { skip: !posix && 'POSIX owners and modes' }, () => {
  const root = join(t.dir, 'tmp-a');
  mkdirSync(root);
  const dir = cacheFolder(root);
  assert.ok(dir);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  chmodSync(dir, 0o777);
  assert.equal(cacheFolder(root), undefined, 'a folder others can write to');
  chmodSync(dir, 0o700);
  assert.equal(cacheFolder(root), dir);

  const other = join(t.dir, 'tmp-b');
  mkdirSync(other);
  symlinkSync(dir, join(other, `copydesk-compile-cache-${process.getuid!()}`));
  assert.equal(cacheFolder(other), undefined, 'a link to a folder');
  assert.equal(cacheFolder(join(t.dir, 'missing', 'deeper')), undefined, 'a temporary folder that does not exist');
});

test('the cache folder is found again once made, and made when missing', { skip: !posix && 'POSIX owners and modes' }, () => {
  const root = join(t.dir, 'tmp-c');
  mkdirSync(root);
  const dir = cacheFolder(root);
  assert.ok(dir);
  assert.equal(cacheFolder(root), dir, 'an existing folder');
  writeFileSync(join(t.dir, 'tmp-d'), '');
  assert.equal(cacheFolder(join(t.dir, 'tmp-d')), undefined, 'a temporary "folder" that is a file');
});

test('a cache file is read back only for the same source, whole and uncorrupted', () => {
  const dir = join(t.dir, 'files');
  mkdirSync(dir);
  const file = cacheFileFor(dir, bundle);
  assert.equal(readCache(file, source), undefined, 'no file yet');
  const data = v8Data();
  writeCache(file, source, data);
  assert.deepEqual(readCache(file, source), data);

  const edited = Buffer.from(source.toString('latin1').replace('6 * 7', '7 * 6'), 'latin1');
  assert.equal(edited.length, source.length);
  assert.equal(readCache(file, edited), undefined, 'a bundle edited in place, same length');
  assert.equal(readCache(file, Buffer.concat([source, Buffer.from('\n')])), undefined, 'a longer bundle');

  const whole = readFileSync(file);
  writeFileSync(file, whole.subarray(0, whole.length - 1));
  assert.equal(readCache(file, source), undefined, 'truncated');
  const flipped = Buffer.from(whole);
  flipped[flipped.length - 5]! ^= 0x10;
  writeFileSync(file, flipped);
  assert.equal(readCache(file, source), undefined, 'a corrupt byte in the data');
  const magic = Buffer.from(whole);
  magic[0] = 0;
  writeFileSync(file, magic);
  assert.equal(readCache(file, source), undefined, 'not a cache file');
  writeFileSync(file, whole);
  assert.deepEqual(readCache(file, source), data);
});

test('writing a cache where it cannot be written fails quietly', () => {
  assert.doesNotThrow(() => writeCache(join(t.dir, 'missing', 'x.v8cache'), source, v8Data()));
});

test('only the most recent cache files are kept', () => {
  const dir = join(t.dir, 'many');
  mkdirSync(dir);
  const data = v8Data();
  for (let i = 0; i < 12; i++) writeCache(cacheFileFor(dir, join(t.dir, `b${i}.cjs`)), source, data);
  const left = readdirSync(dir).filter((n) => n.endsWith('.v8cache'));
  assert.equal(left.length, 8);
  assert.ok(left.includes(cacheFileFor(dir, join(t.dir, 'b11.cjs')).slice(dir.length + 1)), 'the newest is kept');
});

test('loadBundle runs the bundle as require would', () => {
  // (Under the test runner source maps are on, so this is Node's loader; e2e.test.ts runs the
  // bundled CLI through the cache.)
  const loaded = loadBundle(bundle, { require: createRequire(bundle) }) as { answer(): number; file: string };
  assert.equal(loaded.answer(), 42);
  assert.equal(loaded.file, bundle);
});

test('a missing bundle is a clear error', () => {
  assert.throws(() => loadBundle(join(t.dir, 'nowhere.cjs'), { require: createRequire(bundle) }), /nowhere\.cjs/);
});
