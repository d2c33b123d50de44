/**
 * Several output trees (generated files, probes) type-checked in ONE strict `tsc` program, each
 * file checked once however many trees hold it.
 *
 * Trees made from similar docs share most of their files: the runtime, `common/`, the modules of
 * implementations the docs do not tell apart. A file's diagnostics depend only on its text and on
 * the files it imports, transitively (generated code declares nothing global). So a file whose
 * closure (its own path and text, and those of every file it may import) equals that of a file
 * already written is written as a symlink to it, and imports resolve to real paths: both trees
 * import one source file, and it is checked once. Its diagnostics are reported for every tree that
 * holds it, under that tree's own path.
 */
import { createHash } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { typecheck } from './tsc.js';

/**
 * One tree, written to `<dir>/<key>/`, or already on disk at `at` (such a tree is read where it is;
 * give it first, so the others link to it). `isRoot` picks the files the program starts from
 * (default: all of them); `isChecked` the files whose own code is checked (default: all of them),
 * the others only lend their types to the files that import them.
 */
export interface Tree {
  readonly key: string;
  readonly files: ReadonlyMap<string, string>;
  readonly at?: string;
  readonly isRoot?: (rel: string) => boolean;
  readonly isChecked?: (rel: string) => boolean;
}

/** Writes the trees under `dir` (empty) and returns tsc's messages by tree key; trees without any are left out. */
export async function typecheckTrees(dir: string, trees: readonly Tree[]): Promise<Map<string, string[]>> {
  /** Closure hash → the absolute path it was first written to. */
  const written = new Map<string, string>();
  /** Absolute path of a written file → the [tree key, absolute path] of every tree that holds it. */
  const holders = new Map<string, [string, string][]>();
  const roots: string[] = [];
  /** Absolute paths of written files that some tree holding them wants checked. */
  const checked = new Set<string>();
  for (const tree of trees) {
    const closures = closureHashes(tree.files);
    for (const [rel, text] of tree.files) {
      const file = path.join(tree.at ?? path.join(dir, tree.key), rel);
      const hash = closures.get(rel)!;
      const first = written.get(hash);
      if (tree.isChecked?.(rel) ?? true) checked.add(first && !tree.at ? first : file);
      if (first && !tree.at) {
        await mkdir(path.dirname(file), { recursive: true });
        await symlink(first, file);
        holders.get(first)!.push([tree.key, file]);
        continue;
      }
      if (!tree.at) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text);
      }
      written.set(hash, file);
      holders.set(file, [[tree.key, file]]);
      if (tree.isRoot?.(rel) ?? true) roots.push(file);
    }
  }
  const byTree = new Map<string, string[]>();
  for (const message of typecheck(roots, { realPaths: true, checked: (f) => checked.has(f) })) {
    const at = message.indexOf('(');
    const owners = holders.get(message.slice(0, at)) ?? [[treeOf(dir, message), '']];
    for (const [key, file] of owners) {
      byTree.set(key, [...(byTree.get(key) ?? []), file ? file + message.slice(at) : message]);
    }
  }
  return byTree;
}

/** The tree key of a message about a file under `dir` that is not one of the trees' own (`?` if none). */
function treeOf(dir: string, message: string): string {
  return message.startsWith(dir + path.sep) ? message.slice(dir.length + 1).split(path.sep)[0]! : '?';
}

/**
 * Relative path → a hash of the file's closure: the paths and texts of every file of `files` it may
 * import, itself included. Every quoted `./…` or `../…` string counts as an import (a superset of
 * the real ones: more is never wrong, only shares less), resolved as NodeNext resolves `.js` to `.ts`.
 */
export function closureHashes(files: ReadonlyMap<string, string>): Map<string, string> {
  const imports = new Map<string, string[]>();
  for (const [rel, text] of files) {
    const targets = [...text.matchAll(/(['"])(\.\.?\/[^'"\n]*)\1/g)].map((m) =>
      path.posix.join(path.posix.dirname(rel), m[2]!.replace(/\.js$/, '.ts')),
    );
    imports.set(
      rel,
      targets.filter((t) => files.has(t)),
    );
  }
  const out = new Map<string, string>();
  for (const rel of files.keys()) {
    const reach = new Set([rel]);
    for (const at of reach) for (const next of imports.get(at)!) reach.add(next);
    const hash = createHash('sha256');
    for (const f of [...reach].sort()) hash.update(`${f}\0${files.get(f)}\0`);
    out.set(rel, hash.digest('hex'));
  }
  return out;
}
