/** A unified diff of two texts (line-based, Myers' algorithm), as `--fix-dry-run` prints it. */

function splitLines(text: string): string[] {
  // Keep the line ends so a change of line ending, or of the final newline, shows in the diff.
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script from `a` to `b` (Myers, O((N+M)·D)). */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[max + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x]! });
    y--;
  }
  return ops.reverse();
}

/** `--- a/path` / `+++ b/path` and hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before), splitLines(after));
  const fmt = (op: Op) => {
    const body = op.line.endsWith('\n') ? op.line : `${op.line}\n\\ No newline at end of file\n`;
    return op.kind + body;
  };
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  // Line numbers before each op, to label the hunks.
  const pos = ops.map((op) => {
    const p = [aLine, bLine] as const;
    if (op.kind !== '+') aLine++;
    if (op.kind !== '-') bLine++;
    return p;
  });
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within 2·context unchanged lines.
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let j = end;
      while (j < ops.length && ops[j]!.kind === ' ' && j - end < 2 * context) j++;
      if (j < ops.length && ops[j]!.kind !== ' ') end = j;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const [aStart, bStart] = pos[start]!;
    out += `@@ -${aCount ? aStart : aStart - 1},${aCount} +${bCount ? bStart : bStart - 1},${bCount} @@\n`;
    out += hunk.map(fmt).join('');
    i = end;
    start = end;
  }
  return out;
}
