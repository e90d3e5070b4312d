// Peer: retext-english + retext-intensify (hedges, weasels, fillers), run the way its users run it:
// the whole file through unified in one go. Prints the number of messages.
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import { VFile } from 'vfile';
import retextEnglish from 'retext-english';
import retextIntensify from 'retext-intensify';

const text = readFileSync(process.argv[2], 'utf8');
const processor = unified().use(retextEnglish).use(retextIntensify);
// parse + run is what `process` does minus stringifying, which would only copy the text back.
const file = new VFile(text);
await processor.run(processor.parse(file), file);
process.stdout.write(`${file.messages.length}\n`);
