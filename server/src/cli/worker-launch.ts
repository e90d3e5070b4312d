/**
 * Entry point of dist/cli-worker.cjs, the script of the CLI's worker threads (workers.ts): loads
 * the CLI bundle through the code cache, as dist/cli.cjs does, and serves as a check worker.
 */
import { join } from 'node:path';
import { loadBundle } from './compile-cache.js';

const cli = loadBundle(join(__dirname, 'cli-main.cjs')) as typeof import('./bundle.js');
void cli.startWorker();
