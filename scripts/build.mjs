// Bundles the client, the language server and the CLI with esbuild (one script, one bundler).
// `--production` minifies; otherwise sourcemaps are written for debugging.
// `--cli-only --outdir <dir>` builds only the CLI's three files into <dir> (test/unit/cli/e2e.test.ts).
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const production = args.includes('--production');
const cliOnly = args.includes('--cli-only');
const outdir = args.includes('--outdir') ? args[args.indexOf('--outdir') + 1] : 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  logLevel: 'warning',
  // Some ESM dependencies read import.meta.url; in a CommonJS bundle it is this file's URL.
  // import.meta.resolve is used only when running from source (server/src/cli/workers.ts).
  define: { 'import.meta.url': '__copydeskImportMetaUrl', 'import.meta.resolve': 'undefined' },
  banner: { js: "var __copydeskImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * vfile (under unified, in the core) re-exports the default export of node:process. esbuild makes
 * that a copy of every property of process into a namespace object, at start-up (__toESM): 0.3 to
 * 0.5 ms of each run of the CLI, for an object that is at hand. That import, and only that
 * one, gets a module whose default export is the global process (another import from it would
 * fail the build: the module has no other export).
 */
const processDefault = {
  name: 'process-default',
  setup(b) {
    b.onResolve({ filter: /^node:process$/ }, (args) => (/[\\/]vfile[\\/]lib[\\/]minproc\.js$/.test(args.importer) ? { path: 'process', namespace: 'process-default' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'process-default' }, () => ({ contents: 'export default process;', loader: 'js' }));
  },
};

// The CLI is three files. dist/cli.cjs (the command) and dist/cli-worker.cjs (its worker threads)
// are launchers of a few lines that load dist/cli-main.cjs, the CLI itself, through a V8 code
// cache (server/src/cli/compile-cache.ts), so a run does not compile 400 KB of JavaScript again.
const cli = [
  build({ ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: `${outdir}/cli.cjs`, banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli/bundle.ts'], outfile: `${outdir}/cli-main.cjs`, metafile: true, plugins: [processDefault] }).then(noDynamicImport).then(() => production && asciiBundle(`${outdir}/cli-main.cjs`)),
  build({ ...common, entryPoints: ['server/src/cli/worker-launch.ts'], outfile: `${outdir}/cli-worker.cjs` }),
];

/**
 * The CLI bundle runs through vm.Script, where import() needs an experimental flag: every import
 * must be bundled or become require(). esbuild keeps import() of a module it leaves out (node:*),
 * so such an import() fails the build here rather than a run later.
 */
function noDynamicImport(result) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const kept = output.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path);
    if (kept.length) throw new Error(`${file}: import() of ${kept.join(', ')} stays in the bundle; import it statically (see server/src/cli/compile-cache.ts)`);
  }
}

/**
 * Escapes the non-ASCII characters esbuild leaves in the production bundle's regular expressions,
 * so the launcher reads it as Latin-1 (scripts/build-ascii.mjs). TypeScript's parser, which finds
 * them, is loaded only when there are some. Not for development builds: they keep comments, some
 * not ASCII, and their source maps would be off by the escapes.
 */
async function asciiBundle(file) {
  const bytes = readFileSync(file);
  if (isAscii(bytes)) return;
  const { escapeRegExpLiterals } = await import('./build-ascii.mjs');
  const code = Buffer.from(escapeRegExpLiterals(bytes.toString('utf8')));
  writeFileSync(file, code);
  if (!isAscii(code)) console.warn(`${file}: not ASCII outside its regular expressions (or not parsed): the CLI decodes it as UTF-8, a slower start`);
}

await Promise.all([
  ...(cliOnly
    ? []
    : [
        build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.cjs`, external: ['vscode'] }),
        build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: `${outdir}/server.cjs` }),
      ]),
  ...cli,
]);
