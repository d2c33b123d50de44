/**
 * Synthetic docs for the scaling benchmark: the real pages with their actions copied `factor`
 * times under new names, so the generator sees N× the actions with the same shapes.
 *
 *   across: every page with actions gets `factor - 1` copies (`api/bot.md` → `api/bot-2.md`, …),
 *           each with its actions renamed (`get_thing` → `get_thing_2`);
 *   within: each such page holds all its copies itself, headings suffixed so the anchors stay
 *           unique (`## 取东西` → `## 取东西 2`).
 *
 * A support matrix grows with the actions: every row `| [get_thing] |` gets a row `| [get_thing_2] |`
 * and a definition pointing at the copied section (`./bot-2.md#取东西` or `./bot.md#取东西-2`).
 * Pages without actions (events, segments, prose) stay as they are. factor 1 returns the docs.
 */
import path from 'node:path';
import type { DocFile } from '../generator/parse/read-docs.js';

export type ScaleMode = 'across' | 'within';

/** Copies of the docs' actions; `actionsByFile` names the actions each page declares. */
export function syntheticDocs(
  docs: readonly DocFile[],
  actionsByFile: ReadonlyMap<string, readonly string[]>,
  factor: number,
  mode: ScaleMode,
): DocFile[] {
  if (factor <= 1) return [...docs];
  const copies = Array.from({ length: factor - 1 }, (_, i) => i + 2);
  const out: DocFile[] = [];
  for (const doc of docs) {
    const names = actionsByFile.get(doc.file) ?? [];
    if (isMatrixPage(doc.text)) out.push({ file: doc.file, text: growMatrix(doc.text, copies, mode) });
    else if (names.length === 0) out.push(doc);
    else if (mode === 'within') out.push({ file: doc.file, text: growPage(doc.text, names, copies) });
    else {
      out.push(doc);
      for (const k of copies) out.push({ file: copyPath(doc.file, k), text: renameActions(doc.text, names, `_${k}`) });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** `api/bot.md`, 3 → `api/bot-3.md` */
function copyPath(file: string, k: number): string {
  const ext = path.posix.extname(file);
  return `${file.slice(0, -ext.length)}-${k}${ext}`;
}

/** `` `get_thing` `` → `` `get_thing_2` `` for the page's own action names only. */
function renameActions(text: string, names: readonly string[], suffix: string): string {
  const own = new Set(names);
  return text.replace(/`([^`\n]+)`/g, (whole, name: string) => (own.has(name) ? `\`${name}${suffix}\`` : whole));
}

/** The page, then for each copy its `##` sections again, renamed and with suffixed headings. */
function growPage(text: string, names: readonly string[], copies: readonly number[]): string {
  const first = text.search(/^## /m);
  if (first === -1) return text;
  const body = text.slice(first);
  const parts = [text.trimEnd()];
  for (const k of copies)
    parts.push(
      renameActions(body, names, `_${k}`)
        .replace(/^## (.+)$/gm, `## $1 ${k}`)
        .trimEnd(),
    );
  return `${parts.join('\n\n')}\n`;
}

const ROW = /^\|\s*\[([^\]]+)\]/;
const DEFINITION = /^\[([^\]]+)\]:\s*(\S+)\s*$/;

function isMatrixPage(text: string): boolean {
  return text.split('\n').some((line) => ROW.test(line)) && text.split('\n').some((line) => DEFINITION.test(line));
}

/** Each matrix row and each reference definition followed by its copies. */
function growMatrix(text: string, copies: readonly number[], mode: ScaleMode): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    out.push(line);
    const row = ROW.exec(line);
    const definition = DEFINITION.exec(line);
    if (row) for (const k of copies) out.push(line.replace(`[${row[1]}]`, `[${row[1]}_${k}]`));
    else if (definition)
      for (const k of copies) out.push(`[${definition[1]}_${k}]: ${copyLink(definition[2]!, k, mode)}`);
  }
  return out.join('\n');
}

/** `./bot.md#取东西` → `./bot-2.md#取东西` (across) or `./bot.md#取东西-2` (within). */
function copyLink(href: string, k: number, mode: ScaleMode): string {
  const [page = '', anchor] = href.split('#');
  if (/^[a-z][a-z\d+.-]*:/i.test(href) || !page.endsWith('.md')) return href;
  if (mode === 'within') return anchor === undefined ? href : `${page}#${anchor}-${k}`;
  return `${copyPath(page, k)}${anchor === undefined ? '' : `#${anchor}`}`;
}
