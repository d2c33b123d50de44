/**
 * Types from example values, and checks of stated (table) types against examples.
 *
 *     inferType({ "user_id": 1, "tags": [] })  →  { user_id: number; tags: unknown[] }
 *     mergeTypes([{ a: number }, { a: string }, null])  →  { a: number | string } | null
 */
import type { Field, SourceRef, TypeRef } from '../../model/types.js';

const EMPTY_ARRAY = 'empty array in example';

/** Infer a TypeRef from a JSON value. Object fields are required, rawType 'example', description '' and source = the given source. */
export function inferType(value: unknown, source: SourceRef): TypeRef {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'array', element: { kind: 'unknown', reason: EMPTY_ARRAY } };
    return { kind: 'array', element: mergeTypes(value.map((v) => inferType(v, source))) };
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value).map(([name, v]): Field => ({
      name,
      type: inferType(v, source),
      required: true,
      description: '',
      rawType: 'example',
      source,
    }));
    return { kind: 'object', fields };
  }
  return { kind: 'unknown', reason: `${typeof value} is not JSON` };
}

/**
 * Merge several inferred types of the same slot (array elements, or the same action's examples):
 * identical shapes collapse; objects with the same key set merge field by field; objects with
 * different key sets stay as a union of distinct shapes; all arrays merge into one array; `null`
 * merges with anything as a union member (placed last); the empty-array `unknown` element merges
 * away when anything else is known. Other members keep first-occurrence order.
 */
export function mergeTypes(types: readonly TypeRef[]): TypeRef {
  const flat = types.flatMap((t) => (t.kind === 'union' ? t.members : [t]));
  const known = flat.filter((t) => !(t.kind === 'unknown' && t.reason === EMPTY_ARRAY));
  const groups = new Map<string, TypeRef[]>();
  for (const t of known.length > 0 ? known : flat) {
    const key = groupKey(t);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const merged = [...groups.values()].map(mergeGroup);
  const members = [...merged.filter((t) => t.kind !== 'null'), ...merged.filter((t) => t.kind === 'null')];
  if (members.length === 0) return { kind: 'unknown', reason: 'no example' };
  return members.length === 1 && members[0] ? members[0] : { kind: 'union', members };
}

/** Members with the same key merge into one: arrays all together, objects by key set. */
function groupKey(t: TypeRef): string {
  switch (t.kind) {
    case 'array':
      return 'array';
    case 'object':
      return `object:${JSON.stringify(t.fields.map((f) => f.name).sort())}`;
    case 'number':
      return `number:${t.format ?? ''}`;
    case 'literal':
      return `literal:${JSON.stringify(t.value)}`;
    case 'unknown':
      return `unknown:${t.reason}`;
    case 'ref':
      return `ref:${t.target}`;
    case 'link':
      return `link:${t.href}`;
    default:
      return t.kind;
  }
}

/** Merge members that share a group key (see `groupKey`). */
function mergeGroup(members: readonly TypeRef[]): TypeRef {
  const first = members[0];
  if (!first) return { kind: 'unknown', reason: 'no example' };
  if (first.kind === 'array') {
    const elements = members.flatMap((m) => (m.kind === 'array' ? [m.element] : []));
    return { kind: 'array', element: mergeTypes(elements) };
  }
  if (first.kind === 'object') {
    const objects = members.flatMap((m) => (m.kind === 'object' ? [m] : []));
    return { ...first, fields: mergeFields(objects.map((o) => o.fields)) };
  }
  return first;
}

/** Fields of objects with the same key set, in first-occurrence order, types merged. */
function mergeFields(fieldLists: readonly (readonly Field[])[]): Field[] {
  const byName = new Map<string, Field[]>();
  for (const field of fieldLists.flat()) byName.set(field.name, [...(byName.get(field.name) ?? []), field]);
  return [...byName.values()].flatMap((same) => {
    const first = same[0];
    if (!first) return [];
    const description = same.find((f) => f.description !== '')?.description ?? first.description;
    return [{ ...first, description, type: mergeTypes(same.map((f) => f.type)) }];
  });
}

export interface ExampleMismatch {
  path: string;
  stated: string;
  seen: string;
}

/**
 * Compare a stated (table) type with an example value; report only real contradictions: a number
 * where the table says string, a string where it says number/boolean, an object where it says a
 * primitive, etc. `number/string` unions accept both; `unknown`, `message`, `ref` and `link`
 * accept anything; fields the table does not list are ignored; fields missing from the example are
 * ignored. Recurse into objects and arrays. A literal only checks the JSON type (`"string"` is a
 * common placeholder for an enum value).
 */
export function compareWithExample(stated: TypeRef, value: unknown, path = ''): ExampleMismatch[] {
  if (stated.kind === 'union') return compareUnion(stated.members, value, path);
  if (!shapeAccepts(stated, value)) return [{ path, stated: describeType(stated), seen: describeValue(value) }];
  if (stated.kind === 'array' && Array.isArray(value)) {
    return value.flatMap((v, i) => compareWithExample(stated.element, v, join(path, i)));
  }
  if (stated.kind === 'object' && isRecord(value)) {
    return stated.fields
      .filter((f) => Object.hasOwn(value, f.name))
      .flatMap((f) => compareWithExample(f.type, value[f.name], join(path, f.name)));
  }
  return [];
}

/** A union holds when some member holds; else report the closest member whose top level fits. */
function compareUnion(members: readonly TypeRef[], value: unknown, path: string): ExampleMismatch[] {
  const fitting = members.filter((m) => shapeAccepts(m, value));
  const results = fitting.map((m) => compareWithExample(m, value, path));
  const best = results.reduce<ExampleMismatch[] | undefined>((a, r) => (a && a.length <= r.length ? a : r), undefined);
  if (best) return best;
  return [{ path, stated: members.map(describeType).join(' | '), seen: describeValue(value) }];
}

/** Whether the top level of `value` fits `stated` (children are checked by the caller). */
function shapeAccepts(stated: TypeRef, value: unknown): boolean {
  switch (stated.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === stated.kind;
    case 'literal':
      return typeof value === typeof stated.value;
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'union':
      return stated.members.some((m) => shapeAccepts(m, value));
    case 'ref':
      // A sub-type is one table, an object: `[buddyList](#buddyList)` against a JSON array disagrees.
      return !Array.isArray(value);
    default:
      return true; // unknown, message, link
  }
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/** A short TypeScript-like rendering for messages: `number`, `string[]`, `'a'`, `object`. */
function describeType(t: TypeRef): string {
  switch (t.kind) {
    case 'literal':
      return JSON.stringify(t.value);
    case 'array':
      return t.element.kind === 'union' ? `(${describeType(t.element)})[]` : `${describeType(t.element)}[]`;
    case 'union':
      return t.members.map(describeType).join(' | ');
    case 'ref':
      return t.target;
    case 'link':
      return t.text;
    default:
      return t.kind;
  }
}

/** `string`, `number`, `boolean`, `null`, `array` or `object`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
