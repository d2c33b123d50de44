/** What one implementation sees of an action: its variant where it has one, the base otherwise. */
import type { Action, Body, Field, ImplId, Model, Note, Segment } from './types.js';

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

/** Whether a segment type is in the received / sent unions (see `Segment.receive` / `send`). */
export const isReceived = (s: Segment): boolean => s.receive;
export const isSent = (s: Segment): boolean => s.send;

/**
 * The `data` fields of one form of a segment: those ticked for the direction, each `required` as
 * that direction says (`requiredOnReceive` / `requiredOnSend`), so `share.content` (发送时可选) is
 * required in `ShareSegment` and optional in `SentShareSegment`.
 */
export function segmentData(segment: Segment, direction: 'receive' | 'send'): Field[] {
  return segment.fields
    .filter((f) => f[direction])
    .map(({ receive, send, requiredOnReceive, requiredOnSend, ...field }) => ({
      ...field,
      required: direction === 'receive' ? requiredOnReceive : requiredOnSend,
    }));
}
