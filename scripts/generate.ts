/**
 * Generates what derives from the rule registry, so rule metadata lives in one place:
 * the `copydesk.rules` settings schema in package.json, the rules table in README.md and the
 * config file's JSON schema.
 * `--check` writes nothing and exits 1 when a generated part is stale (run by `npm run lint`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/core/rules/index.js';
import { SEVERITIES } from '../server/src/core/types.js';
import { SCHEMA_PATH, schemaText } from '../server/src/config/schema.js';

const check = process.argv.includes('--check');
let stale = false;

function update(path: string, next: string): void {
  const current = readFileSync(path, 'utf8');
  if (current === next) return;
  stale = true;
  if (check) console.error(`${path} is out of date: run \`npm run generate\``);
  else writeFileSync(path, next);
}

// package.json: one documented property per rule under copydesk.rules.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const rulesSetting = pkg.contributes.configuration.properties['copydesk.rules'];
rulesSetting.properties = Object.fromEntries(
  RULES.map((r) => [
    r.id,
    {
      type: 'string',
      enum: [...SEVERITIES, 'off'],
      default: r.defaultSeverity,
      markdownDescription: `${r.description} ([docs](docs/rules/${r.id}.md))`,
    },
  ]),
);
update('package.json', JSON.stringify(pkg, null, 2) + '\n');

// README.md: the rules table between markers.
const readme = readFileSync('README.md', 'utf8');
const table = [
  '| Rule | Category | Default | Fixable | What it flags |',
  '|---|---|---|---|---|',
  ...RULES.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | ${r.category} | ${r.defaultSeverity} | ${r.fixable ? 'yes' : ''} | ${r.description} |`),
].join('\n');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) throw new Error(`README.md lacks the ${start} … ${end} markers`);
update('README.md', `${readme.slice(0, i + start.length)}\n${table}\n${readme.slice(j)}`);

// The config file's JSON schema (rule ids and their settings).
update(SCHEMA_PATH, schemaText());

if (check && stale) process.exit(1);
