/**
 * Pure builders: model → ts-morph structures. No Project, no I/O.
 *
 *     get_cookies (NapCat)  →  export interface GetCookiesParams { domain?: string }
 *                              export interface GetCookiesResponse { cookies: string; bkn: string }
 */
import type {
  InterfaceDeclarationStructure,
  PropertySignatureStructure,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import { StructureKind } from '../morph.js';
import type { Body, Field, NamedType, SourceRef, TypeRef } from '../../../model/types.js';
import { docText, fieldDoc, sourceLine } from '../jsdoc.js';
import { propertyKey } from '../names.js';
import { type TypeTextContext, typeText } from '../type-text.js';

export type Declaration = InterfaceDeclarationStructure | TypeAliasDeclarationStructure;

export function propertyStructure(field: Field, ctx: TypeTextContext): PropertySignatureStructure {
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(field.name),
    type: typeText(field.type, ctx),
    hasQuestionToken: !field.required,
    docs: [fieldDoc(field)],
  };
}

function interfaceOf(
  name: string,
  doc: string,
  type: Extract<TypeRef, { kind: 'object' }>,
  ctx: TypeTextContext,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: [doc],
    properties: type.fields.map((f) => propertyStructure(f, ctx)),
    ...(type.open ? { indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: 'unknown' }] } : {}),
  };
}

function aliasOf(name: string, doc: string, type: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs: [doc], type };
}

/** A named sub-type: an interface when it is an object, an alias otherwise. */
export function namedTypeStructure(t: NamedType, ctx: TypeTextContext): Declaration {
  const name = ctx.names.type(t.id);
  const doc = docText([t.name !== name ? `\`${t.name}\`` : undefined, t.description, `@see ${sourceLine(t.source)}`]);
  return t.type.kind === 'object' && t.type.fields.length > 0
    ? interfaceOf(name, doc, t.type, ctx)
    : aliasOf(name, doc, typeText(t.type, ctx));
}

/**
 * Params or response body → declarations under `name`.
 *
 *     none (params)      → type XParams = Record<string, never>
 *     none (response)    → type XResponse = null
 *     object             → interface XResponse { … }
 *     array of object    → interface XResponseItem { … }; type XResponse = XResponseItem[]
 */
export function bodyStructures(
  name: string,
  part: 'params' | 'response',
  body: Body,
  doc: string,
  ctx: TypeTextContext,
): Declaration[] {
  const bodyDoc = docText([
    doc,
    body.kind === 'type' && body.origin !== 'table'
      ? `Typed from the ${body.origin === 'example' ? 'example' : 'prose'} (no table).`
      : undefined,
  ]);
  if (body.kind === 'none') return [aliasOf(name, bodyDoc, part === 'params' ? 'Record<string, never>' : 'null')];
  const type = body.type;
  if (type.kind === 'object' && type.fields.length > 0) return [interfaceOf(name, bodyDoc, type, ctx)];
  if (type.kind === 'array') {
    const items = itemStructures(`${name}Item`, name, type.element, body.source, ctx);
    if (items.length > 0) return [...items, aliasOf(name, bodyDoc, `${name}Item[]`)];
  }
  return [aliasOf(name, bodyDoc, typeText(type, ctx))];
}

/**
 * Elements of an array body, named so users can refer to them:
 *
 *     object              → interface XResponseItem { … }
 *     object | object     → interface XResponseItem1 { … }; interface XResponseItem2 { … };
 *                           type XResponseItem = XResponseItem1 | XResponseItem2
 *     anything else       → nothing (the body stays an inline array type)
 */
function itemStructures(
  item: string,
  owner: string,
  element: TypeRef,
  source: SourceRef,
  ctx: TypeTextContext,
): Declaration[] {
  const doc = (n?: number) =>
    docText([`${n ? `Element shape ${n} of` : 'One element of'} {@link ${owner}}.`, `@see ${sourceLine(source)}`]);
  if (element.kind === 'object' && element.fields.length > 0) return [interfaceOf(item, doc(), element, ctx)];
  const members = element.kind === 'union' ? element.members : [];
  if (members.length < 2 || !members.every((m) => m.kind === 'object' && m.fields.length > 0)) return [];
  const shapes = members.map((m, i) =>
    interfaceOf(`${item}${i + 1}`, doc(i + 1), m as Extract<TypeRef, { kind: 'object' }>, ctx),
  );
  return [...shapes, aliasOf(item, doc(), shapes.map((s) => s.name).join(' | '))];
}
