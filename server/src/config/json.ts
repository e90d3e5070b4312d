/**
 * A small JSON parser that remembers where every value is, so a config error can name the file,
 * line and column of the offending value rather than just "invalid config". Accepts JSON plus
 * comments (VS Code edits these files as JSON with comments) and reports syntax errors with their
 * position.
 */

export interface Located {
  line: number;
  column: number;
}

/** A parse or validation problem at a 1-based line and column. */
export class JsonError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface ParsedJson {
  value: unknown;
  /** Position of the value at each JSON pointer ("" for the root, "/rules/hedge-word"). */
  positions: Map<string, Located>;
  /** Position of the key of each object member, by the member value's pointer. */
  keyPositions: Map<string, Located>;
}

export function parseJsonWithPositions(text: string): ParsedJson {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const positions = new Map<string, Located>();
  const keyPositions = new Map<string, Located>();
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const locate = (offset: number): Located => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const fail = (message: string, at = i): never => {
    const p = locate(at);
    throw new JsonError(message, p.line, p.column);
  };
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail('unterminated comment');
        i = end + 2;
      } else return;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('line break inside a string');
      if (c === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in map) {
          out += map[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('invalid escape in string');
      } else {
        out += c;
        i++;
      }
    }
  };
  const value = (pointer: string): unknown => {
    ws();
    positions.set(pointer, locate(i));
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : 'expected a property name in double quotes');
        const keyAt = locate(i);
        const key = str();
        const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate property "${key}"`, lineStarts[keyAt.line - 1]! + keyAt.column - 1);
        keyPositions.set(child, keyAt);
        ws();
        if (text[i] !== ':') fail('expected ":" after the property name');
        i++;
        obj[key] = value(child);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('trailing comma before "]"');
        arr.push(value(`${pointer}/${arr.length}`));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) fail(i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[i])}`);
    i += m![0].length;
    return m![0] === 'true' ? true : m![0] === 'false' ? false : m![0] === 'null' ? null : Number(m![0]);
  };
  const v = value('');
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return { value: v, positions, keyPositions };
}
