/**
 * Change events for every `.md` file and folder under a root, from one non-recursive `fs.watch`
 * per folder. A folder watch sees a file replaced by a rename (how many editors save), which
 * Node 20's `recursive` mode misses on Linux: after `sed -i` or an atomic save, later edits of
 * that file went unreported. Folders created later are watched as they appear; removed ones are
 * dropped.
 */
import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';

export class TreeWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  /**
   * `onChange` gets the path below `root` (posix) of a changed `.md` file or an added or removed
   * folder; `onError` gets what a watch reports (the root removed, too many watches).
   */
  constructor(
    private readonly root: string,
    private readonly onChange: (relative: string) => void,
    private readonly onError: (error: Error) => void,
  ) {
    this.add(path.resolve(root));
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watch `dir` and every folder below it (already watched ones are skipped). */
  private add(dir: string): void {
    if (this.watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => this.changed(dir, event, name?.toString()));
    } catch {
      return; // gone again before it could be watched; its removal is reported by its parent
    }
    watcher.on('error', (error) => (dir === path.resolve(this.root) ? this.onError(error) : this.drop(dir)));
    this.watchers.set(dir, watcher);
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) this.add(path.join(dir, entry.name));
  }

  private changed(dir: string, event: string, name: string | undefined): void {
    if (name === undefined) return;
    const full = path.join(dir, name);
    const relative = path.relative(path.resolve(this.root), full).split(path.sep).join('/');
    if (event === 'rename' && isDirectory(full)) {
      this.add(full);
      this.onChange(relative);
    } else if (event === 'rename' && this.watchers.has(full)) {
      this.drop(full);
      this.onChange(relative);
    } else if (name.endsWith('.md')) this.onChange(relative);
  }

  /** Stop watching `dir` and the folders below it. */
  private drop(dir: string): void {
    for (const [watched, watcher] of this.watchers) {
      if (watched !== dir && !watched.startsWith(dir + path.sep)) continue;
      watcher.close();
      this.watchers.delete(watched);
    }
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
