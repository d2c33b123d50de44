/**
 * The format cache beside the manifest: for each generated TypeScript file, the hash of what
 * ts-morph printed, the hash of the text prettier made of it, and the hashes of its compiled twins.
 *
 *     generated/.onebot-codegen-cache.json
 *     { "key": "prettier 3.10.1 {…options}", "twinsKey": "typescript 6.0.2 {…options} …",
 *       "files": { "napcat/types.ts": { "printed": "9f…", "formatted": "c2…", "js": "4a…", "dts": "e0…" } } }
 *
 * A file printed exactly as last time is taken from the output folder instead of being formatted,
 * but only while the file there still hashes to `formatted` (a file edited by hand is formatted
 * again). Likewise its twins (`dist/…/x.js`, `dist/…/x.d.ts`) are taken from the output folder
 * instead of being compiled, while both still hash to `js` and `dts` and TypeScript and its
 * options are those of `twinsKey`. The cache stores no text, so it cannot make a run produce
 * anything but what prettier and TypeScript would. `--check` does not use it: a check always
 * formats and compiles.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FORMAT_KEY, type FormatCache } from './emit/format.js';
import { twinPaths } from './emit/targets/dist-paths.js';
import type { BuiltTwins, Twins } from './emit/targets/compiled.js';
import { processAlive } from './write/lock.js';

export const FORMAT_CACHE_NAME = '.onebot-codegen-cache.json';

interface Entry {
  readonly printed: string;
  readonly formatted: string;
  /** sha256 of the compiled twins, when the run compiled them. */
  readonly js?: string;
  readonly dts?: string;
}

/** An entry whose files are on disk unchanged: the module's text, and its twins' when they are too. */
type Known = Entry & { readonly text: string; readonly twins?: Twins };

/** A FormatCache read from an output folder; `save` writes what this run used and formatted. */
export class DiskFormatCache implements FormatCache {
  private readonly used = new Map<string, Entry>();

  private constructor(
    private readonly outDir: string,
    /** Entries whose file is on disk unchanged, with that file's text. */
    private readonly known: ReadonlyMap<string, Known>,
    /** What the twins on disk were compiled with (TWINS_KEY of compiled.ts), if any. */
    private readonly twinsKey: string | undefined,
  ) {}

  /** The cache of `outDir`; empty when there is none, it is unreadable, or it was made by another prettier. */
  static async load(outDir: string): Promise<DiskFormatCache> {
    const { entries, twinsKey } = await readEntries(outDir);
    const known = new Map<string, Known>();
    const read = (rel: string) => readFile(path.join(outDir, rel), 'utf8').catch(() => undefined);
    await Promise.all(
      [...entries].map(async ([rel, entry]) => {
        const text = await read(rel);
        if (text === undefined || sha256(text) !== entry.formatted) return;
        const at = twinPaths(rel);
        const [js, dts] = entry.js && entry.dts ? await Promise.all([read(at.js), read(at.dts)]) : [];
        const twins = js !== undefined && dts !== undefined && sha256(js) === entry.js && sha256(dts) === entry.dts;
        known.set(rel, { ...entry, text, ...(twins ? { twins: { js, dts } } : {}) });
      }),
    );
    return new DiskFormatCache(outDir, known, twinsKey);
  }

  /**
   * Twins on disk unchanged since the run that compiled them under `twinsKey`, by module path, with
   * the hash of the module text they were compiled from. Empty under another key.
   */
  knownTwins(twinsKey: string): BuiltTwins {
    if (twinsKey !== this.twinsKey) return new Map();
    return new Map(
      [...this.known].flatMap(([rel, k]) => (k.twins ? [[rel, { sha256: k.formatted, ...k.twins }] as const] : [])),
    );
  }

  /** Notes the twins `files` (this run's output) has for the modules of this run's entries. */
  recordTwins(files: ReadonlyMap<string, string>): void {
    for (const [rel, entry] of this.used) {
      const at = twinPaths(rel);
      const js = files.get(at.js);
      const dts = files.get(at.dts);
      const { printed, formatted } = entry;
      this.used.set(
        rel,
        js === undefined || dts === undefined
          ? { printed, formatted }
          : { printed, formatted, js: sha256(js), dts: sha256(dts) },
      );
    }
  }

  /** How many files the cache holds unchanged on disk. */
  get size(): number {
    return this.known.size;
  }

  get(file: string, printedHash: string): string | undefined {
    const entry = this.known.get(file);
    if (entry?.printed !== printedHash) return undefined;
    this.used.set(file, { printed: entry.printed, formatted: entry.formatted });
    return entry.text;
  }

  set(file: string, printedHash: string, formatted: string): void {
    this.used.set(file, { printed: printedHash, formatted: sha256(formatted) });
  }

  /** The entries of this run, sorted by path (what `save` writes). */
  entries(): [string, Entry][] {
    return [...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Write the cache (temp file, then rename); call after the files themselves are written. */
  save(twinsKey?: string): Promise<void> {
    return saveFormatCache(this.outDir, this.entries(), twinsKey);
  }
}

/**
 * Write cache entries for `outDir` (as DiskFormatCache.save; for entries made in another thread),
 * with the key their twins were compiled under.
 */
export async function saveFormatCache(
  outDir: string,
  entries: readonly [string, Entry][],
  twinsKey?: string,
): Promise<void> {
  const files = Object.fromEntries(entries);
  const text = `${JSON.stringify({ key: FORMAT_KEY, ...(twinsKey ? { twinsKey } : {}), files }, null, 2)}\n`;
  const target = path.join(outDir, FORMAT_CACHE_NAME);
  await removeLeftovers(outDir);
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Temporary cache files (`.onebot-codegen-cache.json.<pid>.<hex>.tmp`) of runs killed between
 * writing and renaming them, removed by the next save; a file whose process still runs is its.
 */
const LEFTOVER = new RegExp(`^${FORMAT_CACHE_NAME.replaceAll('.', '\\.')}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);

async function removeLeftovers(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = LEFTOVER.exec(name)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) await unlink(path.join(outDir, name)).catch(() => undefined);
  }
}

async function readEntries(outDir: string): Promise<{ entries: Map<string, Entry>; twinsKey?: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.join(outDir, FORMAT_CACHE_NAME), 'utf8'));
  } catch {
    return { entries: new Map() };
  }
  const { key, twinsKey, files } = (parsed ?? {}) as { key?: unknown; twinsKey?: unknown; files?: unknown };
  if (key !== FORMAT_KEY || typeof files !== 'object' || files === null) return { entries: new Map() };
  const entries = new Map<string, Entry>();
  for (const [rel, entry] of Object.entries(files)) {
    const { printed, formatted, js, dts } = (entry ?? {}) as Partial<Entry>;
    if (!isSafePath(rel) || typeof printed !== 'string' || typeof formatted !== 'string') continue;
    const twins = typeof js === 'string' && typeof dts === 'string' ? { js, dts } : {};
    entries.set(rel, { printed, formatted, ...twins });
  }
  return { entries, ...(typeof twinsKey === 'string' ? { twinsKey } : {}) };
}

/** Only paths below the output folder are read. */
function isSafePath(rel: string): boolean {
  return rel !== '' && !path.isAbsolute(rel) && !rel.split(/[\\/]/).some((s) => s === '..' || s === '');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
