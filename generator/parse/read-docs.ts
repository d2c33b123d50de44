/** Read every `*.md` under the docs folder, in sorted order, as `{ file, text }`. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface DocFile {
  /** The path as it appears in diagnostics: relative to the working directory, posix separators. */
  readonly file: string;
  readonly text: string;
}

export async function readDocs(docsDir: string, cwd = process.cwd()): Promise<DocFile[]> {
  const entries = await readdir(docsDir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort(comparePaths);
  return Promise.all(
    paths.map(async (p) => ({ file: toDisplayPath(p, cwd), text: normalizeNewlines(await readFile(p, 'utf8')) })),
  );
}

/** Sort by posix path in code-unit order, so the result is the same on every machine. */
function comparePaths(a: string, b: string): number {
  const x = a.split(path.sep).join('/');
  const y = b.split(path.sep).join('/');
  return x < y ? -1 : x > y ? 1 : 0;
}

export function toDisplayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return rel.split(path.sep).join('/');
}

/** CRLF checkouts must produce the same model as LF ones. */
function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
