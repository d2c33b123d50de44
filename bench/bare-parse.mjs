/**
 * The floor the generator is measured against: a process that only imports unified, remark-parse
 * and remark-gfm and parses every `*.md` under the folder given, as the generator's first stage
 * must. `node bench/bare-parse.mjs DOCS`
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();
const dir = process.argv[2] ?? 'docs-src';
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
for (const entry of entries) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
  processor.runSync(processor.parse(await readFile(path.join(entry.parentPath, entry.name), 'utf8')));
}
