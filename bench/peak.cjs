// Preloaded (`node -r bench/peak.cjs ...`) into every process the benchmark times: on exit it
// appends the process's peak resident memory (KB, from getrusage) to $COPYDESK_BENCH_PEAK, so peak
// memory is measured the same way for Copydesk and the peers, with or without /usr/bin/time.
'use strict';
const file = process.env.COPYDESK_BENCH_PEAK;
if (file) {
  process.on('exit', () => {
    require('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
