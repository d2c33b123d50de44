/**
 * TypeRef → TypeScript type text.
 *
 *     { kind: 'array', element: { kind: 'union', … } }    →  (string | number)[]
 *     { kind: 'object', fields: […], open: true }          →  { /** … *\/ a: string; [key: string]: unknown }
 */
import type { Field, TypeRef } from '../../model/types.js';
import { fieldDoc } from './jsdoc.js';
import { propertyKey, type TsNames } from './names.js';

export interface TypeTextContext {
  /** Spelling of the OneBot `message` type in the file being emitted. */
  readonly message: string;
  /** The TypeScript names of the model's ids. */
  readonly names: TsNames;
}

export function typeText(type: TypeRef, ctx: TypeTextContext): string {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return type.kind;
    case 'literal':
      return JSON.stringify(type.value);
    case 'unknown':
      return 'unknown';
    case 'message':
      return ctx.message;
    case 'ref':
      return ctx.names.type(type.target);
    case 'events':
      return ctx.names.postType(type.postType);
    case 'link':
      return 'unknown';
    case 'array': {
      const inner = typeText(type.element, ctx);
      return type.element.kind === 'union' ? `(${inner})[]` : `${inner}[]`;
    }
    case 'union':
      return [...new Set(type.members.map((m) => typeText(m, ctx)))].join(' | ');
    case 'object':
      return objectText(type.fields, type.open ?? false, ctx);
  }
}

function objectText(fields: readonly Field[], open: boolean, ctx: TypeTextContext): string {
  if (fields.length === 0) return open ? 'Record<string, unknown>' : 'Record<string, never>';
  const members = fields.map(
    (f) => `${jsDocBlock(fieldDoc(f))}\n${propertyKey(f.name)}${f.required ? '' : '?'}: ${typeText(f.type, ctx)};`,
  );
  if (open) members.push('[key: string]: unknown;');
  return `{\n${members.join('\n')}\n}`;
}

/** `/** one line *\/`, or a block with one ` * ` line per doc line, as ts-morph prints JSDoc. */
function jsDocBlock(doc: string): string {
  const lines = doc.split('\n');
  return lines.length === 1 ? `/** ${lines[0]} */` : `/**\n${lines.map((l) => ` * ${l}`).join('\n')}\n */`;
}

/** Named sub-types a type refers to (by id). */
export function refsOf(type: TypeRef, out = new Set<string>()): Set<string> {
  if (type.kind === 'ref') out.add(type.target);
  else if (type.kind === 'array') refsOf(type.element, out);
  else if (type.kind === 'union') type.members.forEach((m) => refsOf(m, out));
  else if (type.kind === 'object') type.fields.forEach((f) => refsOf(f.type, out));
  return out;
}
