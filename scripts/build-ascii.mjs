// Makes the CLI bundle's text ASCII, for its start-up time: dist/cli.cjs reads dist/cli-main.cjs
// and hands its text to V8 (server/src/cli/compile-cache.ts). ASCII is read as Latin-1, a copy;
// any other byte means decoding 400 KB of UTF-8 into a string of two bytes a character (and
// copying that again to compile it), one to several ms of every run.
//
// esbuild escapes non-ASCII characters in strings, templates and names (its default charset), but
// not in regular expression literals, where a few rules write typographic quotes and dashes. Those
// are escaped here as \uXXXX, which stands for the same character in every kind of expression
// (with or without the u or v flag, in a class or not). The literals are found by TypeScript's
// parser: a / starts a regular expression or divides, which only a parser can tell.
import ts from 'typescript';

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * `code` (a script) with the non-ASCII characters of its regular expression literals escaped.
 * Non-ASCII text elsewhere is left as it is (the loader then decodes the bundle as UTF-8, slower
 * but correct), and so is code the parser does not read without errors.
 */
export function escapeRegExpLiterals(code) {
  if (!NON_ASCII.test(code)) return code;
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  if (file.parseDiagnostics.length > 0) return code;
  const literals = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push(node);
    else ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let from = 0;
  for (const node of literals) {
    const start = node.getStart(file);
    out += code.slice(from, start) + escapeLiteral(code.slice(start, node.end));
    from = node.end;
  }
  return out + code.slice(from);
}

/**
 * A regular expression literal with each non-ASCII UTF-16 unit written \uXXXX (a pair of escaped
 * surrogates is one character with the u or v flag, two units without, as the raw pair is). A
 * backslash before such a character (`\“`, an identity escape, allowed without the u flag) is
 * dropped with it: `\\u201C` would be a backslash and "u201C".
 */
export function escapeLiteral(literal) {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const c = literal.charCodeAt(i);
    if (c === 0x5c && i + 1 < literal.length) {
      const next = literal.charCodeAt(i + 1);
      out += next < 0x80 ? literal.slice(i, i + 2) : unit(next);
      i++;
    } else out += c < 0x80 ? literal[i] : unit(c);
  }
  return out;
}

const unit = (c) => `\\u${c.toString(16).padStart(4, '0')}`;
