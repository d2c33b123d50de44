/**
 * Writes generated files into the output folder as one unit: after a run, or after the run that
 * follows an interrupted one, the files the generator owns are exactly the previous output or
 * exactly the new one, whatever happened (a kill, an I/O error, a second run at the same time).
 * Files the manifest does not list are the user's: never replaced or removed; when the generator
 * needs one of their names it stops before writing anything. See README "Faults and guarantees".
 *
 * The parts: write/paths.ts (valid and reserved names), write/manifest.ts, write/plan.ts (what would
 * change, conflicts), write/lock.ts (one run at a time), write/journal.ts (stage, commit, recover).
 */
import { readdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, ensureDir } from './write/fs.js';
import { JOURNAL_NAME, commit, readJournal, recover, stage } from './write/journal.js';
import { LOCK_NAME, acquireLock, assertLockHeld, holderAlive, readLock } from './write/lock.js';
import { manifestText } from './write/manifest.js';
import type { OutputMemo } from './write/memo.js';
import { makePlan, type Plan } from './write/plan.js';
import { MANIFEST_NAME, WORK_DIR_NAME, assertValidPaths, byCodeUnit } from './write/paths.js';

export { MANIFEST_NAME, WORK_DIR_NAME } from './write/paths.js';
export { OutputError } from './write/fs.js';
export { OutputMemo } from './write/memo.js';
export { outDirProblem } from './write/out-dir.js';

export interface WriteResult {
  /** Relative posix paths, sorted. Includes MANIFEST_NAME when the manifest is created or changed. */
  written: string[];
  /** Listed in the old manifest, still present, and no longer produced. */
  removed: string[];
  unchanged: string[];
  /**
   * `--check` only: why the folder is not a whole output (an interrupted run's journal or leftovers,
   * a run in progress, a file of the user's where a generated one must go). Empty otherwise.
   */
  problems: string[];
}

export interface WriteOptions {
  /** Report what would change; write and delete nothing (and take no lock). */
  check?: boolean;
  /**
   * What this process knows of the folder's files from its earlier writes (watch mode): files it
   * knows as they are are not read again, and it learns what this write leaves.
   */
  memo?: OutputMemo;
}

/**
 * files: relative posix path → full text. outDir may not exist yet (it is created).
 * Throws OutputError (a sentence for the user) when a file of the user's is in the way, another run
 * holds the lock, or the file system fails; the output folder is then as it was.
 */
export async function writeOutputs(
  outDir: string,
  files: ReadonlyMap<string, string>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const out = path.resolve(outDir);
  const paths = [...files.keys()].sort(byCodeUnit);
  assertValidPaths(paths);
  const wanted = new Map(paths.map((p) => [p, Buffer.from(files.get(p) ?? '', 'utf8')]));
  wanted.set(MANIFEST_NAME, Buffer.from(manifestText(paths), 'utf8'));
  if (options.check) return checkOutputs(out, wanted);

  const created = await ensureDir(out).catch((error: unknown) => {
    throw new OutputError(`cannot create the output folder ${out}: ${(error as Error).message}`, { cause: error });
  });
  const work = path.join(out, WORK_DIR_NAME);
  const lock = await acquireLock(out, work);
  let committed = false;
  try {
    await recover(out, work);
    const { memo } = options;
    const plan = await makePlan(out, wanted, memo);
    if (plan.conflicts.length > 0) throw conflictError(out, plan);
    if (plan.entries.length > 0) {
      const staged = await stage(
        work,
        new Map(plan.entries.filter((e) => e.new).map((e) => [e.path, wanted.get(e.path)!])),
      );
      await assertLockHeld(work, lock.token);
      await commit(out, work, { generator: 'onebot-codegen', version: 1, direction: 'forward', ...plan });
      for (const rel of plan.removed) memo?.forget(rel);
      await memo?.rememberPlaced(out, staged, (rel) => wanted.get(rel)!);
    }
    committed = true;
    return { written: plan.written, removed: plan.removed, unchanged: plan.unchanged, problems: [] };
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`cannot write ${out}: ${(error as Error).message}`, { cause: error });
  } finally {
    if (!committed) {
      options.memo?.clear(); // what is on disk is not known any more
      await recover(out, work).catch(() => undefined); // drop what was staged
    }
    await lock.release();
    if (!committed) for (const dir of created.reverse()) await removeIfEmpty(dir);
  }
}

/**
 * Finishes or undoes what an interrupted run left in `outDir` (under the lock), as every run does
 * first: 'forward' (a commit was finished), 'back' (one was undone), 'cleaned' (staged files of a
 * run that never reached its commit point were deleted) or null (the folder was whole).
 */
export async function recoverOutputs(outDir: string): Promise<'forward' | 'back' | 'cleaned' | null> {
  const out = path.resolve(outDir);
  const work = path.join(out, WORK_DIR_NAME);
  if (!(await readdir(work).catch(() => null))) return null;
  const lock = await acquireLock(out, work);
  try {
    return await recover(out, work);
  } finally {
    await lock.release();
  }
}

/** `--check`: what a run would change, plus every sign that the folder is not a whole output. */
async function checkOutputs(out: string, wanted: ReadonlyMap<string, Buffer>): Promise<WriteResult> {
  const work = path.join(out, WORK_DIR_NAME);
  const problems: string[] = [];
  const holder = await readLock(work);
  const journal = await readJournal(work).catch((error: unknown) => (problems.push((error as Error).message), null));
  if (holder && holderAlive(holder)) {
    problems.push(`a run (pid ${holder.pid} on ${holder.host}) is writing ${out} right now`);
  } else if (journal) {
    problems.push(
      `${out} was left half-updated by an interrupted run (${path.join(work, JOURNAL_NAME)}); ` +
        'the next run finishes the update',
    );
  } else {
    const litter = ((await readdir(work).catch(() => [])) as string[]).filter((n) => n !== LOCK_NAME || !holder);
    if (litter.length > 0) {
      problems.push(
        `${work} holds leftovers of an interrupted run (${litter.sort().join(', ')}); the next run removes them`,
      );
    }
  }
  const plan = await makePlan(out, wanted);
  problems.push(...plan.conflicts.map((c) => `${path.join(out, c.path)}: ${c.why}; a run would stop here`));
  return { written: plan.written, removed: plan.removed, unchanged: plan.unchanged, problems };
}

function conflictError(out: string, plan: Plan): OutputError {
  const list = plan.conflicts.map((c) => `  ${path.join(out, c.path)}: ${c.why}`);
  return new OutputError(
    `nothing was written: the output folder ${out} holds files the generator did not write where it must write:\n` +
      `${list.join('\n')}\n  move or delete them, or choose another --out`,
  );
}

async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}
