/**
 * The support matrix: a `##` section whose table has an `api` column and implementation columns.
 *
 *     | api          | 名称     | gocq | NapCat | Lagrange | 备注     |
 *     | ------------ | -------- | ---- | ------ | -------- | -------- |
 *     | [get_thing]  | 取东西   | ✅    | ☑️      | ❌        | gocq拓展 |
 *
 *     [get_thing]: ./things.md#取东西
 *
 * → `{ name: 'get_thing', title: '取东西', support: { gocq: 'standard', napcat: 'minor',
 *      lagrange: 'missing' }, note: 'gocq拓展', link: './things.md#取东西' }`
 *
 * Reference names take their link from the page's definitions, wherever on the page they are.
 */
import type { PhrasingContent, Table, TableRow } from 'mdast';
import { MATRIX_SYMBOLS } from '../../model/implementations.js';
import type { ImplId, MatrixRow, SupportLevel } from '../../model/types.js';
import type { PageBuild, RawSection, SectionKind } from '../types.js';
import { type BuildState, refOf, warn } from '../state.js';
import { textOf } from '../mdast/text.js';

type MatrixColumn = 'name' | 'title' | 'note' | ImplId;

/** Header words, lower-cased; implementation columns are what makes a table a matrix. */
const MATRIX_HEADERS: Readonly<Record<string, MatrixColumn>> = {
  api: 'name',
  名称: 'title',
  备注: 'note',
  gocq: 'gocq',
  'go-cqhttp': 'gocq',
  napcat: 'napcat',
  lagrange: 'lagrange',
};

const SYMBOL_LIST = Object.values(MATRIX_SYMBOLS).join(' ');

const IMPL_COLUMNS: ReadonlySet<MatrixColumn> = new Set(['gocq', 'napcat', 'lagrange']);

/** Symbol (variation selector stripped) → level. */
const LEVEL_BY_SYMBOL: ReadonlyMap<string, SupportLevel> = new Map(
  Object.entries(MATRIX_SYMBOLS).map(([level, symbol]) => [bare(symbol), level as SupportLevel]),
);

export const matrixSection: SectionKind = {
  name: 'matrix',
  matches: (section) => section.nodes.some((n) => n.type === 'table' && matrixColumns(n) !== undefined),
  build(state, section, out) {
    for (const node of section.nodes) if (node.type === 'table') readTable(state, node, section, out);
  },
};

/** Tables give rows; prose, lists and definitions around them are not rows. */
function readTable(state: BuildState, node: Table, section: RawSection, out: PageBuild): void {
  const columns = matrixColumns(node);
  if (!columns) {
    warn(
      state,
      'unexpected-construct',
      node,
      'a table without `api` and implementation columns in a support matrix section; it is ignored',
    );
    return;
  }
  const headers = node.children[0]!.children.map((cell) => textOf(cell));
  columns.forEach((column, i) => {
    if (!column)
      warn(
        state,
        'matrix-column',
        node.children[0]!.children[i],
        `matrix column "${headers[i]}" is not known; it is ignored`,
      );
  });
  for (const row of node.children.slice(1)) {
    const read = readRow(state, columns, headers, row);
    if (!read) continue;
    const link = read.ref === undefined ? read.row.link : section.definitions.get(read.ref);
    out.matrix.push(link === undefined ? read.row : { ...read.row, link });
  }
}

/** Column meanings when the header has an `api` column and at least one implementation column. */
function matrixColumns(table: Table): (MatrixColumn | undefined)[] | undefined {
  const columns = (table.children[0]?.children ?? []).map((cell) => {
    const key = textOf(cell).toLowerCase();
    return Object.hasOwn(MATRIX_HEADERS, key) ? MATRIX_HEADERS[key] : undefined; // own keys only
  });
  return columns.includes('name') && columns.some((c) => c && IMPL_COLUMNS.has(c)) ? columns : undefined;
}

function readRow(
  state: BuildState,
  columns: readonly (MatrixColumn | undefined)[],
  headers: readonly string[],
  row: TableRow,
): { row: MatrixRow; ref?: string } | undefined {
  const cells = (column: MatrixColumn) => row.children[columns.indexOf(column)]?.children ?? [];
  const api = apiCell(cells('name'));
  if (!api.name) {
    warn(state, 'matrix-row-unmatched', row, 'matrix row has an empty api cell; it is ignored');
    return undefined;
  }
  const support: Partial<Record<ImplId, SupportLevel>> = {};
  columns.forEach((column, i) => {
    if (!column || !IMPL_COLUMNS.has(column)) return;
    const text = textOf(row.children[i]);
    const level = LEVEL_BY_SYMBOL.get(bare(text));
    if (level) support[column as ImplId] = level;
    else
      warn(
        state,
        'matrix-symbol',
        row.children[i] ?? row,
        `\`${api.name}\`: ${text ? `"${text}"` : 'an empty cell'} in the ${headers[i]} column is not one of ${SYMBOL_LIST}; for ${headers[i]} the action's availability follows its tag`,
      );
  });
  const built: MatrixRow = {
    name: api.name,
    title: textOf(cells('title')),
    support,
    note: textOf(cells('note')),
    source: refOf(state, row),
    ...(api.link !== undefined ? { link: api.link } : {}),
  };
  return { row: built, ...(api.ref !== undefined ? { ref: api.ref } : {}) };
}

/** `[get_thing]` (reference), `[get_thing](./things.md#取东西)`, `` `get_thing` `` or plain text. */
function apiCell(cell: readonly PhrasingContent[]): { name: string; ref?: string; link?: string } {
  const meaningful = cell.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  const only = meaningful.length === 1 ? meaningful[0]! : undefined;
  if (only?.type === 'linkReference') return { name: textOf(only), ref: only.identifier };
  if (only?.type === 'link') return { name: textOf(only), link: only.url };
  // `[name]` without a definition anywhere on the page stays text, brackets included.
  return { name: textOf(cell as PhrasingContent[]).replace(/^\[(.*)\]$/, '$1') };
}

/** `☑️` and `☑` are the same symbol: the emoji variation selector is not significant. */
function bare(symbol: string): string {
  return symbol.replace(/\uFE0F/g, '').trim();
}
