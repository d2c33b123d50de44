/** Read every `*.md` under the docs folder, in sorted order, as `{ file, text }`. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface DocFile {
  /**
   * The path as it appears in diagnostics, `@see` lines and the model: the docs folder's own name,
   * then the path inside it, posix separators (`docs-src/api/bot.md`). The same whatever the working
   * directory or where the docs folder lives, so output never depends on where the command runs.
   */
  readonly file: string;
  readonly text: string;
}

/** Every `*.md` under `docsDir` (recursively), sorted by path, newlines normalised to `\n`. */
export async function readDocs(docsDir: string): Promise<DocFile[]> {
  const entries = await readdir(docsDir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort(comparePaths);
  return Promise.all(
    paths.map(async (p) => ({ file: toDisplayPath(p, docsDir), text: normalizeNewlines(await readFile(p, 'utf8')) })),
  );
}

/** Sort by posix path in code-unit order, so the result is the same on every machine. */
function comparePaths(a: string, b: string): number {
  const x = a.split(path.sep).join('/');
  const y = b.split(path.sep).join('/');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `/x/y/docs-src/api/bot.md` under docs folder `../y/docs-src` → `docs-src/api/bot.md`. */
export function toDisplayPath(p: string, docsDir: string): string {
  const root = path.resolve(docsDir);
  const rel = path.join(path.basename(root), path.relative(root, path.resolve(p)));
  return rel.split(path.sep).join('/');
}

/** CRLF checkouts must produce the same model as LF ones. */
function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
