/**
 * Nested tables: a table introduced by a sentence that names a field (`其中 \`sender\` 字段的内容如下`,
 * `\`students\` 的每个元素如下`) types that field. Shared by every section kind that has them
 * (events, action params and responses, variant tables).
 *
 *     | `sender` | object | … |   + 其中 `sender` 字段的内容如下 + table   →   sender: { …the table… }
 *     | `list`   | array  | … |   + `list` 的每个元素如下 + table          →   list: Array<{ …the table… }>
 */
import type { Field, TypeRef } from '../../model/types.js';

export type ObjectType = Extract<TypeRef, { kind: 'object' }>;

/** The field at a dotted path, through nested objects (and arrays or unions of them). */
export function findField(fields: readonly Field[], path: readonly string[]): Field | undefined {
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (!field || rest.length === 0) return field;
  const inner = objectOf(field.type);
  return inner ? findField(inner.fields, rest) : undefined;
}

/** Replace the field at a dotted path, in place; false when there is none. */
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

function objectOf(type: TypeRef): ObjectType | undefined {
  if (type.kind === 'object') return type;
  if (type.kind === 'array') return objectOf(type.element);
  if (type.kind === 'union') return type.members.map(objectOf).find(Boolean);
  return undefined;
}

/**
 * A field's type with its object part replaced: `object` → the table's object, `array` of
 * objects (or of nothing stated) → array of it, `object | null` → the object or null. With `each`
 * (the sentence spoke of every element), a vague `object` or an unstated type becomes an array of
 * it. Undefined when the type has no object part (a nested table under a `string` field).
 */
export function withObject(type: TypeRef, object: ObjectType, each = false): TypeRef | undefined {
  switch (type.kind) {
    case 'object':
      return each && type.fields.length === 0 ? { kind: 'array', element: object } : object;
    case 'unknown':
      return each ? { kind: 'array', element: object } : object;
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
