/** Entry point of the CLI run from source (the bundle's entry is launch.ts, then bundle.ts). */
import { runCli } from './bundle.js';

void runCli(process.argv.slice(2));
