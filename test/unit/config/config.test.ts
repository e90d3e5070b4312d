import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ConfigError, ConfigLoader, mergeConfig, parseConfig } from '../../../server/src/config/index.js';
import { parseJsonWithPositions } from '../../../server/src/config/json.js';
import { schemaText, SCHEMA_PATH } from '../../../server/src/config/schema.js';
import { defaultConfig, RULES } from '../../../server/src/core/index.js';
import { tempTree } from '../cli/run.js';

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'team/.copydeskrc.json');
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return e;
  }
  assert.fail('expected a ConfigError');
}

test('the JSON parser records positions of values and keys, and accepts comments', () => {
  const p = parseJsonWithPositions('{\n  // house style\n  "rules": {\n    "hedge-word": "info"\n  }\n}');
  assert.deepEqual(p.value, { rules: { 'hedge-word': 'info' } });
  assert.deepEqual(p.positions.get('/rules/hedge-word'), { line: 4, column: 19 });
  assert.deepEqual(p.keyPositions.get('/rules/hedge-word'), { line: 4, column: 5 });
});

test('syntax errors name file, line and column', () => {
  const e = errorOf('{\n  "rules": {\n    "hedge-word": "info",\n  }\n}');
  assert.equal(e.file, 'team/.copydeskrc.json');
  assert.deepEqual([e.line, e.column], [4, 3]);
  assert.match(e.message, /^team\/\.copydeskrc\.json:4:3: invalid JSON: trailing comma/);
  assert.match(errorOf('{"rules": ').message, /:1:11: invalid JSON: unexpected end of file/);
  assert.match(errorOf('{"root": true, "root": false}').message, /duplicate property "root"/);
});

test('validation errors point at the offending value or key', () => {
  let e = errorOf('{\n  "rules": { "hedge-word": "loud" }\n}');
  assert.deepEqual([e.line, e.column], [2, 28]);
  assert.match(e.reason, /rule "hedge-word" must be one of "error", "warning", "info", "hint", "off"/);
  e = errorOf('{\n  "rulez": {}\n}');
  assert.deepEqual([e.line, e.column], [2, 3]);
  assert.match(e.reason, /unknown property "rulez"/);
  e = errorOf('{ "rules": { "no-such-rule": "off" } }');
  assert.match(e.reason, /unknown rule "no-such-rule"/);
  e = errorOf('{ "categories": { "hedge": "no" } }');
  assert.match(e.reason, /category "hedge" must be true \(on\) or false \(off\)/);
  e = errorOf('{ "allowWords": ["fine", 3] }');
  assert.match(e.reason, /"allowWords" entries must be non-empty strings/);
  assert.match(errorOf('[]').reason, /must be a JSON object/);
});

test('merging adds lists and overrides maps', () => {
  const base = { ...defaultConfig(), allowWords: ['reportedly'] };
  const merged = mergeConfig(base, { categories: { boilerplate: false }, rules: { 'hedge-word': 'error' }, allowWords: ['perhaps'] });
  assert.equal(merged.categories.boilerplate, false);
  assert.equal(merged.categories.hedge, true);
  assert.equal(merged.rules['hedge-word'], 'error');
  assert.deepEqual(merged.allowWords, ['reportedly', 'perhaps']);
});

test('config files cascade from the outermost folder to the nearest, and root stops the walk', () => {
  const t = tempTree({
    '.copydeskrc.json': '{ "rules": { "hedge-word": "error" }, "allowWords": ["outer"] }',
    'desk/copydesk.config.json': '{ "rules": { "softener": "off" }, "allowWords": ["inner"] }',
    'desk/story.md': 'x',
    'standalone/.copydeskrc.json': '{ "root": true, "categories": { "hedge": false } }',
    'standalone/story.md': 'x',
  });
  try {
    const loader = new ConfigLoader();
    const desk = loader.forFile(join(t.dir, 'desk/story.md'));
    assert.equal(desk.config.rules['hedge-word'], 'error');
    assert.equal(desk.config.rules['softener'], 'off');
    assert.deepEqual(desk.config.allowWords.slice(-2), ['outer', 'inner']);
    assert.deepEqual(desk.files.slice(-2).map((f) => f.path), [join(t.dir, '.copydeskrc.json'), join(t.dir, 'desk/copydesk.config.json')]);
    const alone = loader.forFile(join(t.dir, 'standalone/story.md'));
    assert.deepEqual(alone.files.map((f) => f.path), [join(t.dir, 'standalone/.copydeskrc.json')]);
    assert.equal(alone.config.rules['hedge-word'], undefined);
    assert.equal(alone.config.categories.hedge, false);
  } finally {
    t.cleanup();
  }
});

test('two config files in one folder are an error rather than a silent choice', () => {
  const t = tempTree({ '.copydeskrc.json': '{"root": true}', 'copydesk.config.json': '{"root": true}', 'a.md': 'x' });
  try {
    assert.throws(() => new ConfigLoader().forFile(join(t.dir, 'a.md')), /two configuration files in one folder/);
  } finally {
    t.cleanup();
  }
});

test('files and ignore patterns decide which walked files are drafts', () => {
  const t = tempTree({
    '.copydeskrc.json': '{ "root": true, "files": ["*.md", "*.rst"], "ignore": ["archive/", "*.draft.md"] }',
  });
  try {
    const loader = new ConfigLoader();
    assert.equal(loader.wantsFile(join(t.dir, 'story.md')), true);
    assert.equal(loader.wantsFile(join(t.dir, 'notes/story.rst')), true);
    assert.equal(loader.wantsFile(join(t.dir, 'story.txt')), false);
    assert.equal(loader.wantsFile(join(t.dir, 'story.draft.md')), false);
    assert.equal(loader.isIgnored(join(t.dir, 'archive'), true), true);
    assert.equal(loader.isIgnored(join(t.dir, 'current'), true), false);
  } finally {
    t.cleanup();
  }
});

test('the shipped JSON schema is generated from the rule registry', () => {
  const onDisk = readFileSync(SCHEMA_PATH, 'utf8');
  assert.equal(onDisk, schemaText(), `${SCHEMA_PATH} is stale: regenerate it (see server/src/config/schema.ts)`);
  const schema = JSON.parse(onDisk);
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((r) => r.id).sort());
});

test('the JSON schema and the loader agree on valid and invalid configs', () => {
  const validate = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  const cases: [string, boolean][] = [
    ['{"$schema": "./schemas/copydeskrc.schema.json", "root": true, "rules": {"hedge-word": "info"}, "categories": {"boilerplate": false}, "allowWords": ["perhaps"], "files": ["*.md"], "ignore": ["old/"]}', true],
    ['{}', true],
    ['{"rules": {"hedge-word": "loud"}}', false],
    ['{"rules": {"not-a-rule": "off"}}', false],
    ['{"categories": {"sports": true}}', false],
    ['{"allowWords": "perhaps"}', false],
    ['{"extends": "x"}', false],
  ];
  for (const [text, ok] of cases) {
    assert.equal(validate(JSON.parse(text)), ok, `schema on ${text}`);
    let loaderOk = true;
    try {
      parseConfig(text, 'c.json');
    } catch {
      loaderOk = false;
    }
    assert.equal(loaderOk, ok, `loader on ${text}`);
  }
});
