/** Splitting a large archive across CI machines: each file goes to one shard, by a hash of its path. */
import { relative, resolve, sep } from 'node:path';
import { hash53 } from '../core/workspace.js';

/**
 * Whether `path` belongs to shard `index` (1-based) of `count`. The path is taken relative to the
 * working directory with `/` separators, so every machine of a matrix agrees.
 */
export function inShard(path: string, index: number, count: number, cwd = process.cwd()): boolean {
  const key = relative(cwd, resolve(cwd, path)).split(sep).join('/');
  return hash53(key) % count === index - 1;
}
