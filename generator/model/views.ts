/**
 * What one implementation sees of an action: its variant where it has one, the base otherwise; and
 * the support level it has. The exports write these views out (`model.json` `views`), so readers in
 * other languages never re-implement the fallback. Also what the events of one key or post_type share.
 */
import type {
  Action,
  ActionTag,
  Body,
  EventType,
  Example,
  Field,
  ImplId,
  Model,
  Note,
  Segment,
  SupportLevel,
} from './types.js';

export function bodyFor(action: Action, impl: ImplId, part: 'params' | 'response'): Body {
  if (impl === 'onebot11') return action[part];
  return action.variants[impl]?.[part] ?? action[part];
}

/**
 * The examples of one role that show what `impl` sends or answers: those the docs mark as its own
 * (a `// lagrange` comment, `NapCat 响应示例`), or, when it has none, those marked for no one.
 */
export function examplesFor(action: Action, impl: ImplId, role: Example['role']): Example[] {
  const ofRole = action.examples.filter((e) => e.role === role);
  const own = ofRole.filter((e) => e.impl === impl);
  return own.length > 0 ? own : ofRole.filter((e) => e.impl === undefined);
}

export function notesFor(action: Action, impl: ImplId): readonly Note[] {
  return impl === 'onebot11' ? [] : (action.variants[impl]?.notes ?? []);
}

/**
 * Where a tag makes an action an extension: ✨ there when the level comes from the tag. As in the
 * matrix, go-cqhttp's extensions count as standard in go-cqhttp itself.
 */
const OWN_EXTENSION: Readonly<Record<ActionTag, readonly ImplId[]>> = {
  none: [],
  gocq: [],
  napcat: ['napcat'],
  lagrange: ['lagrange'],
  community: ['napcat', 'lagrange'],
};

/** The level an action's tag gives: - where it is not available, ✨ where it is the own extension, else ✅. */
export function tagLevel(action: Action, impl: ImplId): SupportLevel {
  if (!action.availability.includes(impl)) return 'not-applicable';
  return OWN_EXTENSION[action.tag].includes(impl) ? 'extension' : 'standard';
}

/**
 * The support level of an action in one implementation: the support matrix row's where it states
 * one (never for the standard itself), the tag's otherwise.
 */
export function supportFor(action: Action, impl: ImplId): SupportLevel {
  return (impl === 'onebot11' ? undefined : action.support?.[impl]) ?? tagLevel(action, impl);
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

/**
 * post_type → the field its events take the detail type from (`message_sent` → `message_type`), the
 * first event's where several name one (resolve reports any other): what `eventKey()` reads.
 */
export function detailFields(events: readonly EventType[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of events) {
    const postType = e.key.split('.')[0]!;
    if (e.detailField && !Object.hasOwn(out, postType)) out[postType] = e.detailField;
  }
  return out;
}

/** Keys in first-appearance order, each with its events: several when sections give shapes of one event. */
export function eventsByKey(events: readonly EventType[]): [string, EventType[]][] {
  const out = new Map<string, EventType[]>();
  for (const e of events) out.set(e.key, [...(out.get(e.key) ?? []), e]);
  return [...out];
}
