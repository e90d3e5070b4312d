/**
 * SARIF 2.1.0, the format GitHub code scanning and other dashboards ingest. Paths are relative to
 * the working directory (under %SRCROOT%), columns are UTF-16 code units as the editors count.
 */
import { relative, resolve, sep } from 'node:path';
import { RULES, ruleDocsUrl } from '../../core/index.js';
import { itemsOf, UNUSED_DISABLE_RULE, type FileReport } from './common.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function uriOf(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path)).split(sep).join('/');
  return rel.split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(reports: FileReport[], version: string, cwd = process.cwd()): string {
  const rules: object[] = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)(\w)/g, (_, _d: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.description },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { category: r.category, fixable: r.fixable },
  }));
  const ids = RULES.map((r) => r.id);
  if (reports.some((r) => r.unusedDisables?.length)) {
    ids.push(UNUSED_DISABLE_RULE);
    rules.push({
      id: UNUSED_DISABLE_RULE,
      name: 'UnusedDisable',
      shortDescription: { text: 'A copydesk-disable comment that silences nothing.' },
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'directive', fixable: true },
    });
  }
  const results: object[] = [];
  for (const r of reports) {
    const uri = uriOf(r.path, cwd);
    const artifactLocation = { uri, uriBaseId: '%SRCROOT%' };
    for (const i of itemsOf(r)) {
      const ruleIndex = ids.indexOf(i.rule);
      const fixes = (i.finding?.fixes ?? []).map((f) => ({
        description: { text: f.title },
        artifactChanges: [
          {
            artifactLocation,
            replacements: f.edits.map((e) => ({ deletedRegion: { charOffset: e.offset, charLength: e.length }, insertedContent: { text: e.newText } })),
          },
        ],
      }));
      results.push({
        ruleId: i.rule,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: LEVEL[i.severity],
        message: { text: i.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: i.line,
                startColumn: i.column,
                endLine: i.endLine,
                endColumn: i.endColumn,
                charOffset: i.offset,
                charLength: i.length,
                snippet: { text: r.text.slice(i.offset, i.offset + i.length) },
              },
            },
          },
        ],
        ...(fixes.length ? { fixes } : {}),
        properties: { category: i.category },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Copydesk', semanticVersion: version, informationUri: 'https://github.com/copydesk/copydesk', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToDirUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function pathToDirUri(dir: string): string {
  const posix = resolve(dir).split(sep).join('/');
  const withSlash = posix.endsWith('/') ? posix : `${posix}/`;
  return 'file://' + (withSlash.startsWith('/') ? '' : '/') + withSlash.split('/').map(encodeURIComponent).join('/');
}
