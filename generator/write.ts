/**
 * Write generated files into the output folder: atomically, only when changed, and removing files an
 * earlier run produced but this one no longer does. A manifest records what this run produced, so
 * hand-written files in the output folder are never touched.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';

export const MANIFEST_NAME = '.onebot-codegen-manifest.json';
const GENERATOR = 'onebot-codegen';

export interface WriteResult {
  /** Relative posix paths, sorted. Includes MANIFEST_NAME when the manifest is created or changed. */
  written: string[];
  /** Listed in the old manifest, still present, and no longer produced. */
  removed: string[];
  unchanged: string[];
}

export interface WriteOptions {
  /** Report what would change; write and delete nothing. */
  check?: boolean;
}

/** files: relative posix path → full text. outDir may not exist yet. */
export async function writeOutputs(
  outDir: string,
  files: ReadonlyMap<string, string>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const paths = [...files.keys()].sort();
  assertValidPaths(paths);
  const wanted = new Map(paths.map((p) => [p, Buffer.from(files.get(p) ?? '', 'utf8')]));

  const written: string[] = [];
  const unchanged: string[] = [];
  for (const [rel, content] of wanted) {
    const current = await readIfFile(path.join(outDir, rel));
    (current !== null && current.equals(content) ? unchanged : written).push(rel);
  }
  const removed = await staleFiles(outDir, await readManifest(outDir), wanted);
  const manifest = Buffer.from(manifestText(paths), 'utf8');
  const manifestCurrent = await readIfFile(path.join(outDir, MANIFEST_NAME));
  const manifestStale = manifestCurrent === null || !manifestCurrent.equals(manifest);

  if (!options.check) {
    // Removals first: a path that turns from file into directory (or back) then needs no special case.
    for (const rel of removed) await removeAndPrune(outDir, rel);
    for (const rel of written) await writeAtomic(path.join(outDir, rel), wanted.get(rel) ?? Buffer.alloc(0));
    // Last, so an interrupted run still has the old manifest and cleans up next time.
    if (manifestStale) await writeAtomic(path.join(outDir, MANIFEST_NAME), manifest);
  }
  if (manifestStale) written.push(MANIFEST_NAME);
  return { written: written.sort(), removed, unchanged };
}

/** Why a path may not be written below outDir, or undefined when it is fine. */
function pathProblem(p: string): string | undefined {
  if (p === '') return 'empty';
  if (p.includes('\0')) return 'contains a NUL character';
  if (p.includes('\\')) return 'not a posix path (contains a backslash)';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'absolute';
  const segments = p.split('/');
  if (segments.includes('..')) return 'contains a ".." segment';
  if (segments.some((s) => s === '' || s === '.')) return 'contains an empty or "." segment';
  if (p === MANIFEST_NAME) return 'reserved for the manifest';
  return undefined;
}

/** Throw before anything is written, so a bad path never leaves a partial output. */
function assertValidPaths(paths: readonly string[]): void {
  const dirs = new Set<string>();
  for (const p of paths) {
    const problem = pathProblem(p);
    if (problem) throw new Error(`writeOutputs: invalid output path ${JSON.stringify(p)}: ${problem}`);
    for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  }
  // 'a' and 'a/b' cannot both be files.
  const clash = paths.find((p) => dirs.has(p));
  if (clash !== undefined) {
    throw new Error(
      `writeOutputs: invalid output path ${JSON.stringify(clash)}: it is also a directory of another path`,
    );
  }
}

function manifestText(paths: readonly string[]): string {
  return `${JSON.stringify({ generator: GENERATOR, files: [...paths].sort() }, null, 2)}\n`;
}

/**
 * The files the previous run produced, or null when there is no usable manifest. Any malformed
 * entry discards the whole manifest: deleting on a guess could hit hand-written files.
 */
async function readManifest(outDir: string): Promise<string[] | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { generator, files } = parsed as { generator?: unknown; files?: unknown };
  if (generator !== GENERATOR || !Array.isArray(files)) return null;
  const valid = files.every((f): f is string => typeof f === 'string' && pathProblem(f) === undefined);
  return valid ? files : null;
}

/** Old-manifest files no longer produced that still exist as files (directories are left alone). */
async function staleFiles(
  outDir: string,
  old: string[] | null,
  wanted: ReadonlyMap<string, Buffer>,
): Promise<string[]> {
  const stale: string[] = [];
  for (const rel of new Set(old ?? [])) {
    if (wanted.has(rel)) continue;
    const stat = await lstat(path.join(outDir, rel)).catch(ignoreMissing);
    if (stat && !stat.isDirectory()) stale.push(rel);
  }
  return stale.sort();
}

/** Delete a file, then its parent directories while they are empty, stopping below outDir. */
async function removeAndPrune(outDir: string, rel: string): Promise<void> {
  await unlink(path.join(outDir, rel)).catch(ignoreMissing);
  for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) {
    try {
      await rmdir(path.join(outDir, dir));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') continue; // already pruned; its parent may still be empty
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') return;
      throw error;
    }
  }
}

/** Write to a temp file beside the target, then rename over it, so readers see old or new, never half. */
async function writeAtomic(target: string, content: Buffer): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content);
      await handle.datasync(); // the rename must not become durable before the data
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The file's bytes, or null when it is missing or not a regular file. */
async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
}

function ignoreMissing(error: unknown): undefined {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  throw error;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
