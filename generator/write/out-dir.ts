/**
 * Output folders the CLI refuses before reading anything: the docs folder or a folder inside it
 * (the next run would read the generated `.md` files as docs), a folder that holds the docs (its
 * removals and writes would mix with them), and a project root (a folder with `package.json` that
 * is not an earlier output) — the usual results of `--out .` or a typo.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_NAME } from './paths.js';

/** Why `out` may not be the output folder for docs in `docs`, or undefined when it is fine. */
export function outDirProblem(out: string, docs: string): string | undefined {
  if (out.trim() === '') return 'is empty';
  const target = realish(out);
  const docsDir = realish(docs);
  if (existsSync(target) && !statSync(target).isDirectory()) return 'exists and is not a folder';
  if (existsSync(path.join(target, 'package.json')) && !existsSync(path.join(target, MANIFEST_NAME))) {
    return 'is a project root (it has a package.json and is not an earlier output); give the output its own folder, e.g. --out generated';
  }
  if (target === docsDir) return 'is the docs folder';
  if (isInside(target, docsDir)) return `is inside the docs folder ${docs}: the next run would read the output as docs`;
  if (isInside(docsDir, target)) return `contains the docs folder ${docs}`;
  return undefined;
}

/** The real path of `p`, as far as it exists: symbolic links in the existing part are resolved. */
function realish(p: string): string {
  const rest: string[] = [];
  for (let dir = path.resolve(p); ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync(dir), ...rest.reverse());
    } catch {
      if (path.dirname(dir) === dir) return path.resolve(p);
      rest.push(path.basename(dir));
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
