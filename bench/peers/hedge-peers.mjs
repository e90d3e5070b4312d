#!/usr/bin/env node
// Peers for the hedge comparison: runs another prose linter over files and prints its findings in
// the JSON report shape of `copydesk check --format json`, so the same scorers
// (/work/shared/eval/score.mjs, score-sentences.mjs) can measure it. Every finding is reported with
// category 'hedge': the question the comparison asks is "how many of what this tool flags would an
// editor strike as a hedge, and how many hedges does it find".
//
//   node bench/peers/hedge-peers.mjs --peer retext-intensify FILE...
//   node bench/peers/hedge-peers.mjs --peer write-good FILE...          (its default checks)
//   node bench/peers/hedge-peers.mjs --peer write-good-weasel FILE...   (only its weasel-word check)
//
// Each peer runs the way its users run it: the whole file in one call.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import retextEnglish from 'retext-english';
import retextIntensify from 'retext-intensify';
import writeGood from 'write-good';

const PEERS = {
  /** retext-intensify: hedge, weasel and filler words, each message with a start and end offset. */
  async 'retext-intensify'(text) {
    const processor = unified().use(retextEnglish).use(retextIntensify);
    const file = new VFile(text);
    await processor.run(processor.parse(file), file);
    return file.messages
      .filter((m) => m.place && 'start' in m.place && typeof m.place.start.offset === 'number')
      .map((m) => ({
        rule: `retext-intensify/${m.ruleId}`,
        offset: m.place.start.offset,
        length: m.place.end.offset - m.place.start.offset,
        message: m.reason,
      }));
  },
  /** write-good with its default checks (weasel words, passive voice, "so", "there is", adverbs, wordiness, clichés). */
  async 'write-good'(text) {
    return writeGood(text).map((s) => ({ rule: 'write-good', offset: s.index, length: s.offset, message: s.reason }));
  },
  /** write-good with only the weasel-word check: the part of it that is about hedging. */
  async 'write-good-weasel'(text) {
    const only = { passive: false, illusion: false, so: false, thereIs: false, adverb: false, tooWordy: false, cliches: false, eprime: false, weasel: true };
    return writeGood(text, only).map((s) => ({ rule: 'write-good/weasel', offset: s.index, length: s.offset, message: s.reason }));
  },
};

function usage(message) {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write(`usage: node bench/peers/hedge-peers.mjs --peer ${Object.keys(PEERS).join('|')} FILE...\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const at = args.indexOf('--peer');
if (at < 0 || !args[at + 1]) usage('missing --peer');
const peer = args[at + 1];
if (!Object.hasOwn(PEERS, peer)) usage(`unknown peer: ${peer}`);
const paths = args.filter((_, k) => k !== at && k !== at + 1 && !(args[k] === '--format' || args[k - 1] === '--format'));
if (!paths.length) usage('no files');

const files = [];
for (const path of paths) {
  const text = readFileSync(path, 'utf8');
  const found = await PEERS[peer](text);
  files.push({
    path: resolve(path),
    findings: found.map((f) => ({ rule: f.rule, category: 'hedge', severity: 'warning', message: f.message, offset: f.offset, length: f.length })),
  });
}
process.stdout.write(`${JSON.stringify({ version: 1, tool: peer, files })}\n`);
