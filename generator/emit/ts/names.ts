/** TypeScript spellings for names that come from the docs. */
import { actionTypeBase } from '../../model/ids.js';
import type { Action } from '../../model/types.js';

export const paramsTypeName = (a: Action) => `${actionTypeBase(a.name)}Params`;
export const responseTypeName = (a: Action) => `${actionTypeBase(a.name)}Response`;

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Members of the client base class, which no action method may shadow. */
const CLIENT_MEMBERS: ReadonlySet<string> = new Set(
  'call callAsync callRateLimited on close transport listenerCount constructor'.split(' '),
);

/**
 * One method name per action, unique within a client, stable across runs (actions in name order):
 *
 *     get_cookies → getCookies      .ocr_image → hiddenOcrImage      _get_model_show → underscoreGetModelShow
 *     close → closeAction (a base-class member)     two actions still spelling one name → name2, name3 …
 */
export function methodNames(actions: readonly Action[]): ReadonlyMap<string, string> {
  const taken = new Set<string>(CLIENT_MEMBERS);
  const out = new Map<string, string>();
  for (const name of actions.map((a) => a.name).sort()) {
    let base = methodBase(name);
    if (CLIENT_MEMBERS.has(base)) base += 'Action';
    let method = base;
    for (let n = 2; taken.has(method); n++) method = `${base}${n}`;
    taken.add(method);
    out.set(name, method);
  }
  return out;
}

function methodBase(action: string): string {
  const prefix = action.startsWith('.') ? 'hidden' : action.startsWith('_') ? 'underscore' : '';
  const words = action.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((w, i) => (i === 0 && !prefix ? w[0]!.toLowerCase() : w[0]!.toUpperCase()) + w.slice(1));
  const joined = prefix + camel.join('');
  return /^[0-9]/.test(joined) || joined === '' ? `action${joined}` : joined;
}
