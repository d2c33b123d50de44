/**
 * TypeRef → JSON Schema 2020-12, the one converter every export uses (JSON Schema bundle, OpenAPI
 * 3.1, AsyncAPI 3.0). Named sub-types, segments and events are `$ref`s to their def; `ref` builds
 * the reference, so the same schemas sit under `#/$defs/` or `#/components/schemas/`.
 *
 *     { kind: 'number', format: 'int64' }            →  { type: 'integer', format: 'int64' }
 *     { kind: 'union', members: [lit 'a', lit 'b'] }  →  { enum: ['a', 'b'] }
 *     { kind: 'ref', target: 'Device' }              →  { $ref: '#/$defs/Device' }
 *     { kind: 'message' } (params)                   →  { $ref: '#/$defs/Message' }
 *     field `no_cache` boolean, default `false`      →  { type: 'boolean', description: '…', default: false }
 */
import type { Field, NumberFormat, TypeRef } from '../../model/types.js';
import { FIXED_DEFS, type SchemaNames } from './names.js';

/** A JSON Schema (2020-12) object. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface SchemaContext {
  readonly names: SchemaNames;
  /** `Device` → `#/$defs/Device` (or `#/components/schemas/Device`). */
  readonly ref: (defName: string) => string;
  /** `message` is what a sender may pass (`Message`) or what a receiver gets (`ReceivedMessage`). */
  readonly direction: 'send' | 'receive';
}

/** `$defs` references: the default `ref` of a JSON Schema document. */
export const defsRef = (name: string): string => `#/$defs/${name}`;

const NUMBER: Readonly<Record<NumberFormat, JsonSchema>> = {
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
};

export function typeSchema(type: TypeRef, ctx: SchemaContext): JsonSchema {
  switch (type.kind) {
    case 'string':
    case 'boolean':
    case 'null':
      return { type: type.kind };
    case 'number':
      return type.format ? NUMBER[type.format] : { type: 'number' };
    case 'literal':
      return { const: type.value };
    case 'unknown':
      return { $comment: `not typed by the docs: ${type.reason}` };
    case 'link':
      return { $comment: `unresolved link [${type.text}](${type.href})` };
    case 'message':
      return { $ref: ctx.ref(ctx.direction === 'send' ? FIXED_DEFS.message : FIXED_DEFS.receivedMessage) };
    case 'ref':
      return { $ref: ctx.ref(ctx.names.type(type.target)) };
    case 'events':
      return { $ref: ctx.ref(ctx.names.postType(type.postType)) };
    case 'array':
      return { type: 'array', items: typeSchema(type.element, ctx) };
    case 'union':
      return unionSchema(type.members, ctx);
    case 'object':
      return objectSchema(type.fields, type.open ?? false, ctx);
  }
}

/** Literals alone → `enum`; anything else → `anyOf` (members may overlap, so not `oneOf`). */
function unionSchema(members: readonly TypeRef[], ctx: SchemaContext): JsonSchema {
  if (members.every((m) => m.kind === 'literal')) {
    return { enum: [...new Set(members.map((m) => (m as Extract<TypeRef, { kind: 'literal' }>).value))] };
  }
  const schemas = members.map((m) => typeSchema(m, ctx));
  const unique = [...new Map(schemas.map((s) => [JSON.stringify(s), s])).values()];
  return unique.length === 1 ? unique[0]! : { anyOf: unique };
}

/**
 * Fields in docs order; `required` as the docs say. An object the docs leave open (examples with
 * keys beyond the table) allows more properties; a closed one is still not `additionalProperties:
 * false`, as implementations add fields the docs do not list.
 */
export function objectSchema(fields: readonly Field[], open: boolean, ctx: SchemaContext): JsonSchema {
  const properties = Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, ctx)]));
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(open ? { additionalProperties: true } : {}),
  };
}

/** A property: its type, the doc text as `description`, and the default when it fits the type. */
export function fieldSchema(field: Field, ctx: SchemaContext): JsonSchema {
  const schema = typeSchema(field.type, ctx);
  const fallback = field.default === undefined ? undefined : defaultValue(field.default, field.type);
  return {
    ...schema,
    ...(field.description ? { description: field.description } : {}),
    ...(fallback === undefined ? {} : { default: fallback.value }),
  };
}

/**
 * The docs' default column → a JSON value of the field's type, or undefined when it is not one
 * (`/`, `空`, prose). `` `48` `` → 48 for a number, `false` → false, `"1"` or `mp3` → a string.
 */
export function defaultValue(raw: string, type: TypeRef): { value: unknown } | undefined {
  const text = raw.trim().replace(/^`(.*)`$/, '$1');
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = /^[A-Za-z0-9_.-]+$/.test(text) ? text : undefined;
  }
  return parsed !== undefined && fits(parsed, type) ? { value: parsed } : undefined;
}

function fits(value: unknown, type: TypeRef): boolean {
  switch (type.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && (!type.format?.startsWith('int') || Number.isInteger(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'literal':
      return value === type.value;
    case 'union':
      return type.members.some((m) => fits(value, m));
    default:
      return false;
  }
}
