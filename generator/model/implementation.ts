/** What one implementation sees of an action: its variant where it has one, the base otherwise. */
import type { Action, Body, ImplId, Model, Note } from './types.js';

export function bodyFor(action: Action, impl: ImplId, part: 'params' | 'response'): Body {
  if (impl === 'onebot11') return action[part];
  return action.variants[impl]?.[part] ?? action[part];
}

export function notesFor(action: Action, impl: ImplId): readonly Note[] {
  return impl === 'onebot11' ? [] : (action.variants[impl]?.notes ?? []);
}

/** The actions an implementation has, in model order (by name). */
export function actionsOf(model: Model, impl: ImplId): Action[] {
  return model.actions.filter((a) => a.availability.includes(impl));
}

export const IMPLEMENTATION_LABELS: Readonly<Record<ImplId, string>> = {
  onebot11: 'OneBot 11 (standard)',
  gocq: 'go-cqhttp',
  napcat: 'NapCat',
  lagrange: 'Lagrange',
};
