/**
 * The format cache beside the manifest: for each generated TypeScript file, the hash of what
 * ts-morph printed and the hash of the text prettier made of it.
 *
 *     generated/.onebot-codegen-cache.json
 *     { "key": "prettier 3.10.1 {…options}", "files": { "napcat/types.ts": { "printed": "9f…", "formatted": "c2…" } } }
 *
 * A file printed exactly as last time is taken from the output folder instead of being formatted,
 * but only while the file there still hashes to `formatted` (a file edited by hand is formatted
 * again). The cache stores no text, so it cannot make a run produce anything but what prettier
 * would. `--check` does not use it: a check always formats.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FORMAT_KEY, type FormatCache } from './emit/format.js';
import { processAlive } from './write/lock.js';

export const FORMAT_CACHE_NAME = '.onebot-codegen-cache.json';

interface Entry {
  readonly printed: string;
  readonly formatted: string;
}

/** A FormatCache read from an output folder; `save` writes what this run used and formatted. */
export class DiskFormatCache implements FormatCache {
  private readonly used = new Map<string, Entry>();

  private constructor(
    private readonly outDir: string,
    /** Entries whose file is on disk unchanged, with that file's text. */
    private readonly known: ReadonlyMap<string, Entry & { readonly text: string }>,
  ) {}

  /** The cache of `outDir`; empty when there is none, it is unreadable, or it was made by another prettier. */
  static async load(outDir: string): Promise<DiskFormatCache> {
    const entries = await readEntries(outDir);
    const known = new Map<string, Entry & { text: string }>();
    await Promise.all(
      [...entries].map(async ([rel, entry]) => {
        const text = await readFile(path.join(outDir, rel), 'utf8').catch(() => undefined);
        if (text !== undefined && sha256(text) === entry.formatted) known.set(rel, { ...entry, text });
      }),
    );
    return new DiskFormatCache(outDir, known);
  }

  /** How many files the cache holds unchanged on disk. */
  get size(): number {
    return this.known.size;
  }

  get(file: string, printedHash: string): string | undefined {
    const entry = this.known.get(file);
    if (entry?.printed !== printedHash) return undefined;
    this.used.set(file, entry);
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
  save(): Promise<void> {
    return saveFormatCache(this.outDir, this.entries());
  }
}

/** Write cache entries for `outDir` (as DiskFormatCache.save; for entries made in another thread). */
export async function saveFormatCache(outDir: string, entries: readonly [string, Entry][]): Promise<void> {
  const text = `${JSON.stringify({ key: FORMAT_KEY, files: Object.fromEntries(entries) }, null, 2)}\n`;
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

async function readEntries(outDir: string): Promise<Map<string, Entry>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.join(outDir, FORMAT_CACHE_NAME), 'utf8'));
  } catch {
    return new Map();
  }
  const { key, files } = (parsed ?? {}) as { key?: unknown; files?: unknown };
  if (key !== FORMAT_KEY || typeof files !== 'object' || files === null) return new Map();
  const entries = new Map<string, Entry>();
  for (const [rel, entry] of Object.entries(files)) {
    const { printed, formatted } = (entry ?? {}) as Partial<Entry>;
    if (isSafePath(rel) && typeof printed === 'string' && typeof formatted === 'string')
      entries.set(rel, { printed, formatted });
  }
  return entries;
}

/** Only paths below the output folder are read. */
function isSafePath(rel: string): boolean {
  return rel !== '' && !path.isAbsolute(rel) && !rel.split(/[\\/]/).some((s) => s === '..' || s === '');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
