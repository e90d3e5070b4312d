// Generates the benchmark corpora from the repository's own sample drafts (samples/*.md, *.txt):
// 1k, 10k, 100k and 1M words as Markdown and as plain text, plus a folder of 1,000 separate drafts.
//
// Why generate: the corpora are big (the 1M-word files are ~6 MB each) and must not be committed;
// and only text we wrote may be in the repository. Every "article" of a corpus keeps the shape of a
// sample (headings, quotes, lists, code, boilerplate lines) but its sentences are varied with a
// seeded random generator (numbers changed, some content words swapped for other words of the
// samples), so a big corpus is not one paragraph repeated 2,000 times: the repeated-text check and
// the caches meet about as much repetition as in a real stack of drafts, not a pathological amount.
//
// Usage: node bench/corpus.mjs [--out bench/corpora]   (prints what it wrote)
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SIZES = [1_000, 10_000, 100_000, 1_000_000];
export const FOLDER_DRAFTS = 1000;
/** Bump when the generator changes, so stale corpora are rebuilt. */
const VERSION = 2;

/** Counts words the way the status bar does (letters/digits with inner apostrophes). */
export function countWords(text) {
  return (text.match(/[\p{L}\p{N}’']+/gu) ?? []).length;
}

/** mulberry32: a small seeded PRNG, so every run builds byte-identical corpora. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sample split into typed blocks (front matter dropped: it may only open a document). */
function readSample(path) {
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const markdown = /\.md$/i.test(path);
  const body = markdown ? text.replace(/^---\n[\s\S]*?\n---\n/, '') : text;
  const blocks = [];
  const lines = body.split('\n');
  let cur = [];
  let fence = false;
  const flush = () => {
    if (cur.length) blocks.push(classify(cur.join('\n'), markdown));
    cur = [];
  };
  for (const line of lines) {
    if (markdown && /^(```|~~~)/.test(line)) {
      if (fence) {
        cur.push(line);
        fence = false;
        blocks.push({ type: 'code', text: cur.join('\n') });
        cur = [];
        continue;
      }
      flush();
      fence = true;
    }
    if (!fence && line.trim() === '') flush();
    else cur.push(line);
  }
  flush();
  return blocks;
}

function classify(text, markdown) {
  if (!markdown) return { type: 'para', text };
  let m;
  if ((m = /^(#{1,6}) (.*)$/s.exec(text))) return { type: 'heading', level: m[1].length, text: m[2] };
  if (/^> /.test(text)) return { type: 'quote', text: text.replace(/^> ?/gm, '') };
  if (/^[-*] /.test(text)) return { type: 'list', items: text.split('\n').map((l) => l.replace(/^[-*] /, '')) };
  if (/^#\w/.test(text)) return { type: 'tags', text };
  return { type: 'para', text };
}

const STOP = new Set(
  'the a an and or but of to in on at for with by from as is are was were be been it its this that these those he she they we you his her their our not no who which what when said says say told would could may might will can has have had do does did than then there here about into over after before more most some any all one two'.split(
    ' ',
  ),
);

/** Content words of all samples: the pool that varied sentences draw replacements from. */
function vocabulary(samples) {
  const words = new Set();
  for (const blocks of samples)
    for (const b of blocks) {
      const t = b.type === 'list' ? b.items.join(' ') : b.type === 'code' ? '' : b.text;
      for (const w of t.match(/\b[a-z]{4,}\b/g) ?? []) if (!STOP.has(w)) words.add(w);
    }
  return [...words].sort();
}

/** Varies prose: new numbers, and about a quarter of the content words swapped. */
function vary(text, rand, vocab) {
  return text
    .replace(/\b\d+\b/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + rand() * 1.5)))))
    .replace(/\b[a-z]{4,}\b/g, (w) => (STOP.has(w) || rand() > 0.25 ? w : vocab[Math.floor(rand() * vocab.length)]));
}

function render(block, markdown, rand, vocab) {
  const v = (t) => vary(t, rand, vocab);
  switch (block.type) {
    case 'heading':
      return markdown ? `${'#'.repeat(block.level)} ${v(block.text)}` : v(block.text);
    case 'quote':
      return markdown ? v(block.text).replace(/^/gm, '> ') : v(block.text);
    case 'list':
      return block.items.map((i) => `- ${v(i)}`).join('\n');
    case 'code':
      return markdown ? block.text : '';
    case 'tags':
      return markdown ? block.text : '';
    default:
      return v(block.text);
  }
}

/** One article in the shape of sample `blocks`. */
function article(blocks, markdown, rand, vocab) {
  return blocks
    .map((b) => render(b, markdown, rand, vocab))
    .filter(Boolean)
    .join('\n\n');
}

function loadSamples() {
  const dir = join(ROOT, 'samples');
  const files = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/i.test(f))
    .sort();
  if (files.length === 0) throw new Error('bench/corpus.mjs: no samples/*.md or samples/*.txt to build corpora from');
  const samples = files.map((f) => readSample(join(dir, f)));
  return { samples, vocab: vocabulary(samples) };
}

/** A draft of about `words` words, built article by article until the size is reached. */
export function buildDraft(words, markdown, seed, loaded = loadSamples()) {
  const { samples, vocab } = loaded;
  const rand = rng(seed);
  const parts = [];
  if (markdown) parts.push('---\ntitle: Benchmark draft\ndesk: generated\n---');
  let count = 0;
  let i = 0;
  while (count < words) {
    let a = article(samples[i++ % samples.length], markdown, rand, vocab);
    let n = countWords(a);
    if (count + n > words) {
      // Cut the last article at a paragraph boundary so small corpora land near their size.
      const paras = a.split('\n\n');
      const kept = [];
      let k = 0;
      for (const p of paras) {
        const pn = countWords(p);
        if (count + k + pn > words && kept.length) break;
        kept.push(p);
        k += pn;
      }
      a = kept.join('\n\n');
      n = k;
    }
    parts.push(a);
    count += n;
  }
  return parts.join('\n\n') + '\n';
}

/** Writes the corpora into `out` (skipped when the same generator version already wrote them). */
export function makeCorpora(out = join(ROOT, 'bench', 'corpora')) {
  const stamp = join(out, `.version-${VERSION}`);
  const loaded = loadSamples();
  const files = [];
  for (const size of SIZES)
    for (const markdown of [false, true]) {
      files.push({ size, format: markdown ? 'markdown' : 'plaintext', path: join(out, `${label(size)}.${markdown ? 'md' : 'txt'}`), markdown });
    }
  const folder = join(out, 'drafts-1000');
  if (!existsSync(stamp)) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const f of files) writeFileSync(f.path, buildDraft(f.size, f.markdown, f.size + (f.markdown ? 1 : 0), loaded));
    for (let i = 0; i < FOLDER_DRAFTS; i++) {
      const markdown = i % 2 === 0;
      // Drafts of 100 to 400 words, like a desk's day of short and long stories.
      const size = 100 + ((i * 37) % 300);
      writeFileSync(join(folder, `draft-${String(i).padStart(4, '0')}.${markdown ? 'md' : 'txt'}`), buildDraft(size, markdown, 10_000 + i, loaded));
    }
    writeFileSync(stamp, '');
  }
  const withWords = files.map(({ markdown: _m, ...f }) => ({ ...f, words: countWords(readFileSync(f.path, 'utf8')) }));
  const folderWords = readdirSync(folder).reduce((n, f) => n + countWords(readFileSync(join(folder, f), 'utf8')), 0);
  return { files: withWords, folder: { path: folder, drafts: FOLDER_DRAFTS, words: folderWords } };
}

export function label(size) {
  return size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--out');
  const c = makeCorpora(i > 0 ? process.argv[i + 1] : undefined);
  for (const f of c.files) console.log(`${f.path}\t${f.words} words`);
  console.log(`${c.folder.path}\t${c.folder.drafts} drafts, ${c.folder.words} words`);
}
