/**
 * The identifier policy in one place. The model's ids are language-neutral (docs names, event keys,
 * segment types, see `NamedType.id`); the TypeScript spellings derived from them, and every name a
 * generated TypeScript module declares itself, which no derived name may take, are here too, for
 * `emit/ts/names.ts`.
 */

/** Two ids clash when they are equal ignoring case and punctuation: `userInfos` ≈ `user_infos` ≈ `UserInfos`. */
export function foldedId(id: string): string {
  return id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `get_login_info` → `GetLoginInfo`, `.join_group_emoji_chain` → `JoinGroupEmojiChain`, `rkeys` → `Rkeys`. */
export function pascalCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(joined) || joined === '' ? `T${joined}` : joined;
}

/** Base of an action's type names: `.join_group_emoji_chain` → `HiddenJoinGroupEmojiChain`. */
export function actionTypeBase(name: string): string {
  return (name.startsWith('.') ? 'Hidden' : '') + pascalCase(name);
}

/**
 * Names a generated types file declares or uses itself, which a docs sub-type must not take:
 * TypeScript's global types and the helpers every file exports.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set(
  'Array Boolean Date Error Function Map Number Object Partial Promise Readonly ReadonlyArray Record RegExp Set String Symbol Message ReceivedMessage MessageSegment Actions ActionName ParamsOf ResponseOf ACTION_NAMES'.split(
    ' ',
  ),
);

/** Names the events module declares or imports besides the events; no event id may take them. */
export const EVENT_MODULE_NAMES = [
  'EventBase',
  'OneBotEvent',
  'EventMap',
  'EventName',
  'EventPrefix',
  'EventOf',
  'QuickOperationMap',
  'QuickOperationOf',
  'EVENT_NAMES',
  'EVENT_DETAIL_FIELDS',
  'eventKey',
  'eventKeyIn',
  'DetailFields',
] as const;

/**
 * The unions of the standard post_types: a types file may import them, so no sub-type takes one,
 * even when no event page is an input (names then stay the same with and without the event pages).
 */
export const STANDARD_EVENT_UNIONS = ['MessageEvent', 'NoticeEvent', 'RequestEvent', 'MetaEvent'] as const;

/** `message.group.anonymous` → `message`. */
export const postTypeOf = (key: string): string => key.split('.')[0]!;

/** The union of one post_type's events: `message` → `MessageEvent`, `meta_event` → `MetaEvent`. */
export function postTypeUnionName(postType: string): string {
  return `${pascalCase(postType.replace(/_event$/, ''))}Event`;
}

/** The identifier an event key asks for, before uniqueness: key parts reversed, then `…Event`. */
export function eventIdBase(key: string): string {
  const [postType, ...rest] = key.split('.');
  return rest.reverse().map(pascalCase).join('') + postTypeUnionName(postType!);
}

/** The interfaces emitted for a segment id: `FaceSegment` (received), `SentFaceSegment` (sent). */
export function segmentTypeNames(id: string): { readonly received: string; readonly sent: string } {
  return { received: `${id}Segment`, sent: `Sent${id}Segment` };
}

/** Names the message module declares itself, which no segment interface may take. */
export const MESSAGE_MODULE_NAMES: ReadonlySet<string> = new Set(
  'Message ReceivedMessage MessageSegment ReceivedSegment SentSegment SegmentOf ReceivedSegmentOf'.split(' '),
);
