// Peer: write-good with its default checks (weasel words, passive voice, adverbs...), over the
// whole file in one call, as its CLI does. Prints the number of suggestions.
import { readFileSync } from 'node:fs';
import writeGood from 'write-good';

const text = readFileSync(process.argv[2], 'utf8');
process.stdout.write(`${writeGood(text).length}\n`);
