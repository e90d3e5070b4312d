/** The JSON report documented in the README; the scorer and other tools read this exact shape. */
import { LineIndex, type Finding } from '../../core/index.js';
import type { FileReport } from './common.js';

/**
 * The report JSON of some findings, UTF-8 encoded, in batches: finding i of a batch is
 * `bytes[ends[i - 1] ?? 0 .. ends[i])`. Plain data, so it crosses to another thread as it is; each
 * batch is sized exactly, so no spare capacity is copied or kept.
 */
export type RenderedFindings = { bytes: Uint8Array; ends: Uint32Array }[];

/** Findings per batch of RenderedFindings: their JSON strings are only alive one batch at a time. */
const RENDER_BATCH = 2048;

/**
 * Findings whose JSON was written on the thread that found them (`renderFindings`, `keepRendered`):
 * a long draft's report is then mostly written while its other part is still being analysed,
 * instead of all at the end on one thread.
 */
const rendered = new WeakMap<Finding, { bytes: Buffer; from: number; to: number }>();

/** The JSON of one finding in the report, as `JSON.stringify` writes it inside the whole report. */
function findingJson(f: Finding, lines: LineIndex): string {
  return JSON.stringify({
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    message: f.message,
    offset: f.offset,
    length: f.length,
    range: { start: lines.positionAt(f.offset), end: lines.positionAt(f.offset + f.length) },
    fixes: f.fixes.map((x) => ({ title: x.title, preferred: x.preferred === true, edits: x.edits })),
    ...(f.related ? { related: f.related } : {}),
    ...(f.data ? { data: f.data } : {}),
  });
}

/** The report JSON of each of `findings` (of the draft `text`), in order, for `keepRendered`. */
export function renderFindings(text: string, findings: readonly Finding[]): RenderedFindings {
  const lines = new LineIndex(text);
  const out: RenderedFindings = [];
  for (let first = 0; first < findings.length; first += RENDER_BATCH) {
    const json = findings.slice(first, first + RENDER_BATCH).map((f) => findingJson(f, lines));
    const ends = new Uint32Array(json.length);
    let size = 0;
    for (let i = 0; i < json.length; i++) ends[i] = size += Buffer.byteLength(json[i]!, 'utf8');
    const bytes = Buffer.allocUnsafeSlow(size);
    for (let i = 0; i < json.length; i++) bytes.write(json[i]!, i === 0 ? 0 : ends[i - 1]!, 'utf8');
    out.push({ bytes, ends });
  }
  return out;
}

/** Remembers the JSON rendered for `findings` (these same findings, in this order) for the report. */
export function keepRendered(findings: readonly Finding[], json: RenderedFindings): void {
  let k = 0;
  for (const batch of json) {
    const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
    for (let i = 0; i < batch.ends.length; i++) {
      const f = findings[k++];
      if (!f) break;
      rendered.set(f, { bytes, from: i === 0 ? 0 : batch.ends[i - 1]!, to: batch.ends[i]! });
    }
  }
  if (k !== findings.length) throw new Error(`rendered findings: ${k} for ${findings.length} findings`);
}

/** Bytes of the report gathered before they are handed on: few writes, and no copy of the whole. */
const CHUNK = 1 << 20;

/**
 * The report, UTF-8 encoded, in chunks of about a megabyte (each ends between two characters), byte
 * for byte what `JSON.stringify({ files })` gives. A finding rendered earlier (keepRendered) is
 * copied as it is.
 */
export function* formatJsonChunks(reports: readonly FileReport[]): Generator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  /** Makes room for `n` more bytes in the chunk; returns the full chunk if it has to be handed on. */
  const room = (n: number): Buffer | undefined => {
    if (size + n <= chunk.length) return undefined;
    const full = chunk.subarray(0, size);
    chunk = Buffer.allocUnsafe(Math.max(CHUNK, n));
    size = 0;
    return full.length > 0 ? full : undefined;
  };
  // Text between rendered findings is gathered as a string and encoded when a finding's bytes come.
  let text = '{"files":[';
  function* flush(): Generator<Buffer> {
    if (text === '') return;
    const full = room(text.length * 3);
    if (full) yield full;
    size += chunk.write(text, size, 'utf8');
    text = '';
  }
  for (let n = 0; n < reports.length; n++) {
    const r = reports[n]!;
    // Made when first needed: a long draft's findings were mostly rendered by the threads already.
    let index: LineIndex | undefined;
    const lines = (): LineIndex => (index ??= new LineIndex(r.text));
    text += `${n === 0 ? '' : ','}{"path":${JSON.stringify(r.path)},"findings":[`;
    for (let i = 0; i < r.findings.length; i++) {
      const f = r.findings[i]!;
      if (i > 0) text += ',';
      const done = rendered.get(f);
      if (!done) {
        text += findingJson(f, lines());
        if (text.length >= CHUNK / 4) yield* flush();
        continue;
      }
      yield* flush();
      const full = room(done.to - done.from);
      if (full) yield full;
      size += done.bytes.copy(chunk, size, done.from, done.to);
    }
    text += ']';
    // Only with --report-unused-disables, apart from `findings` so tools counting findings are unaffected.
    if (r.unusedDisables) {
      const unused = r.unusedDisables.map((u) => ({
        message: u.message,
        selectors: u.selectors,
        offset: u.offset,
        length: u.length,
        range: { start: lines().positionAt(u.offset), end: lines().positionAt(u.offset + u.length) },
      }));
      text += `,"unusedDisables":${JSON.stringify(unused)}`;
    }
    text += '}';
  }
  // Compact, as ESLint's json formatter: a 1M-word draft's report is a third of the size and memory.
  text += ']}\n';
  yield* flush();
  if (size > 0) yield chunk.subarray(0, size);
}

/** The whole report as a string (see formatJsonChunks). */
export function formatJson(reports: readonly FileReport[]): string {
  return Buffer.concat([...formatJsonChunks(reports)]).toString('utf8');
}
