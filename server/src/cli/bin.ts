/** Entry point of the bundled CLI. */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: internal error: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
