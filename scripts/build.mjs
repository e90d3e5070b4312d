// Bundles the client, the language server and the CLI with esbuild (one script, one bundler).
// `--production` minifies; otherwise sourcemaps are written for debugging.
import { build } from 'esbuild';

const production = process.argv.includes('--production');

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
  define: { 'import.meta.url': '__copydeskImportMetaUrl' },
  banner: { js: "var __copydeskImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs' }),
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } }),
  // The CLI's worker threads (several drafts at once) load this bundle: see server/src/cli/workers.ts.
  build({ ...common, entryPoints: ['server/src/cli/workers.ts'], outfile: 'dist/cli-worker.cjs' }),
]);
