/** TypeScript spellings for names that come from the docs. */
import { pascalCase } from '../model/names.js';
import type { Action } from '../model/types.js';

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean constructor declare get module require number set string symbol type from of unknown never object bigint undefined await async'.split(
    ' ',
  ),
);

/** Base of an action's type names: `.join_group_emoji_chain` → `HiddenJoinGroupEmojiChain`. */
export function actionTypeBase(name: string): string {
  return (name.startsWith('.') ? 'Hidden' : '') + pascalCase(name);
}

export const paramsTypeName = (a: Action) => `${actionTypeBase(a.name)}Params`;
export const responseTypeName = (a: Action) => `${actionTypeBase(a.name)}Response`;

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A declaration name: reserved words get a trailing underscore (`default` → `default_`). */
export function safeIdentifier(name: string): string {
  const id = /^[A-Za-z_$][\w$]*$/.test(name) ? name : pascalCase(name);
  return RESERVED.has(id) ? `${id}_` : id;
}
