/**
 * What one process last knew of the files in an output folder, so that a later run of the same
 * process (watch mode) need not read them again to find they are unchanged: per relative path, the
 * file's identity (inode, size, modification time and change time) and its bytes.
 *
 * A file whose lstat still shows that identity is taken to hold those bytes, as version control
 * tools trust their index; anything else (an edit by hand, a file replaced) is read as usual. The
 * change time is what no user can put back: every write (and every `touch`) sets it to the
 * present, so an edit in place that keeps the size and restores the modification time is still
 * seen. A failed write forgets everything: what is on disk is then not known.
 *
 * File times advance in ticks (a few milliseconds on Linux, seconds on some file systems), so an
 * edit in the same tick as the lstat that learnt a file can leave its change time as it was. An
 * identity learnt less than SETTLE_MS after its change time is therefore not trusted: the next
 * plan reads that file, and learns it again, settled (what git does for "racily clean" entries).
 */
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { eachAtOnce } from './fs.js';
import { under } from './paths.js';

interface Known {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  /** Learnt at least SETTLE_MS after the change time: no edit since can have kept it. */
  readonly settled: boolean;
  readonly bytes: Buffer;
}

/** How long after a file's change time its identity is trusted (the coarsest common tick, FAT's, is 2 s). */
export const SETTLE_MS = 2_000;

/** lstat calls in flight at once when learning placed files. */
const LSTAT_AT_ONCE = 16;

export class OutputMemo {
  private readonly files = new Map<string, Known>();

  /** `now`: the clock (ms since the epoch) that learnt identities are settled by. */
  constructor(readonly now: () => number = Date.now) {}

  /** The bytes of `rel` when `stats` (its lstat now) is the settled identity they were seen with. */
  bytes(rel: string, stats: Stats): Buffer | undefined {
    const known = this.files.get(rel);
    if (!known?.settled || !stats.isFile()) return undefined;
    const same =
      known.ino === stats.ino &&
      known.size === stats.size &&
      known.mtimeMs === stats.mtimeMs &&
      known.ctimeMs === stats.ctimeMs;
    return same ? known.bytes : undefined;
  }

  /**
   * `rel` holds `bytes`, and `stats` is its lstat taken after they were written, no earlier than
   * `seenAt` (by `now`; default: now).
   */
  remember(rel: string, stats: Stats, bytes: Buffer, seenAt = this.now()): void {
    if (stats.isFile() && stats.size === bytes.length) {
      const { ino, size, mtimeMs, ctimeMs } = stats;
      const settled = seenAt - ctimeMs >= SETTLE_MS;
      this.files.set(rel, { ino, size, mtimeMs, ctimeMs, settled, bytes });
    } else this.files.delete(rel);
  }

  /**
   * After a commit: each file it placed in `outDir`, by its identity in place (the rename that
   * placed it changed its change time), learnt when it is still the staged file (`staged`: the
   * lstats taken in the work folder), forgotten otherwise.
   */
  async rememberPlaced(
    outDir: string,
    staged: ReadonlyMap<string, Stats>,
    bytes: (rel: string) => Buffer,
  ): Promise<void> {
    const seenAt = this.now();
    await eachAtOnce([...staged], LSTAT_AT_ONCE, async ([rel, before]) => {
      // Never fails the write, which is done: a file that cannot be seen is read next time.
      const placed = await lstat(under(outDir, rel)).catch(() => undefined);
      if (placed?.ino === before.ino) this.remember(rel, placed, bytes(rel), seenAt);
      else this.forget(rel);
    });
  }

  forget(rel: string): void {
    this.files.delete(rel);
  }

  clear(): void {
    this.files.clear();
  }
}
