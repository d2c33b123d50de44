/** TypeScript spellings for names that come from the docs. */
import { actionTypeBase } from '../../model/ids.js';
import type { Action } from '../../model/types.js';

export const paramsTypeName = (a: Action) => `${actionTypeBase(a.name)}Params`;
export const responseTypeName = (a: Action) => `${actionTypeBase(a.name)}Response`;

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
