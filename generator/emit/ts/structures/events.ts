/**
 * Pure builders for the events module: model events → ts-morph structures.
 *
 *     message.group   →  export interface GroupMessageEvent { post_type: 'message'; message: ReceivedMessage; … }
 *                        export interface GroupMessageEventQuickOperation { reply?: Message; … }
 *                        export type MessageEvent = PrivateMessageEvent | GroupMessageEvent;
 *                        export interface EventMap { 'message.group': GroupMessageEvent; … }
 *
 *     two sections keyed notice.notify.poke  →  'notice.notify.poke': PokeNotifyNoticeEvent | PokeNotifyNoticeEvent2
 */
import type {
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../morph.js';
import { compareStrings } from '../../../model/diagnostics.js';
import { postTypeOf } from '../../../model/ids.js';
import { IMPLEMENTATION_LABELS } from '../../../model/implementations.js';
import type { EventType, Field } from '../../../model/types.js';
import { detailFields, eventsByKey } from '../../../model/views.js';
import { docText, sourceLine } from '../jsdoc.js';
import type { TsNames } from '../names.js';
import type { TypeTextContext } from '../type-text.js';
import { propertyStructure } from './declarations.js';

/** Event data carries messages as received; quick operations take any message form. */
export const RECEIVED = 'ReceivedMessage';
export const SENT = 'Message';

export const quickOperationName = (e: EventType, names: TsNames) => `${names.event(e.id)}QuickOperation`;

function iface(
  name: string,
  docs: string,
  fields: readonly Field[],
  ctx: TypeTextContext,
): InterfaceDeclarationStructure {
  const properties = fields.map((f) => propertyStructure(f, ctx));
  // docText again: docs may hold a title or literal from the page, and `*/` must not end the comment.
  return { kind: StructureKind.Interface, name, isExported: true, docs: [docText([docs])], properties };
}

function alias(name: string, docs: string, type: string, typeParameter?: string): TypeAliasDeclarationStructure {
  const typeParameters = typeParameter ? [{ name: 'K', constraint: typeParameter }] : [];
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs: [docText([docs])], type, typeParameters };
}

export function eventBaseStructure(common: readonly Field[], names: TsNames): InterfaceDeclarationStructure {
  const doc = docText(['Fields every event has.', `@see ${sourceLine(common[0]!.source)}`]);
  return iface('EventBase', doc, common, { message: RECEIVED, names });
}

/** The event interface, and its quick-operation interface when the docs list one. */
export function eventStructures(e: EventType, names: TsNames): InterfaceDeclarationStructure[] {
  const see = `@see ${sourceLine(e.source)}`;
  const extension = e.extensionOf && `An extension of ${IMPLEMENTATION_LABELS[e.extensionOf]}, not sent by the others.`;
  const name = names.event(e.id);
  const doc = docText([`${e.title} (\`${e.key}\`).`, e.description, extension, see]);
  const event = iface(name, doc, e.fields, { message: RECEIVED, names });
  if (!e.quickOperation) return [event];
  const quick = docText([`Quick operation for {@link ${name}}: what a handler may answer, every field optional.`, see]);
  return [event, iface(quickOperationName(e, names), quick, e.quickOperation, { message: SENT, names })];
}

/** `MessageEvent`, `NoticeEvent`, … per post_type (first-appearance order), then `OneBotEvent`. */
export function unionStructures(events: readonly EventType[], names: TsNames): TypeAliasDeclarationStructure[] {
  const byPostType = new Map<string, string[]>();
  for (const e of events)
    byPostType.set(postTypeOf(e.key), [...(byPostType.get(postTypeOf(e.key)) ?? []), names.event(e.id)]);
  const unions = [...byPostType].map(([postType, ids]) =>
    alias(names.postType(postType), `Every event whose \`post_type\` is \`${postType}\`.`, ids.join(' | ')),
  );
  const all = alias('OneBotEvent', 'Every event the docs describe.', unions.map((u) => u.name).join(' | '));
  return [...unions, all];
}

/** `EventMap` by key, its names and prefixes, and `EventOf<K>` for a key or a key prefix. */
export function eventMapStructures(
  events: readonly EventType[],
  names: TsNames,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const map: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: 'EventMap',
    isExported: true,
    docs: [
      'Every event by key: `post_type.detail_type`, then `.sub_type` when the docs give that one value.\nSections giving shapes of one event are a union under its key.',
    ],
    properties: eventsByKey(events).map(([key, list]) => ({
      name: JSON.stringify(key),
      type: list.map((e) => names.event(e.id)).join(' | '),
      docs: [docText([list.map((e) => e.title).join(' / ')])],
    })),
  };
  const prefixes = [...new Set(events.flatMap((e) => keyPrefixes(e.key)))].sort(compareStrings);
  return [
    map,
    alias('EventName', 'An event key: `message.group`, `notice.notify.poke`.', 'keyof EventMap'),
    alias('EventPrefix', 'An event key or a leading part of one: `message`, `notice.notify`.', literalUnion(prefixes)),
    alias(
      'EventOf',
      "The events whose key is `K` or starts with `K.`: `EventOf<'notice.notify'>` is every notify notice.",
      '{ [N in EventName]: N extends K | `${K}.${string}` ? EventMap[N] : never }[EventName]',
      'EventPrefix',
    ),
  ];
}

/** `QuickOperationMap` by event key, and `QuickOperationOf<K>` (never for events without one). */
export function quickOperationStructures(
  events: readonly EventType[],
  names: TsNames,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const withQuick = eventsByKey(events.filter((e) => e.quickOperation));
  const map: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: 'QuickOperationMap',
    isExported: true,
    docs: ['The quick operation of every event that has one, by event key.'],
    properties: withQuick.map(([key, list]) => ({
      name: JSON.stringify(key),
      type: list.map((e) => quickOperationName(e, names)).join(' | '),
      docs: [docText([list.map((e) => e.title).join(' / ')])], // a title holding `*/` must not end the comment
    })),
  };
  const of = alias(
    'QuickOperationOf',
    'Quick operations of the events `EventOf<K>` names.',
    '{ [N in keyof QuickOperationMap]: N extends K | `${K}.${string}` ? QuickOperationMap[N] : never }[keyof QuickOperationMap]',
    'EventPrefix',
  );
  return [map, of];
}

/**
 * The runtime twins: every key, each post_type's detail field as the tables give it, and the key of
 * a received event, computed by the runtime's `eventKeyIn` (imported by the events target) from those two.
 *
 *     eventKey({ post_type: 'message_sent', message_type: 'group', … })  →  'message_sent.group'
 */
export function eventKeyStructures(
  events: readonly EventType[],
): (VariableStatementStructure | FunctionDeclarationStructure)[] {
  // Typed, not `as const satisfies`: each file's declarations are emitted on their own
  // (isolatedDeclarations, targets/compiled.ts), which needs the type written out.
  const constant = (name: string, docs: string, type: string, initializer: string): VariableStatementStructure => ({
    kind: StructureKind.VariableStatement,
    isExported: true,
    docs: [docs],
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, type, initializer }],
  });
  const keys = eventsByKey(events).map(([key]) => key);
  return [
    constant(
      'EVENT_NAMES',
      'Every event key, in docs order; the runtime twin of {@link EventName}.',
      'readonly EventName[]',
      JSON.stringify(keys),
    ),
    constant(
      'EVENT_DETAIL_FIELDS',
      'post_type → the field holding the second part of its keys (`message_sent` events carry `message_type`).',
      'DetailFields',
      JSON.stringify(detailFields(events)),
    ),
    {
      kind: StructureKind.Function,
      name: 'eventKey',
      isExported: true,
      docs: [
        'The {@link EventMap} key of an event (the longest that fits), or undefined for one the docs do not describe.',
      ],
      parameters: [{ name: 'event', type: '{ readonly post_type: string }' }],
      returnType: 'EventName | undefined',
      statements: ['return eventKeyIn(EVENT_NAMES, EVENT_DETAIL_FIELDS, event);'],
    },
  ];
}

/** `notice.notify.poke` → `notice`, `notice.notify`, `notice.notify.poke`. */
function keyPrefixes(key: string): string[] {
  const parts = key.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

const literalUnion = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(' | ') || 'never';
