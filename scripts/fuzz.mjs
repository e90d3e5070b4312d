// Runs the property tests of test/property long, with a random seed (`npm run fuzz`).
// Usage: node scripts/fuzz.mjs [--runs N] [--seed S] [--minutes M] [--only name] [--slow-ms MS] [--hang-seconds S]
//        [--off rule,rule]  (switch rules off, to fuzz around a known bug)
// On a failure it prints the seed, the shrunk counterexample and the replay path, and exits 1.
// The input under test is kept in a temp file (printed at start) in case a run never ends.
import { parseArgs } from 'node:util';
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    seed: { type: 'string' },
    minutes: { type: 'string', default: '10' },
    only: { type: 'string' },
    path: { type: 'string' },
    'slow-ms': { type: 'string', default: '5000' },
    'hang-seconds': { type: 'string', default: '60' },
    off: { type: 'string' },
  },
});
// Read by test/property/properties.ts when it loads.
if (values.off) process.env.COPYDESK_FUZZ_OFF = values.off;
process.env.COPYDESK_SLOW_MS = values['slow-ms'];

register();
const fc = (await import('fast-check')).default;
const { draftArb, editArb } = await import('../test/property/arbitraries.ts');
const p = await import('../test/property/properties.ts');

const seed = values.seed !== undefined ? Number(values.seed) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const numRuns = Number(values.runs);

const current = join(tmpdir(), `copydesk-fuzz-${process.pid}.json`);
/**
 * Wraps a check: the input is saved first, so a run that never ends can still be inspected. (An
 * analysis slower than --slow-ms fails inside the check: an editor waiting that long is frozen.)
 */
const timed = (check) => (...args) => {
  writeFileSync(current, JSON.stringify(args));
  Atomics.store(heartbeat, 0, Math.floor(Date.now() / 1000));
  try {
    check(...args);
  } finally {
    Atomics.store(heartbeat, 0, 0);
  }
};

/**
 * A check stuck in an endless loop blocks this thread, so a watchdog thread watches the time the
 * current check started and, past --hang-seconds, prints the input and ends the process.
 */
const heartbeat = new Int32Array(new SharedArrayBuffer(4));
const watchdog = new Worker(
  `const { workerData: w } = require('node:worker_threads');
   const { readFileSync, writeSync } = require('node:fs');
   setInterval(() => {
     const started = Atomics.load(w.heartbeat, 0);
     if (started && Date.now() / 1000 - started > w.hangSeconds) {
       let input = '';
       try { input = readFileSync(w.current, 'utf8'); } catch {}
       // Straight to the file descriptor: the main thread, which owns process.stdout, is stuck.
       writeSync(1, '\\nHANG: one check ran longer than ' + w.hangSeconds + ' s (seed ' + w.seed + '); input kept in ' + w.current + ': ' + input.slice(0, 2000) + '\\n');
       process.kill(process.pid, 'SIGKILL');
     }
   }, 1000);`,
  { eval: true, workerData: { heartbeat, hangSeconds: Number(values['hang-seconds']), current, seed } },
);
watchdog.unref();

const properties = {
  blocks: fc.property(draftArb, timed((d) => p.checkBlocks(d))),
  findings: fc.property(draftArb, timed((d) => void p.checkFindings(d))),
  'preferred-fix': fc.property(draftArb, timed((d) => p.checkPreferredFixes(d, p.checkFindings(d), 20))),
  'fix-all': fc.property(draftArb, timed((d) => p.checkCodeUntouched(d, p.checkFixAll(d)))),
  cache: fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 20 }), timed((d, edits) => p.checkCacheInvisible(d, edits))),
};

console.log(`copydesk fuzz: seed ${seed}, up to ${numRuns} runs per property, ${values.minutes} min budget; current input in ${current}`);
const chosen = Object.entries(properties).filter(([name]) => !values.only || values.only === name);
if (chosen.length === 0) {
  console.error(`fuzz: no property named "${values.only}" (known: ${Object.keys(properties).join(', ')})`);
  process.exit(2);
}
// The time budget is shared evenly, so one slow property cannot starve the others.
const budgetMs = (Number(values.minutes) * 60_000) / chosen.length;
let failed = 0;
for (const [name, property] of chosen) {
  const started = Date.now();
  const result = fc.check(property, {
    seed,
    numRuns,
    path: values.path,
    includeErrorInReport: true,
    // Stop generating new cases when the time budget is spent; shrinking still finishes.
    interruptAfterTimeLimit: budgetMs,
    markInterruptAsFailure: false,
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    console.log(`\nFAIL ${name} after ${result.numRuns} runs (${secs}s)`);
    console.log(`  seed: ${result.seed}  path: ${JSON.stringify(result.counterexamplePath)}`);
    console.log(`  replay: node scripts/fuzz.mjs --only ${name} --seed ${result.seed} --path ${JSON.stringify(result.counterexamplePath)}`);
    console.log(`  counterexample: ${fc.stringify(result.counterexample)}`);
    console.log(`  error: ${String(result.errorInstance?.message ?? result.errorInstance).split('\n').slice(0, 12).join('\n    ')}`);
  } else {
    console.log(`ok   ${name}: ${result.numRuns} runs (${secs}s)${result.interrupted ? ', stopped at the time budget' : ''}`);
  }
}
rmSync(current, { force: true });
if (failed) console.log(`\n${failed} propert${failed === 1 ? 'y' : 'ies'} failed; seed ${seed}`);
process.exit(failed ? 1 : 0);
