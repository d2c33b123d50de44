/**
 * The commit: every new file is first written whole under `<out>/.onebot-codegen/new/`; then
 * `journal.json` appears by one rename (the commit point); then each old file is moved aside to
 * `old/` and each new one renamed into place. Every step can be repeated, so a run that dies after
 * the commit point is finished by the next run ("roll forward"), and one that dies before it left
 * nothing but staged files, which the next run deletes. An I/O error during the commit turns the
 * journal around and puts the old files back ("roll back").
 *
 *     <out>/.onebot-codegen/lock          lock.ts
 *     <out>/.onebot-codegen/new/<path>    staged new files
 *     <out>/.onebot-codegen/old/<path>    old files set aside during the commit
 *     <out>/.onebot-codegen/journal.json  { "direction": "forward", "entries": [...], "createdDirs": [...] }
 */
import type { Stats } from 'node:fs';
import { lstat, open, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, eachAtOnce, ensureDir, move, pruneEmpty, readRegular } from './fs.js';
import { LOCK_NAME } from './lock.js';
import type { Entry } from './plan.js';
import { GENERATOR, errorCode, ignoreMissing, under } from './paths.js';

export const JOURNAL_NAME = 'journal.json';
const STAGED = 'new';
const ASIDE = 'old';

export interface Journal {
  readonly generator: typeof GENERATOR;
  readonly version: 1;
  /** `forward` finishes the commit; `back` undoes it (written before an in-process roll back). */
  readonly direction: 'forward' | 'back';
  readonly entries: readonly Entry[];
  /** Folders the commit creates, outermost first; a roll back removes them again when empty. */
  readonly createdDirs: readonly string[];
}

/** Files staged at most this many at a time. */
const STAGE_AT_ONCE = 8;
/** Files moved at most this many at a time while committing. */
const MOVE_AT_ONCE = 8;

/**
 * Writes each file whole (and synced) under `new/`, several at a time; nothing in the output folder
 * changes. Resolves only once every file is on disk (the journal, written next, names them), with
 * each staged file's lstat: a rename keeps its inode, by which OutputMemo knows it once placed.
 */
export async function stage(workDir: string, files: ReadonlyMap<string, Buffer>): Promise<Map<string, Stats>> {
  const stats = new Map<string, Stats>();
  await eachAtOnce([...files], STAGE_AT_ONCE, async ([rel, content]) => {
    const file = under(path.join(workDir, STAGED), rel);
    await writeSynced(file, content);
    stats.set(rel, await lstat(file));
  });
  return stats;
}

/**
 * Commits staged files as `journal` says; on an I/O error, rolls back and throws OutputError.
 * Failing to tidy up afterwards is not an error: the next run removes the litter.
 */
export async function commit(outDir: string, workDir: string, journal: Journal): Promise<void> {
  await writeJournal(workDir, journal);
  try {
    await rollForward(outDir, workDir, journal);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    try {
      const back: Journal = { ...journal, direction: 'back' };
      await writeJournal(workDir, back);
      await rollBack(outDir, workDir, back);
      await finish(workDir).catch(() => undefined);
    } catch (undoError) {
      throw new OutputError(
        `could not replace the files in ${outDir} (${why}), nor put the old ones back (${String(undoError)}); ` +
          `the next run finishes the job from ${path.join(workDir, JOURNAL_NAME)}`,
        { cause: error },
      );
    }
    throw new OutputError(`could not replace the files in ${outDir} (${why}); the previous output is kept`, {
      cause: error,
    });
  }
  await finish(workDir).catch(() => undefined);
}

/**
 * Brings the output folder back to a whole state after an interrupted run: with a journal, finish
 * its direction; without one, delete whatever the interrupted run staged. Returns what it did.
 */
export async function recover(outDir: string, workDir: string): Promise<'forward' | 'back' | 'cleaned' | null> {
  const journal = await readJournal(workDir);
  if (journal) {
    if (journal.direction === 'forward') await rollForward(outDir, workDir, journal);
    else await rollBack(outDir, workDir, journal);
    await finish(workDir);
    return journal.direction;
  }
  return (await clearWork(workDir)) ? 'cleaned' : null;
}

/** The journal of an interrupted commit; null when there is none. Throws when it is damaged. */
export async function readJournal(workDir: string): Promise<Journal | null> {
  const file = path.join(workDir, JOURNAL_NAME);
  const bytes = await readRegular(file);
  if (bytes === null) return null;
  try {
    const journal = JSON.parse(bytes.toString('utf8')) as Journal;
    if (journal.generator === GENERATOR && Array.isArray(journal.entries) && Array.isArray(journal.createdDirs)) {
      return journal;
    }
  } catch {
    // reported below
  }
  throw new OutputError(
    `${file} is damaged, so an interrupted run cannot be finished or undone; ` +
      `check the output folder by hand, then delete ${workDir}`,
  );
}

/** Set every old file aside, prune folders removals empty, then rename every staged file in. */
async function rollForward(outDir: string, workDir: string, journal: Journal): Promise<void> {
  const staged = path.join(workDir, STAGED);
  const aside = path.join(workDir, ASIDE);
  // Each step is done for every entry before the next starts (an interrupted run resumes from any
  // point of it); within a step the entries are independent, so several move at once.
  await eachAtOnce(journal.entries, MOVE_AT_ONCE, async (e) => {
    if (!e.old) return;
    // A new file already in place has left `new/`: its old one is already aside.
    if (e.new && !(await exists(under(staged, e.path)))) return;
    if (await exists(under(aside, e.path))) return;
    await move(under(outDir, e.path), under(aside, e.path));
  });
  for (const e of journal.entries) {
    if (e.old && !e.new) await pruneEmpty(outDir, path.dirname(under(outDir, e.path)));
  }
  const placing = journal.entries.filter((e) => e.new);
  await eachAtOnce(placing, MOVE_AT_ONCE, async (e) => {
    await move(under(staged, e.path), under(outDir, e.path));
  });
}

/** Take every placed new file back out, remove the folders the commit made, restore the old files. */
async function rollBack(outDir: string, workDir: string, journal: Journal): Promise<void> {
  const staged = path.join(workDir, STAGED);
  const aside = path.join(workDir, ASIDE);
  for (const e of journal.entries) {
    if (!e.new || (await exists(under(staged, e.path)))) continue;
    // Placed: the file at the path is the new one (its old one, if any, is aside).
    if (!e.old || (await exists(under(aside, e.path)))) await move(under(outDir, e.path), under(staged, e.path));
  }
  for (const dir of [...journal.createdDirs].reverse()) await removeIfEmpty(under(outDir, dir));
  for (const e of journal.entries) if (e.old) await move(under(aside, e.path), under(outDir, e.path));
}

/** Only the folder itself: its parent existed before the commit and may be the user's. */
async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch((error: unknown) => {
    const code = errorCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
  });
}

/** The journal goes first: once it is gone the output folder is whole and the rest is litter. */
async function finish(workDir: string): Promise<void> {
  await unlink(path.join(workDir, JOURNAL_NAME)).catch(ignoreMissing);
  await clearWork(workDir);
}

/** Deletes everything in the work folder but the lock. True when there was something to delete. */
async function clearWork(workDir: string): Promise<boolean> {
  const names = await readdir(workDir).catch(ignoreMissing);
  const litter = (names ?? []).filter((n) => n !== LOCK_NAME);
  for (const name of litter) await rm(path.join(workDir, name), { recursive: true, force: true });
  return litter.length > 0;
}

/** Written whole to a temporary name, synced, then renamed: the journal is all there or absent. */
async function writeJournal(workDir: string, journal: Journal): Promise<void> {
  const temp = path.join(workDir, `${JOURNAL_NAME}.tmp`);
  await writeSynced(temp, Buffer.from(`${JSON.stringify(journal, null, 2)}\n`, 'utf8'));
  await rename(temp, path.join(workDir, JOURNAL_NAME));
}

async function writeSynced(file: string, content: Buffer): Promise<void> {
  await ensureDir(path.dirname(file));
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(content);
    await handle.datasync(); // the journal must never name a file whose bytes are not on disk yet
  } finally {
    await handle.close();
  }
}

async function exists(file: string): Promise<boolean> {
  return (await lstat(file).catch(ignoreMissing)) !== undefined;
}
