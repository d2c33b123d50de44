/**
 * GFM tables → rows keyed by what each column means.
 *
 *     | 字段名 | 数据类型 | 默认值 | 说明 |      { name: [`user_id`], type: [number], default: [-],
 *     | `user_id` | number | - | QQ 号 |  →     description: [QQ 号] }
 *
 * Header words are matched loosely (`字段名`/`参数名`, `数据类型`/`类型`, …); columns we do not know
 * are kept as `extra` text so no cell is lost.
 */
import type { PhrasingContent, Table } from 'mdast';
import type { SourceRef } from '../../model/types.js';
import { type BuildState, refOf, warn } from '../state.js';
import { textOf } from './text.js';

export type ColumnRole = 'name' | 'type' | 'default' | 'description' | 'values' | 'receive' | 'send' | 'fallback';

const HEADERS: Readonly<Record<string, ColumnRole>> = {
  字段名: 'name',
  参数名: 'name',
  字段: 'name',
  参数: 'name',
  数据类型: 'type',
  类型: 'type',
  默认值: 'default',
  说明: 'description',
  描述: 'description',
  可能的值: 'values',
  收: 'receive',
  发: 'send',
  默认情况: 'fallback',
};

/** Own keys only: a header cell reading `constructor` is not a column role. */
function headerRole(header: string): ColumnRole | undefined {
  return Object.hasOwn(HEADERS, header) ? HEADERS[header] : undefined;
}

export interface TableRow {
  readonly cells: Readonly<Partial<Record<ColumnRole, readonly PhrasingContent[]>>>;
  /** Cells under headers we do not know, by header text. */
  readonly extra: Readonly<Record<string, string>>;
  readonly source: SourceRef;
}

export interface ReadTable {
  readonly roles: readonly (ColumnRole | undefined)[];
  readonly rows: readonly TableRow[];
  readonly source: SourceRef;
}

/** Column roles of a table's header row (undefined for unknown headers). */
export function tableRoles(table: Table): (ColumnRole | undefined)[] {
  return (table.children[0]?.children ?? []).map((cell) => headerRole(textOf(cell)));
}

/** A field table (one with a name column): rows with cell-count problems reported and repaired. */
export function readTable(state: BuildState, table: Table): ReadTable | undefined {
  const [head, ...body] = table.children;
  if (!head) return undefined;
  const headers = head.children.map((cell) => textOf(cell));
  const roles = headers.map(headerRole);
  if (!roles.includes('name')) return undefined;
  const rows = body.map((row): TableRow => {
    if (row.children.length !== headers.length) {
      const what = row.children.length < headers.length ? 'fewer' : 'more';
      warn(
        state,
        'table-cells',
        row,
        `row has ${row.children.length} cells, ${what} than the ${headers.length} columns of the header; missing cells are empty, extra cells are ignored`,
      );
    }
    const cells: Partial<Record<ColumnRole, readonly PhrasingContent[]>> = {};
    const extra: Record<string, string> = {};
    headers.forEach((header, i) => {
      const cell = row.children[i]?.children ?? [];
      const role = roles[i];
      if (role && !cells[role]) cells[role] = cell;
      else extra[header] = textOf(cell);
    });
    return { cells, extra, source: refOf(state, row) };
  });
  return { roles, rows, source: refOf(state, table) };
}
