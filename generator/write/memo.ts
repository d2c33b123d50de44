/**
 * What one process last knew of the files in an output folder, so that a later run of the same
 * process (watch mode) need not read them again to find they are unchanged: per relative path, the
 * file's identity (inode, size, modification time; a rename keeps all three) and its bytes.
 *
 * A file whose lstat still shows that identity is taken to hold those bytes, as version control
 * tools trust their index; anything else (an edit by hand, a file replaced) is read as usual. A
 * failed write forgets everything: what is on disk is then not known.
 */
import type { Stats } from 'node:fs';

interface Known {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly bytes: Buffer;
}

export class OutputMemo {
  private readonly files = new Map<string, Known>();

  /** The bytes of `rel` when `stats` (its lstat now) is the identity they were seen with. */
  bytes(rel: string, stats: Stats): Buffer | undefined {
    const known = this.files.get(rel);
    if (!known || !stats.isFile()) return undefined;
    const same = known.ino === stats.ino && known.size === stats.size && known.mtimeMs === stats.mtimeMs;
    return same ? known.bytes : undefined;
  }

  /** `rel` holds `bytes`, and `stats` is its lstat taken after they were written. */
  remember(rel: string, stats: Stats, bytes: Buffer): void {
    if (stats.isFile() && stats.size === bytes.length) {
      this.files.set(rel, { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, bytes });
    } else this.files.delete(rel);
  }

  forget(rel: string): void {
    this.files.delete(rel);
  }

  clear(): void {
    this.files.clear();
  }
}
