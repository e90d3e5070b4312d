/**
 * The properties every draft must satisfy, as plain functions that throw on a violation. The
 * property tests run them with a fixed seed and few runs; scripts/fuzz.mjs runs them long.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analyzer,
  applyEdits,
  defaultConfig,
  LineIndex,
  parseDocument,
  preferredEdits,
  type Finding,
  type LanguageId,
  type TextEdit,
} from '../../server/src/core/index.js';
import { parseMarkdownBlocks } from '../../server/src/core/document.js';
import { formatJson } from '../../server/src/cli/format/json.js';
import { applyEdit, type Draft, type Edit } from './arbitraries.js';

const config = defaultConfig();
// COPYDESK_FUZZ_OFF=rule,rule switches rules off, to fuzz the rest around a known, reported bug.
for (const id of (process.env.COPYDESK_FUZZ_OFF ?? '').split(',').filter(Boolean)) config.rules[id] = 'off';
// COPYDESK_SLOW_MS fails an analysis slower than this (the fuzzer sets it; tests on a busy machine do not).
const SLOW_MS = Number(process.env.COPYDESK_SLOW_MS ?? Infinity);

/** Analyses with every rule failure turned into an exception: a rule that throws is a bug too. */
export function strictAnalyse(text: string, languageId: LanguageId, analyzer = new Analyzer()): Finding[] {
  const errors: string[] = [];
  const started = performance.now();
  const { findings } = analyzer.analyse(text, {
    languageId,
    config,
    path: '/drafts/draft',
    onRuleError: (rule, e) => errors.push(`${rule}: ${(e as Error)?.stack ?? String(e)}`),
  });
  assert.deepEqual(errors, [], 'a rule threw');
  const ms = performance.now() - started;
  assert.ok(ms <= SLOW_MS, `too slow: one analysis of ${text.length} characters took ${Math.round(ms)} ms (limit ${SLOW_MS} ms)`);
  return findings;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function describe(f: Finding, text: string): string {
  return `${f.rule} at ${f.offset}+${f.length} ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}`;
}

function assertRange(text: string, offset: number, length: number, what: string): void {
  assert.ok(Number.isInteger(offset) && Number.isInteger(length), `${what}: non-integer range ${offset}+${length}`);
  assert.ok(offset >= 0 && length >= 0 && offset + length <= text.length, `${what}: range ${offset}+${length} outside text of length ${text.length}`);
  assert.ok(!splitsPair(text, offset), `${what}: starts inside a surrogate pair`);
  assert.ok(!splitsPair(text, offset + length), `${what}: ends inside a surrogate pair`);
}

/** Edits (of one fix, or of fix-all) must lie in the text, split no pair and not overlap. */
export function assertEditsClean(text: string, edits: readonly TextEdit[], what: string): void {
  for (const e of edits) {
    assertRange(text, e.offset, e.length, what);
    assert.equal(typeof e.newText, 'string', `${what}: newText is not a string`);
  }
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    assert.ok(a.offset + a.length <= b.offset && !(a.length === 0 && b.length === 0 && a.offset === b.offset), `${what}: edits overlap: ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  }
}

/** Applies sorted, non-overlapping edits independently of the core's applyEdits. */
function referenceApply(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.offset) + e.newText;
    pos = e.offset + e.length;
  }
  return out + text.slice(pos);
}

/**
 * The core never throws; every finding, related location and fix edit lies inside the text and
 * splits no surrogate pair; LineIndex positions agree with the offsets (and with the LSP
 * library's own conversion); each fix's edits are clean; the CLI's JSON report parses.
 */
export function checkFindings(draft: Draft): Finding[] {
  const { text, languageId } = draft;
  const findings = strictAnalyse(text, languageId);
  const lines = new LineIndex(text);
  const doc = TextDocument.create('file:///draft', languageId, 1, text);
  for (const f of findings) {
    const what = describe(f, text);
    assertRange(text, f.offset, f.length, what);
    assert.ok(f.message.trim().length > 0, `${what}: empty message`);
    for (const r of f.related ?? []) if (r.path === undefined) assertRange(text, r.offset, r.length, `${what} related`);
    for (const fix of f.fixes) assertEditsClean(text, fix.edits, `${what} fix "${fix.title}"`);
    for (const o of [f.offset, f.offset + f.length]) {
      const p = lines.positionAt(o);
      assert.equal(lines.offsetAt(p), o, `${what}: LineIndex round trip of ${o}`);
      assert.deepEqual(p, doc.positionAt(o), `${what}: LineIndex and TextDocument disagree at ${o}`);
      const before = text.slice(0, o);
      const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
      const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
      assert.deepEqual(p, { line, character: o - (lastBreak + 1) }, `${what}: line/character of ${o}`);
    }
  }
  const json = JSON.parse(formatJson([{ path: 'draft', text, findings }])) as { files: { findings: unknown[] }[] };
  assert.equal(json.files[0]!.findings.length, findings.length, 'JSON report lost findings');
  return findings;
}

/** Where `offset` of the old text lands after `edits` (a position inside a replaced range lands at its start). */
function mapOffset(offset: number, edits: readonly TextEdit[], end: boolean): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    if (e.offset + e.length <= offset && !(e.length === 0 && e.offset === offset && !end)) delta += e.newText.length - e.length;
    else if (e.offset < offset) return e.offset + delta + (end ? e.newText.length : 0);
  }
  return offset + delta;
}

/**
 * Applying a finding's preferred fix removes it: after re-analysis no finding of that rule is left
 * on the fixed range that is not just another finding of the old text moved by the edit.
 * Only the first `limit` fixable findings of a draft are tried, to bound the run time.
 */
export function checkPreferredFixes(draft: Draft, findings: Finding[], limit = 6): void {
  const { text, languageId } = draft;
  let tried = 0;
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix) continue;
    if (++tried > limit) break;
    const after = applyEdits(text, fix.edits);
    assert.equal(after, referenceApply(text, fix.edits), `${describe(f, text)}: applyEdits differs from a plain splice`);
    const again = strictAnalyse(after, languageId);
    const others = new Set(
      findings.filter((g) => g !== f && g.rule === f.rule).map((g) => `${mapOffset(g.offset, fix.edits, false)}:${mapOffset(g.offset + g.length, fix.edits, true)}`),
    );
    const from = mapOffset(f.offset, fix.edits, false);
    const to = mapOffset(f.offset + f.length, fix.edits, true);
    const flaggedText = text.slice(f.offset, f.offset + f.length);
    // Left over: a finding inside the rewritten range, or the same words flagged again where they
    // were. A neighbour flagged anew because its context changed is not this finding.
    const left = again.filter(
      (g) =>
        g.rule === f.rule &&
        !others.has(`${g.offset}:${g.offset + g.length}`) &&
        ((g.length > 0 && g.offset >= from && g.offset + g.length <= to) ||
          (g.offset <= to && g.offset + g.length >= from && after.slice(g.offset, g.offset + g.length) === flaggedText)),
    );
    assert.deepEqual(
      left.map((g) => describe(g, after)),
      [],
      `preferred fix "${fix.title}" of ${describe(f, text)} did not remove its finding; text after: ${JSON.stringify(after.slice(Math.max(0, from - 40), to + 40))}`,
    );
  }
}

/**
 * Fix-all (preferred edits, applied and re-analysed until nothing is left to apply) reaches a
 * fixed point, each pass's edits are clean, and text outside the edits is never changed.
 */
export function checkFixAll(draft: Draft, maxPasses = 12): string {
  let text = draft.text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const findings = strictAnalyse(text, draft.languageId);
    const edits = preferredEdits(findings);
    if (edits.length === 0) return text;
    assertEditsClean(text, edits, `fix-all pass ${pass}`);
    const next = applyEdits(text, edits);
    assert.equal(next, referenceApply(text, edits), `fix-all pass ${pass}: applyEdits changed text outside its edits`);
    assert.notEqual(next, text, `fix-all pass ${pass}: edits changed nothing, so fix-all would loop: ${JSON.stringify(edits)}`);
    text = next;
  }
  assert.fail(`fix-all did not reach a fixed point in ${maxPasses} passes; last text: ${JSON.stringify(text.slice(0, 300))}`);
}

/** Code (fenced blocks) survives fix-all untouched: the checks only edit prose. */
export function checkCodeUntouched(draft: Draft, fixed: string): void {
  if (draft.languageId !== 'markdown') return;
  // Closed top-level ``` fences, found line by line so a closing fence is never read as an opening one.
  let open: string[] | undefined;
  for (const line of draft.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (/^```\s*$/.test(line) || (!open && /^```/.test(line))) {
      if (open) {
        const code = open.join('\n');
        if (code.trim()) for (const l of open) assert.ok(fixed.includes(l), `fix-all changed code: ${JSON.stringify(l)}`);
        open = undefined;
      } else open = [];
    } else open?.push(line);
  }
}

/**
 * The paragraph cache is invisible: an Analyzer that saw the earlier versions of a draft gives the
 * same findings as a fresh analysis of the current text, after every edit.
 */
export function checkCacheInvisible(draft: Draft, edits: Edit[]): void {
  const analyzer = new Analyzer();
  let text = draft.text;
  strictAnalyse(text, draft.languageId, analyzer);
  for (const [i, edit] of edits.entries()) {
    text = applyEdit(text, edit);
    const cached = strictAnalyse(text, draft.languageId, analyzer);
    const fresh = strictAnalyse(text, draft.languageId);
    assert.deepEqual(cached, fresh, `edit ${i} (${JSON.stringify(edit)}): cached analysis differs from a fresh one for ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/**
 * Blocks keep document offsets: each block lies in the text, and every character of `block.text`
 * is the document's own character or a space (masked non-prose), with line breaks kept.
 */
export function checkBlocks(draft: Draft): void {
  const { text } = draft;
  const blocks = parseDocument(text, draft.languageId).blocks;
  if (draft.languageId === 'markdown') {
    // Markdown is parsed piece by piece with a memo, for speed; that must be invisible: the same
    // blocks as one remark parse of the whole draft (past a BOM, which micromark skips).
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const whole = parseMarkdownBlocks(text.slice(bom)).map((b) => ({ ...b, offset: b.offset + bom }));
    assert.deepEqual(blocks, whole, 'piecewise Markdown blocks differ from a whole-draft parse');
  }
  for (const b of blocks) {
    assertRange(text, b.offset, b.text.length, `block at ${b.offset}`);
    for (let i = 0; i < b.text.length; i++) {
      const ch = b.text[i]!;
      const raw = text[b.offset + i]!;
      if (ch === raw) continue;
      assert.ok(ch === ' ' && raw !== '\n' && raw !== '\r', `block at ${b.offset}: character ${i} is ${JSON.stringify(ch)}, document has ${JSON.stringify(raw)}`);
    }
  }
}
