/**
 * Table rows → fields of an object type.
 *
 *     | `group`            | object | …      { name: 'group', type: { kind: 'object', fields: [
 *     | `group.group_id`   | number | …  →       { name: 'group_id', … } ] } }
 *     | ……                 | -      | …      (object is `open`: implementations add more)
 */
import type { PhrasingContent } from 'mdast';
import { parseTypeCell } from './type-cell.js';
import type { Field, TypeRef } from '../../model/types.js';
import { type BuildState, warn } from '../state.js';
import type { ReadTable, TableRow } from './table.js';
import { proseOf, textOf } from './text.js';

export type FieldMode = 'params' | 'response';

export interface ObjectShape {
  readonly fields: readonly Field[];
  readonly open: boolean;
}

/** Defaults that mean "there is none": the parameter must be given. */
const NO_DEFAULT = new Set(['', '-', '—', '无']);
/** Descriptions that make a parameter optional whatever its default says. */
const OPTIONAL_WORDS = /可选|二选一|选填|optional/i;
/** A name cell of `……` or `...`: the object has more fields than listed. */
const ELLIPSIS = /^(…+|\.{3,})$/;

export function fieldsFromTable(state: BuildState, table: ReadTable, mode: FieldMode): ObjectShape {
  const fields: Field[] = [];
  let open = false;
  for (const row of table.rows) {
    const name = fieldName(row.cells.name ?? []);
    if (ELLIPSIS.test(name)) {
      open = true;
      continue;
    }
    if (!name) {
      warn(state, 'table-cells', row.source, 'row has no field name; it is skipped');
      continue;
    }
    const alternatives = alternativeNames(row.cells.name ?? []);
    for (const alt of alternatives ?? [name]) {
      const field = rowField(state, row, alt, mode);
      insertField(state, fields, alt.split('.'), alternatives ? alternativeField(field, alternatives, mode) : field);
    }
  }
  return { fields, open };
}

/** Words between two names of one field: `` `a` 或 `b` ``, `` `a` / `b` ``, `` `a` or `b` ``. */
const ALTERNATIVE = /^\s*(或者?|or|\/|\|)\s*$/i;

/**
 * A name cell giving two or more names for one field, each in inline code, with 或 between them:
 *
 *     | `note_flag` 或 `flag` | string | … |   →   ['note_flag', 'flag']
 */
function alternativeNames(cell: readonly PhrasingContent[]): string[] | undefined {
  const parts = cell.filter((n) => n.type !== 'text' || n.value.trim() !== '');
  const codes = parts.filter((n, i) => i % 2 === 0 && n.type === 'inlineCode');
  const joins = parts.filter((n, i) => i % 2 === 1 && n.type === 'text' && ALTERNATIVE.test(n.value));
  if (codes.length < 2 || codes.length + joins.length !== parts.length) return undefined;
  return codes.map((c) => (c.type === 'inlineCode' ? c.value.trim() : ''));
}

/** One of several names: optional on its own, and its description says at least one must be there. */
function alternativeField(field: Field, names: readonly string[], mode: FieldMode): Field {
  const others = names.filter((n) => n !== field.name).map((n) => `\`${n}\``);
  const rule = mode === 'params' ? 'give at least one of them' : 'at least one of them is present';
  const note = `Alternative name${others.length > 1 ? 's' : ''}: ${others.join(', ')}; ${rule}.`;
  return { ...field, required: false, description: [field.description, note].filter(Boolean).join('\n') };
}

function fieldName(cell: readonly PhrasingContent[]): string {
  const code = cell.find((n) => n.type === 'inlineCode');
  return code && code.type === 'inlineCode' ? code.value.trim() : textOf(cell as PhrasingContent[]);
}

function rowField(state: BuildState, row: TableRow, name: string, mode: FieldMode): Field {
  const stated = parseTypeCell(row.cells.type ?? []);
  const { problems } = stated;
  const type = narrowToValues(stated.type, row.cells.values);
  for (const p of problems)
    warn(state, 'unknown-type', row.source, `field \`${name}\`: ${p.message}; typed as unknown`);
  const description = proseOf(row.cells.description as PhrasingContent[] | undefined);
  const rawDefault = textOf(row.cells.default as PhrasingContent[] | undefined);
  const hasDefault = row.cells.default !== undefined && !NO_DEFAULT.has(rawDefault);
  const required = mode === 'response' ? true : !hasDefault && !OPTIONAL_WORDS.test(description);
  return {
    name: name.split('.').at(-1)!,
    type,
    required,
    ...(hasDefault ? { default: rawDefault } : {}),
    description,
    rawType: textOf(row.cells.type as PhrasingContent[] | undefined),
    source: row.source,
  };
}

/** Insert at a dotted path, creating or extending the parent object fields it passes through. */
function insertField(state: BuildState, fields: Field[], path: readonly string[], field: Field): void {
  const [head, ...rest] = path;
  const index = fields.findIndex((f) => f.name === head);
  if (rest.length === 0) {
    if (index < 0) return void fields.push(field);
    warn(state, 'duplicate-field', field.source, `field \`${field.name}\` is listed twice; the later row wins`, [
      fields[index]!.source,
    ]);
    fields[index] = field;
    return;
  }
  const parent = fields[index];
  const children = parent && parent.type.kind === 'object' ? [...parent.type.fields] : [];
  insertField(state, children, rest, field);
  const type: TypeRef = { kind: 'object', fields: children };
  if (parent) fields[index] = { ...parent, type };
  else fields.push({ name: head!, type, required: true, description: '', rawType: 'object', source: field.source });
}

/**
 * The 可能的值 column narrows a type to literals when it lists only inline code:
 *
 *     | `sub_type` | string | `friend`、`group`、`other` |   →   'friend' | 'group' | 'other'
 *     | `magic`    | number | `0` `1`                    |   →   0 | 1
 */
export function narrowToValues(type: TypeRef, cell: readonly PhrasingContent[] | undefined): TypeRef {
  const codes = (cell ?? []).filter((n) => n.type === 'inlineCode');
  const rest = (cell ?? []).filter((n) => n.type !== 'inlineCode');
  if (codes.length === 0 || !rest.every((n) => n.type === 'text' && /^[\s、,，/|或]*$/.test(n.value))) return type;
  const numeric = type.kind === 'number';
  const members: TypeRef[] = codes.map((c) => {
    const v = (c as { value: string }).value;
    return { kind: 'literal', value: numeric && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v };
  });
  return members.length === 1 ? members[0]! : { kind: 'union', members };
}
