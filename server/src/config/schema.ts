/**
 * The JSON schema of `.copydeskrc.json`, built from the rule registry so completion in VS Code
 * lists every rule with its description. schemas/copydeskrc.schema.json is this function's output;
 * a unit test fails when the two differ. Regenerate with:
 *   node --import tsx -e "import('./server/src/config/schema.ts').then((m) => m.writeSchemaFile())"
 */
import { writeFileSync } from 'node:fs';
import { CATEGORIES, RULES, SEVERITIES } from '../core/index.js';

export const SCHEMA_PATH = 'schemas/copydeskrc.schema.json';

const CATEGORY_DESCRIPTIONS: Record<string, string> = {
  hedge: 'Hedge and weasel words: claims softened until the reader cannot check them.',
  'unsourced-quote': 'Quotations with no named source.',
  boilerplate: 'Repeated boilerplate and web/CMS cruft.',
};

export function configSchema(): object {
  const setting = { type: 'string', enum: [...SEVERITIES, 'off'] };
  const strings = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/copydesk/copydesk/blob/main/schemas/copydeskrc.schema.json',
    title: 'Copydesk configuration (.copydeskrc.json, copydesk.config.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for configuration files in the folders above this one.' },
      categories: {
        type: 'object',
        description: 'Switch whole categories of checks on (true) or off (false).',
        additionalProperties: false,
        properties: Object.fromEntries(CATEGORIES.map((c) => [c, { type: 'boolean', description: CATEGORY_DESCRIPTIONS[c] ?? c }])),
      },
      rules: {
        type: 'object',
        description: 'Severity per rule id: "error", "warning", "info", "hint", or "off".',
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((r) => [r.id, { ...setting, description: `${r.description} (${r.category}; default ${r.defaultSeverity})` }])),
      },
      allowWords: strings('Hedge words and phrases the desk accepts (matched case-insensitively).'),
      allowBoilerplate: strings('House text that may repeat: disclosures, standard credits.'),
      files: strings('Drafts to check when a folder is walked, as .gitignore-style patterns relative to this file (default: *.md, *.markdown, *.mdx, *.txt, *.text).'),
      ignore: strings('Paths never checked when a folder is walked, as .gitignore-style patterns relative to this file.'),
    },
  };
}

export function schemaText(): string {
  return JSON.stringify(configSchema(), null, 2) + '\n';
}

export function writeSchemaFile(path = SCHEMA_PATH): void {
  writeFileSync(path, schemaText());
}
