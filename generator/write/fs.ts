/**
 * The few file-system moves the writer is built from. Each one is safe to repeat after a crash,
 * never follows a symbolic link in the output folder, and never opens a special file (a FIFO would
 * block the run forever).
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCode, ignoreMissing } from './paths.js';

/** What the writer and `--check` report to the user: a sentence naming the path, never a stack. */
export class OutputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutputError';
  }
}

/**
 * `mkdir -p` that cannot spin: Node's recursive mkdir loops forever under `/proc`, so create one
 * missing level at a time, outermost first. Returns the folders it created, outermost first.
 */
export async function ensureDir(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const found = await stat(d).catch(ignoreMissing);
    if (found) {
      if (!found.isDirectory()) throw new OutputError(`${d} is not a folder`);
      break;
    }
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    await mkdir(d).catch((error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw error;
    });
  }
  return missing;
}

/** The bytes of a regular file; null when it is missing or anything else (folder, link, FIFO). */
export async function readRegular(file: string): Promise<Buffer | null> {
  const found = await lstat(file).catch(ignoreMissing);
  if (!found?.isFile()) return null;
  // O_NONBLOCK: should the path turn into a FIFO after the lstat, open still returns at once.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(
    (error: unknown) => {
      if (errorCode(error) === 'ELOOP') return null;
      return ignoreMissing(error) ?? null;
    },
  );
  if (!handle) return null;
  try {
    return (await handle.stat()).isFile() ? await handle.readFile() : null;
  } finally {
    await handle.close();
  }
}

/** Rename `from` to `to`, creating `to`'s folders. False when `from` is already gone (a repeat). */
export async function move(from: string, to: string): Promise<boolean> {
  if (!(await lstat(from).catch(ignoreMissing))) return false;
  await ensureDir(path.dirname(to));
  await rename(from, to);
  return true;
}

/** Remove `dir` and then its parents while they are empty, stopping at `root` (never removed). */
export async function pruneEmpty(root: string, dir: string): Promise<void> {
  for (let d = dir; d !== root && d.startsWith(root + path.sep); d = path.dirname(d)) {
    try {
      await rmdir(d);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') continue; // already gone; its parent may still be empty
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') return;
      throw error;
    }
  }
}

/**
 * `fn` on every item, at most `limit` at a time: one after another, a run over hundreds of files
 * waits on as many round trips to the thread pool (four threads by default). Resolves when all are
 * done; after a failure no new item starts, the started ones finish, then it rejects with the first
 * error (so nothing is still being written when the caller cleans up).
 */
export async function eachAtOnce<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
