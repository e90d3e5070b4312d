// Types of scripts/build-ascii.mjs, for its tests (test/unit/cli/build-ascii.test.ts).
export function escapeRegExpLiterals(code: string): string;
export function escapeLiteral(literal: string): string;
