/**
 * One run at a time per output folder: `<out>/.onebot-codegen/lock` holds the holder's pid, host,
 * start time and a random token. It is created whole with `link()` (atomic, fails if it exists),
 * so a reader never sees half a lock. A lock whose process is gone (same host, pid not running) is
 * stale and is taken over; a live one makes the second run stop with a message naming the holder.
 */
import { randomBytes } from 'node:crypto';
import { link, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OutputError, ensureDir, readRegular } from './fs.js';
import { errorCode } from './paths.js';

export const LOCK_NAME = 'lock';

/** The lock file's content. */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601. */
  readonly started: string;
  readonly token: string;
}

/** The lock's holder, or null when there is no lock or it cannot be read as one. */
export function readLock(workDir: string): Promise<LockInfo | null> {
  return readLockFile(path.join(workDir, LOCK_NAME));
}

/** Null when the file is missing or not a lock; I/O errors propagate. */
async function readLockFile(file: string): Promise<LockInfo | null> {
  const bytes = await readRegular(file);
  if (!bytes) return null;
  let parsed: Partial<LockInfo>;
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as Partial<LockInfo>;
  } catch {
    return null;
  }
  const { pid, host, started, token } = parsed ?? {};
  if (typeof pid !== 'number' || typeof host !== 'string' || typeof token !== 'string') return null;
  return { pid, host, started: typeof started === 'string' ? started : '?', token };
}

/** Tokens of the locks this process holds now: a lock with our pid and another token is stale. */
const held = new Set<string>();

/**
 * True unless the holder is certainly gone: same host and no process with its pid, or this very
 * process (a long-lived one, such as a watcher) with a token it no longer holds.
 */
export function holderAlive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // cannot see another machine's processes
  if (info.pid === process.pid) return held.has(info.token);
  return processAlive(info.pid);
}

/** Whether a process with this pid runs on this machine (ours included). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Takes the lock of `outDir` (creating its work folder) and returns the function that releases it.
 * Throws OutputError when a live run holds it.
 */
export async function acquireLock(
  outDir: string,
  workDir: string,
): Promise<{ release(): Promise<void>; token: string }> {
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    started: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const lockPath = path.join(workDir, LOCK_NAME);
  const temp = path.join(workDir, `lock.${mine.token}.tmp`);
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await ensureDir(workDir);
      await writeFile(temp, `${JSON.stringify(mine)}\n`, { flag: 'w' });
      await link(temp, lockPath);
      held.add(mine.token);
      await unlink(temp).catch(() => undefined);
      return { release: () => releaseLock(workDir, mine.token), token: mine.token };
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') continue; // a finishing run removed the work folder: make it again
      if (code !== 'EEXIST') throw error;
    }
    const holder = await readLock(workDir);
    if (holder && holderAlive(holder)) {
      await unlink(temp).catch(() => undefined);
      throw new OutputError(
        `another run (pid ${holder.pid} on ${holder.host}, started ${holder.started}) is writing ${outDir}; ` +
          `wait for it to finish. If that process no longer exists, delete ${lockPath}`,
      );
    }
    await breakStale(workDir, holder);
  }
  await unlink(temp).catch(() => undefined);
  throw new OutputError(`could not take the lock ${lockPath}: other runs keep taking it`);
}

/** Still ours? Checked just before the commit point. */
export async function assertLockHeld(workDir: string, token: string): Promise<void> {
  const holder = await readLock(workDir);
  if (holder?.token !== token) {
    throw new OutputError(`lost the lock ${path.join(workDir, LOCK_NAME)} to another run; nothing was changed`);
  }
}

/**
 * Removes a stale lock. Renaming it to a name of our own first means two runs breaking the same
 * stale lock cannot both succeed; should the renamed file turn out to be a fresh lock that another
 * run took meanwhile, it is put back.
 */
async function breakStale(workDir: string, stale: LockInfo | null): Promise<void> {
  const lockPath = path.join(workDir, LOCK_NAME);
  const aside = path.join(workDir, `lock.${randomBytes(8).toString('hex')}.stale`);
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const taken = await readLockFile(aside);
  if (taken && taken.token !== stale?.token && holderAlive(taken)) {
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/** Removes the lock if it is still ours, then the work folder if nothing else is in it. */
async function releaseLock(workDir: string, token: string): Promise<void> {
  held.delete(token);
  const holder = await readLock(workDir).catch(() => null);
  if (holder?.token === token) await unlink(path.join(workDir, LOCK_NAME)).catch(() => undefined);
  await rmdir(workDir).catch(() => undefined);
}
