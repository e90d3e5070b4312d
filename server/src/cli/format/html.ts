/**
 * One self-contained HTML page: each draft with its findings highlighted in place, counts per
 * category, and the list of findings linking to the highlights. No scripts, no external files,
 * so it can be attached to a CI run and opened on a phone.
 */
import { itemsOf, plural, type FileReport, type Item } from './common.js';

const CATEGORY_LABEL: Record<string, string> = {
  hedge: 'Hedges',
  'unsourced-quote': 'Unsourced quotes',
  boilerplate: 'Boilerplate',
  directive: 'Unused disables',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function countsByCategory(items: Item[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(i.category, (m.get(i.category) ?? 0) + 1);
  return m;
}

function countsTable(counts: Map<string, number>): string {
  if (counts.size === 0) return '<p class="clean">No findings.</p>';
  const rows = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c, n]) => `<tr><th scope="row"><span class="swatch cat-${escapeHtml(c)}"></span>${escapeHtml(CATEGORY_LABEL[c] ?? c)}</th><td>${n}</td></tr>`)
    .join('');
  return `<table class="counts"><tbody>${rows}</tbody></table>`;
}

/**
 * The draft's text with every finding wrapped in <mark>. Overlapping findings split the text at
 * every boundary, so each piece is marked with all the findings that cover it.
 */
function highlighted(text: string, items: Item[], fileNo: number): string {
  const cuts = new Set<number>([0, text.length]);
  for (const i of items) {
    cuts.add(Math.min(i.offset, text.length));
    cuts.add(Math.min(i.offset + Math.max(i.length, 1), text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set<number>();
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k]!;
    const e = points[k + 1]!;
    const piece = escapeHtml(text.slice(s, e));
    const covering = items.map((it, n) => [it, n] as const).filter(([it]) => it.offset <= s && e <= it.offset + Math.max(it.length, 1));
    if (covering.length === 0) {
      out += piece;
      continue;
    }
    const ids = covering.filter(([it, n]) => it.offset === s && !anchored.has(n)).map(([, n]) => n);
    for (const n of ids) anchored.add(n);
    const title = covering.map(([it]) => `${it.rule}: ${it.message}`).join('\n');
    const classes = [...new Set(covering.map(([it]) => `cat-${it.category} sev-${it.severity}`))].join(' ');
    const anchors = ids.map((n) => `<span class="anchor" id="f${fileNo}-${n}"></span>`).join('');
    out += `${anchors}<mark class="${escapeHtml(classes)}" data-rule="${escapeHtml(covering.map(([it]) => it.rule).join(' '))}" title="${escapeHtml(title)}">${piece}</mark>`;
  }
  return out;
}

export function formatHtml(reports: FileReport[], version: string): string {
  const all = reports.map((r) => itemsOf(r));
  const flat = all.flat();
  const sections = reports
    .map((r, fileNo) => {
      const items = all[fileNo]!;
      const list = items
        .map(
          (i, n) =>
            `<li class="sev-${i.severity}"><a href="#f${fileNo}-${n}">${i.line}:${i.column}</a> <span class="sev">${i.severity}</span> ${escapeHtml(i.message)} <code>${escapeHtml(i.rule)}</code></li>`,
        )
        .join('\n');
      return `<section class="file" id="file-${fileNo}">
<h2>${escapeHtml(r.path)}</h2>
${countsTable(countsByCategory(items))}
<pre class="draft">${highlighted(r.text, items, fileNo)}</pre>
${items.length ? `<ol class="findings">${list}</ol>` : ''}
</section>`;
    })
    .join('\n');
  const toc = reports
    .map((r, n) => `<li><a href="#file-${n}">${escapeHtml(r.path)}</a> <span class="n">${all[n]!.length}</span></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Copydesk report</title>
<style>
:root { color-scheme: light dark; --hedge: #f6d365; --quote: #f5a3a3; --boiler: #a7c7f2; --directive: #c8c8c8; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 52rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; overflow-wrap: anywhere; margin: 2rem 0 .5rem; }
.summary { margin-bottom: 1rem; }
.counts { border-collapse: collapse; margin: .5rem 0; } .counts th { text-align: left; font-weight: normal; padding: .1rem 1rem .1rem 0; } .counts td { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .4em; vertical-align: -0.1em; }
pre.draft { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.6 Georgia, serif; padding: .75rem; border: 1px solid #8884; border-radius: 6px; }
mark { color: inherit; border-radius: 2px; padding: 0 .05em; }
.cat-hedge { background: var(--hedge); } .cat-unsourced-quote { background: var(--quote); } .cat-boilerplate { background: var(--boiler); } .cat-directive { background: var(--directive); }
@media (prefers-color-scheme: dark) { mark { color: #111; } }
mark.sev-error { outline: 2px solid #c00; }
.findings { padding-left: 1.4rem; } .findings li { margin: .3rem 0; overflow-wrap: anywhere; }
.sev { font-size: .8em; text-transform: uppercase; letter-spacing: .03em; opacity: .8; }
.sev-error .sev { color: #c00; } code { font-size: .85em; opacity: .8; }
.anchor { scroll-margin-top: 4rem; } .clean { color: #2a7; } .n { opacity: .7; }
footer { margin-top: 2rem; font-size: .85rem; opacity: .7; }
</style>
</head>
<body>
<h1>Copydesk report</h1>
<p class="summary">${plural(flat.length, 'finding')} in ${plural(reports.length, 'file')}.</p>
${countsTable(countsByCategory(flat))}
${reports.length > 1 ? `<ul class="toc">${toc}</ul>` : ''}
${sections}
<footer>Copydesk ${escapeHtml(version)}. Hover or long-press a highlight to read the finding.</footer>
</body>
</html>
`;
}
