/**
 * Read every `*.md` under the docs folder, in sorted order, as `{ file, text }`, and say why any
 * entry was not read. Hostile folders cannot hang or mislead the run: symbolic links to folders are
 * followed once (a set of real paths stops loops), FIFOs, devices and sockets are never opened, a
 * page that is not UTF-8 is an error naming the byte, and a tree too large to be docs stops the run.
 */
import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, type DiagnosticCode, compareStrings } from '../model/diagnostics.js';
import { decodeUtf8 } from './utf8.js';

export interface DocFile {
  /**
   * The path as it appears in diagnostics, `@see` lines and the model: the docs folder's own name,
   * then the path inside it, posix separators (`docs-src/api/bot.md`). The same whatever the working
   * directory or where the docs folder lives, so output never depends on where the command runs.
   */
  readonly file: string;
  readonly text: string;
}

/** The pages that could be read, and one diagnostic per entry that was skipped (unsorted). */
export interface DocTree {
  readonly docs: DocFile[];
  readonly diagnostics: Diagnostic[];
}

/** No page could be read: nothing may be generated (it would replace the output with nothing). */
export class DocsError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'DocsError';
  }
}

/** More entries than any docs folder has: `--docs /` or `--docs /proc` stop here instead of crawling. */
export const MAX_ENTRIES = 20_000;
/** Larger pages are skipped with a warning (and never read whole into memory). */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;
/** A folder holding this file is generator output, not docs (see write/paths.ts). */
const OUTPUT_MARKER = '.onebot-codegen-manifest.json';

interface Walk {
  readonly docsDir: string;
  readonly maxEntries: number;
  /** Real path of every folder read → its display path, so each folder is read once. */
  readonly seen: Map<string, string>;
  readonly pages: string[];
  readonly diagnostics: Diagnostic[];
  entries: number;
}

/**
 * Every `*.md` under `docsDir` (recursively, skipping `node_modules` and folders whose name starts
 * with `.`), sorted by display path, newlines normalised to `\n`, plus a diagnostic per skipped
 * entry. Throws DocsError when no page can be read or the tree has more than `maxEntries`
 * (default MAX_ENTRIES) entries.
 */
export async function readDocTree(docsDir: string, options: { maxEntries?: number } = {}): Promise<DocTree> {
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const walk: Walk = { docsDir, maxEntries, seen: new Map(), pages: [], diagnostics: [], entries: 0 };
  await walkFolder(walk, path.resolve(docsDir));
  const docs: DocFile[] = [];
  for (const page of walk.pages.sort((a, b) => compareStrings(display(walk, a), display(walk, b)))) {
    const text = await readPage(walk, page);
    if (text !== undefined) docs.push({ file: display(walk, page), text: normalizeNewlines(text) });
  }
  if (docs.length === 0) {
    const why = walk.pages.length === 0 ? 'no .md file' : 'no readable .md file';
    throw new DocsError(`${why} under ${docsDir}; nothing was generated or replaced`, walk.diagnostics);
  }
  return { docs, diagnostics: walk.diagnostics };
}

/** The pages alone (diagnostics about skipped entries are dropped); throws as readDocTree does. */
export async function readDocs(docsDir: string): Promise<DocFile[]> {
  return (await readDocTree(docsDir)).docs;
}

async function walkFolder(walk: Walk, dir: string): Promise<void> {
  const real = await realpath(dir);
  const earlier = walk.seen.get(real);
  if (earlier !== undefined) {
    return skip(walk, 'skipped-folder', dir, `is the folder ${earlier} again (a symbolic link); it is read once`);
  }
  walk.seen.set(real, display(walk, dir));
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    return skip(walk, 'unreadable-entry', dir, `cannot be listed (${codeOf(error)}); its pages are not read`);
  }
  if (entries.some((e) => e.name === OUTPUT_MARKER)) {
    return skip(walk, 'skipped-folder', dir, `holds generated output (${OUTPUT_MARKER}); it is not read as docs`);
  }
  for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
    if (++walk.entries > walk.maxEntries) {
      throw new DocsError(`more than ${walk.maxEntries} entries under ${walk.docsDir}: is --docs the docs folder?`);
    }
    await visit(walk, path.join(dir, entry.name), entry);
  }
}

/** One folder entry: recurse into folders (through links too), collect pages, name what is skipped. */
async function visit(walk: Walk, full: string, entry: Dirent): Promise<void> {
  const isPage = entry.name.endsWith('.md');
  let kind: Dirent | Stats = entry;
  if (entry.isSymbolicLink()) {
    try {
      kind = await stat(full);
    } catch (error) {
      return skip(walk, 'unreadable-entry', full, `is a symbolic link that leads nowhere (${codeOf(error)})`);
    }
  }
  if (kind.isDirectory()) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return;
    return walkFolder(walk, full);
  }
  if (!isPage) return;
  if (kind.isFile()) return void walk.pages.push(full);
  skip(walk, 'special-file', full, `is ${specialKind(kind)}, not a file; it is skipped and never opened`);
}

/** The page's text, or undefined (with a diagnostic) when it cannot be read or is not UTF-8. */
async function readPage(walk: Walk, file: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    // O_NONBLOCK: a page swapped for a FIFO after the walk still cannot block the open.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) return skip(walk, 'special-file', file, `is ${specialKind(info)}, not a file; it is skipped`);
      bytes = await readCapped(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return skip(walk, 'unreadable-entry', file, `cannot be read (${codeOf(error)}); it is skipped`);
  }
  if (bytes.length > MAX_PAGE_BYTES) {
    return skip(walk, 'unreadable-entry', file, `is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB; it is skipped`);
  }
  const decoded = decodeUtf8(bytes);
  if (typeof decoded === 'string') return decoded;
  const { offset, line, column, hint } = decoded;
  walk.diagnostics.push({
    severity: 'error',
    code: 'invalid-utf8',
    message:
      `not valid UTF-8: byte 0x${bytes[offset]!.toString(16).padStart(2, '0').toUpperCase()} at byte offset ${offset}` +
      `${hint ? ` (${hint})` : ''}; the page is skipped`,
    source: { file: display(walk, file), line, column },
  });
  return undefined;
}

/** Reads at most MAX_PAGE_BYTES + 1 bytes: enough to tell a page that is too large. */
async function readCapped(handle: import('node:fs/promises').FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= MAX_PAGE_BYTES) {
    const chunk = Buffer.alloc(Math.min(1 << 20, MAX_PAGE_BYTES + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

function skip(walk: Walk, code: DiagnosticCode, full: string, why: string): undefined {
  const file = display(walk, full);
  walk.diagnostics.push({ severity: 'warning', code, message: `${file} ${why}`, source: { file, line: 1, column: 1 } });
  return undefined;
}

function specialKind(s: Dirent | Stats): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function codeOf(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function display(walk: Walk, full: string): string {
  return toDisplayPath(full, walk.docsDir);
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
