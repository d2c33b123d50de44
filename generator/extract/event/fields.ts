/**
 * Field work for event sections: the key, the quick-operation table, nested tables and the
 * paragraphs that name a field.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import type { Field, TypeRef } from '../../model/types.js';
import { fieldsFromTable } from '../mdast/fields.js';
import type { BuildState } from '../state.js';
import type { ReadTable } from '../mdast/table.js';
import { textOf } from '../mdast/text.js';

/**
 * A paragraph that opens with a field in inline code and then speaks of that 字段:
 *
 *     其中 `sender` 字段的内容如下：            → { path: ['sender'], opensBlock: true }
 *     `status` 字段的内容和 … 相同。            → { path: ['status'], opensBlock: false }
 *     其中 `post_type` 不同字段值……如下：       → { path: ['post_type'], opensBlock: true }
 */
export function fieldParagraph(node: Paragraph): { path: string[]; opensBlock: boolean } | undefined {
  const children = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  const [first] = children;
  const lead = first?.type === 'text' && textOf(first) === '其中' ? 1 : 0;
  const code = children[lead];
  const after = children[lead + 1];
  if (code?.type !== 'inlineCode' || after?.type !== 'text' || !/^\s*(不同)?字段/.test(after.value)) return undefined;
  return { path: code.value.trim().split('.'), opensBlock: /如下[:：]?\s*$/.test(textOf(node)) };
}

/** The field at a dotted path, through nested objects. */
export function findField(fields: readonly Field[], path: readonly string[]): Field | undefined {
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (!field || rest.length === 0) return field;
  const inner = objectOf(field.type);
  return inner ? findField(inner.fields, rest) : undefined;
}

/** Replace the field at a dotted path; false when there is none. */
export function updateField(fields: Field[], path: readonly string[], update: (f: Field) => Field): boolean {
  const [head, ...rest] = path;
  const index = fields.findIndex((f) => f.name === head);
  if (index < 0) return false;
  const field = fields[index]!;
  if (rest.length === 0) {
    fields[index] = update(field);
    return true;
  }
  const inner = objectOf(field.type);
  if (!inner) return false;
  const children = [...inner.fields];
  if (!updateField(children, rest, update)) return false;
  fields[index] = { ...field, type: withObject(field.type, { ...inner, fields: children })! };
  return true;
}

type ObjectType = Extract<TypeRef, { kind: 'object' }>;

function objectOf(type: TypeRef): ObjectType | undefined {
  if (type.kind === 'object') return type;
  if (type.kind === 'array') return objectOf(type.element);
  if (type.kind === 'union') return type.members.map(objectOf).find(Boolean);
  return undefined;
}

/**
 * A field's type with its object part replaced: `object` → the table's object, `array` of
 * objects (or of nothing stated) → array of it, `object | null` → the object or null. Undefined when
 * the type has no object part (a nested table under a `string` field).
 */
export function withObject(type: TypeRef, object: ObjectType): TypeRef | undefined {
  switch (type.kind) {
    case 'object':
      return object;
    case 'array': {
      const element = type.element.kind === 'unknown' ? object : withObject(type.element, object);
      return element && { ...type, element };
    }
    case 'union': {
      const members = type.members.map((m) => withObject(m, object) ?? m);
      return members.some((m, i) => m !== type.members[i]) ? { ...type, members } : undefined;
    }
    default:
      return undefined;
  }
}

/** `如果不是匿名消息则为 null` in a description: the field may be null. Nested objects too. */
export function nullableFromProse(fields: readonly Field[]): Field[] {
  return fields.map((f) => {
    const type = f.type.kind === 'object' ? { ...f.type, fields: nullableFromProse(f.type.fields) } : f.type;
    const saysNull = /为\s*null/i.test(f.description) && !hasNull(type);
    return { ...f, type: saysNull ? { kind: 'union', members: [type, { kind: 'null' }] } : type };
  });
}

const hasNull = (t: TypeRef): boolean => t.kind === 'null' || (t.kind === 'union' && t.members.some(hasNull));

/**
 * The 快速操作 table: every field is optional, and the 默认情况 column (what happens when the field
 * is left out) is its default.
 *
 *     | `reply` | message | 回复内容 | 不回复 |   →   { name: 'reply', required: false, default: '不回复' }
 */
export function quickOperationFields(state: BuildState, table: ReadTable): Field[] {
  const fallback = new Map<string, string>();
  for (const row of table.rows) {
    const name = rowName(row.cells.name ?? []);
    const text = textOf(row.cells.fallback as PhrasingContent[] | undefined);
    if (name && text && text !== '-') fallback.set(name, text);
  }
  return fieldsFromTable(state, table, 'params').fields.map((f) => {
    const stated = fallback.get(f.name) ?? f.default;
    return { ...f, required: false, ...(stated !== undefined ? { default: stated } : {}) };
  });
}

function rowName(cell: readonly PhrasingContent[]): string {
  const code = cell.find((n) => n.type === 'inlineCode');
  return code?.type === 'inlineCode' ? code.value.trim() : textOf(cell as PhrasingContent[]);
}

/** The value of a field typed as one string literal (`post_type` → `message`). */
export function singleLiteral(field: Field | undefined): string | undefined {
  return field?.type.kind === 'literal' && typeof field.type.value === 'string' ? field.type.value : undefined;
}
