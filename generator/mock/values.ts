/**
 * A JSON value of a model type, for actions whose docs give no example: the smallest value that has
 * the documented shape (every field present, arrays empty, the first member of a union).
 *
 *     { user_id: number; nickname: string; tags: string[] }   →   { user_id: 0, nickname: '', tags: [] }
 */
import type { Model, NamedType, TypeRef } from '../model/types.js';

/** Named types of the model by id (action sub-types and shared type sections). */
export function namedTypes(model: Model): ReadonlyMap<string, NamedType> {
  const byId = new Map<string, NamedType>();
  for (const action of model.actions) for (const t of action.types) byId.set(t.id, t);
  for (const page of model.pages)
    for (const section of page.typeSections) for (const t of section.types) byId.set(t.id, t);
  return byId;
}

/** A value of `type`; refs are followed through `named`, a ref cycle ends in `null`. */
export function valueOf(
  type: TypeRef,
  named: ReadonlyMap<string, NamedType>,
  seen: ReadonlySet<string> = new Set(),
): unknown {
  switch (type.kind) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'literal':
      return type.value;
    case 'null':
    case 'unknown':
    case 'link':
      return null;
    case 'message':
      return [];
    case 'array':
      return [];
    case 'union':
      return type.members.length > 0 ? valueOf(type.members[0]!, named, seen) : null;
    case 'object':
      return Object.fromEntries(type.fields.map((f) => [f.name, valueOf(f.type, named, seen)]));
    case 'ref': {
      const target = named.get(type.target);
      if (!target || seen.has(type.target)) return {};
      return valueOf(target.type, named, new Set([...seen, type.target]));
    }
  }
}
