/**
 * Output paths: which relative paths the generator may write, and the names it reserves inside the
 * output folder for itself (the manifest, and the work folder that holds the lock, the staged files
 * and the commit journal while a run writes).
 */
import path from 'node:path';

/** Lists what the generator wrote: `{ "generator": "onebot-codegen", "files": [...] }`. */
export const MANIFEST_NAME = '.onebot-codegen-manifest.json';
/** Lock, staging, backup and journal of a run in progress; removed when the run ends. */
export const WORK_DIR_NAME = '.onebot-codegen';
export const GENERATOR = 'onebot-codegen';

/** Why a path may not be written below the output folder, or undefined when it is fine. */
export function pathProblem(p: string): string | undefined {
  if (p === '') return 'empty';
  if (p.includes('\0')) return 'contains a NUL character';
  if (p.includes('\\')) return 'not a posix path (contains a backslash)';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'absolute';
  const segments = p.split('/');
  if (segments.includes('..')) return 'contains a ".." segment';
  if (segments.some((s) => s === '' || s === '.')) return 'contains an empty or "." segment';
  if (p === MANIFEST_NAME) return 'reserved for the manifest';
  if (segments[0] === WORK_DIR_NAME) return "reserved for the generator's work folder";
  return undefined;
}

/** Throws before anything is written, so a bad path never leaves a partial output. */
export function assertValidPaths(paths: readonly string[]): void {
  const dirs = new Set<string>();
  for (const p of paths) {
    const problem = pathProblem(p);
    if (problem) throw new Error(`writeOutputs: invalid output path ${JSON.stringify(p)}: ${problem}`);
    for (const d of ancestors(p)) dirs.add(d);
  }
  // 'a' and 'a/b' cannot both be files.
  const clash = paths.find((p) => dirs.has(p));
  if (clash !== undefined) {
    throw new Error(
      `writeOutputs: invalid output path ${JSON.stringify(clash)}: it is also a directory of another path`,
    );
  }
}

/** `a/b/c.ts` → `['a', 'a/b']`: the folders a relative posix path needs, outermost first. */
export function ancestors(rel: string): string[] {
  const result: string[] = [];
  for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) result.unshift(d);
  return result;
}

/** A relative posix path below `root`, as a native path. */
export function under(root: string, rel: string): string {
  return path.join(root, ...rel.split('/'));
}

/** The errno code of a Node error (`ENOENT`), or undefined. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** For `.catch()`: a path that does not exist (or whose parent is a file) reads as undefined. */
export function ignoreMissing(error: unknown): undefined {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  throw error;
}

/** Code-unit order, the same on every machine and locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
