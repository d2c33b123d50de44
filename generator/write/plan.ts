/**
 * What a run would change in the output folder, worked out before anything is written: which files
 * are new, changed, unchanged or to be removed, which folders get created, and every place where a
 * file the generator did not write stands in the way (a conflict stops the run before it writes).
 */
import type { Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { eachAtOnce, readRegular } from './fs.js';
import { readManifest } from './manifest.js';
import type { OutputMemo } from './memo.js';
import { MANIFEST_NAME, ancestors, byCodeUnit, ignoreMissing, under } from './paths.js';

/** One file the commit moves: `old` is set aside (kept until the commit ends), `new` is put in. */
export interface Entry {
  readonly path: string;
  readonly old: boolean;
  readonly new: boolean;
}

/** A file or folder of the user's where the run must write. */
export interface Conflict {
  /** Relative posix path of the user's entry (a folder ends in `/`). */
  readonly path: string;
  readonly why: string;
}

export interface Plan {
  /** New or changed files, sorted; MANIFEST_NAME when the manifest changes. */
  readonly written: string[];
  /** Files the previous run wrote that this one does not, sorted. */
  readonly removed: string[];
  readonly unchanged: string[];
  /** One sentence per file of the user's in the way; empty when the run may go ahead. */
  readonly conflicts: Conflict[];
  /** Every file the commit touches (the manifest last), and the folders it creates (outermost first). */
  readonly entries: Entry[];
  readonly createdDirs: string[];
}

/**
 * Compares `wanted` (relative posix path → bytes, manifest included) with what `outDir` holds. A
 * file `memo` knows by its identity is not read; an unchanged file it did not know, it learns.
 */
export async function makePlan(outDir: string, wanted: ReadonlyMap<string, Buffer>, memo?: OutputMemo): Promise<Plan> {
  const previous = new Set((await readManifest(outDir)) ?? []);
  const removed: string[] = [];
  for (const rel of previous) {
    if (wanted.has(rel) || rel === MANIFEST_NAME) continue;
    const found = await lstat(under(outDir, rel)).catch(ignoreMissing);
    if (found && !found.isDirectory()) removed.push(rel);
  }
  const removing = new Set(removed);
  const plan = { written: [] as string[], unchanged: [] as string[], conflicts: [] as Conflict[] };
  const entries: Entry[] = removed.map((rel) => ({ path: rel, old: true, new: false }));
  const created = new Set<string>();
  // Before the lstats: an identity is settled by when it was seen, not by when it is learnt.
  const seenAt = memo?.now();
  const onDisk = await inspectAll(outDir, [...wanted.keys()], memo);
  for (const [rel, content] of wanted) {
    const owned = previous.has(rel) || rel === MANIFEST_NAME;
    const { found, current } = onDisk.get(rel)!;
    if (!found) {
      const blocker = await missingFolders(outDir, rel, removing, created);
      if (blocker) plan.conflicts.push(blocker);
      plan.written.push(rel);
      entries.push({ path: rel, old: false, new: true });
    } else if (found.isDirectory()) {
      const keep = await userFileUnder(outDir, rel, removing);
      if (keep) plan.conflicts.push({ path: keep, why: `not written by the generator, and in the way of ${rel}` });
      plan.written.push(rel);
      entries.push({ path: rel, old: false, new: true });
    } else {
      if (current?.equals(content)) {
        plan.unchanged.push(rel); // identical bytes: nothing to replace, even when not ours before
        memo?.remember(rel, found, content, seenAt);
      } else if (!owned) {
        plan.conflicts.push({ path: rel, why: 'not written by the generator (the manifest does not list it)' });
      } else {
        plan.written.push(rel);
        entries.push({ path: rel, old: true, new: true });
      }
    }
  }
  entries.sort(
    (a, b) => Number(a.path === MANIFEST_NAME) - Number(b.path === MANIFEST_NAME) || byCodeUnit(a.path, b.path),
  );
  const sort = (list: string[]) => list.sort(byCodeUnit);
  return {
    written: sort(plan.written),
    removed: sort(removed),
    unchanged: sort(plan.unchanged.filter((rel) => rel !== MANIFEST_NAME)),
    conflicts: plan.conflicts.sort((a, b) => byCodeUnit(a.path, b.path)),
    entries,
    createdDirs: sort([...created]),
  };
}

/**
 * Adds the folders `rel` needs that do not exist yet to `created`; returns a conflict when
 * a file of the user's stands where one of them must go.
 */
async function missingFolders(
  outDir: string,
  rel: string,
  removing: ReadonlySet<string>,
  created: Set<string>,
): Promise<Conflict | undefined> {
  let missing = false;
  for (const dir of ancestors(rel)) {
    if (missing || created.has(dir)) {
      created.add(dir);
      missing = true;
      continue;
    }
    const found = await stat(under(outDir, dir)).catch(ignoreMissing); // a link to a folder is a folder
    if (found?.isDirectory()) continue;
    if (found && !removing.has(dir))
      return { path: dir, why: `not written by the generator, and ${rel} needs a folder there` };
    created.add(dir);
    missing = true;
  }
  return undefined;
}

/**
 * The first entry below folder `rel` that this run does not remove (a file of the user's, or an
 * empty folder, which removals would not prune), or undefined when removals empty the folder.
 */
async function userFileUnder(outDir: string, rel: string, removing: ReadonlySet<string>): Promise<string | undefined> {
  const entries = await readdir(under(outDir, rel), { withFileTypes: true });
  if (entries.length === 0) return `${rel}/`;
  for (const entry of entries.sort((a, b) => byCodeUnit(a.name, b.name))) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      const inner = await userFileUnder(outDir, child, removing);
      if (inner) return inner;
    } else if (!removing.has(child)) return child;
  }
  return undefined;
}

/** Files looked at, at most this many at a time. */
const INSPECT_AT_ONCE = 16;

/**
 * What each path is on disk (lstat; undefined when missing) and, for a regular file, its bytes
 * (from `memo` when it knows the file as it is).
 */
async function inspectAll(
  outDir: string,
  rels: readonly string[],
  memo: OutputMemo | undefined,
): Promise<Map<string, { found: Stats | undefined; current: Buffer | null }>> {
  const out = new Map<string, { found: Stats | undefined; current: Buffer | null }>();
  await eachAtOnce(rels, INSPECT_AT_ONCE, async (rel) => {
    const found = await lstat(under(outDir, rel)).catch(ignoreMissing);
    const known = found && memo?.bytes(rel, found);
    out.set(rel, { found, current: known ?? (found?.isFile() ? await readRegular(under(outDir, rel)) : null) });
  });
  return out;
}
