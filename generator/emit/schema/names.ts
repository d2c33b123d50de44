/**
 * Stable `$defs` (and `components/schemas`) names for one model, the same in every export and for
 * every implementation, so `#/$defs/Device` means the same type in `napcat.json` and `gocq.json`.
 *
 *     action params / data   get_cookies                    →  GetCookiesParams, GetCookiesData
 *     named type             Device, get_profile_like.userInfos  →  Device, GetProfileLikeUserInfos
 *     segment                face, contact.qq               →  FaceSegment / SentFaceSegment, ContactQqSegment / …
 *     event                  notice.notify.poke(~2)         →  PokeNotifyNoticeEvent(2) (+ …QuickOperation)
 *     post_type union        message                        →  MessageEvent
 *
 * Names are PascalCase, as SDK generators (quicktype, openapi-generator) turn them into class
 * names; they match `^[A-Za-z0-9._-]+$` as OpenAPI requires. A clash gets `2`, `3`, … in a fixed
 * order: fixed names, events, segments, actions, named types.
 */
import { actionTypeBase, eventIdBase, pascalCase, postTypeOf, postTypeUnionName } from '../../model/ids.js';
import type { Model } from '../../model/types.js';

/** Names the exports declare themselves. */
export const FIXED_DEFS = {
  message: 'Message',
  receivedMessage: 'ReceivedMessage',
  sentSegment: 'SentSegment',
  receivedSegment: 'ReceivedSegment',
  anySegment: 'MessageSegment',
  anyEvent: 'OneBotEvent',
  request: 'ActionRequest',
  response: 'ActionResponse',
  status: 'ResponseStatus',
  retcode: 'Retcode',
  echo: 'Echo',
} as const;

export interface SchemaNames {
  readonly params: (action: string) => string;
  readonly data: (action: string) => string;
  readonly type: (id: string) => string;
  readonly receivedSegment: (id: string) => string;
  readonly sentSegment: (id: string) => string;
  readonly event: (key: string) => string;
  readonly quickOperation: (key: string) => string;
  readonly postType: (postType: string) => string;
}

/** Every def name of the model; lookups throw on an id the model does not have (a generator bug). */
export function schemaNames(model: Model): SchemaNames {
  const taken = new Set<string>(Object.values(FIXED_DEFS));
  const claim = (want: string): string => {
    let name = want;
    for (let n = 2; taken.has(name); n++) name = `${want}${n}`;
    taken.add(name);
    return name;
  };
  const postTypes = [...new Set(model.events.map((e) => postTypeOf(e.key)))];
  const maps = {
    postType: new Map(postTypes.map((p) => [p, claim(postTypeUnionName(p))])),
    event: new Map(model.events.map((e) => [e.id, claim(eventIdBase(e.key))])),
    quickOperation: new Map<string, string>(),
    receivedSegment: new Map<string, string>(),
    sentSegment: new Map<string, string>(),
    params: new Map<string, string>(),
    data: new Map<string, string>(),
    type: new Map<string, string>(),
  };
  for (const e of model.events) maps.quickOperation.set(e.id, claim(`${maps.event.get(e.id)!}QuickOperation`));
  for (const s of model.segments) {
    const stem = pascalCase(s.id);
    maps.receivedSegment.set(s.id, claim(`${stem}Segment`));
    maps.sentSegment.set(s.id, claim(`Sent${stem}Segment`));
  }
  for (const a of model.actions) {
    maps.params.set(a.name, claim(`${actionTypeBase(a.name)}Params`));
    maps.data.set(a.name, claim(`${actionTypeBase(a.name)}Data`));
  }
  for (const t of namedTypes(model)) maps.type.set(t.id, claim(pascalCase(t.id)));
  const lookup = (map: ReadonlyMap<string, string>, what: string) => (id: string) => {
    const name = map.get(id);
    if (name === undefined) throw new Error(`no ${what} \`${id}\` in the model`);
    return name;
  };
  return {
    params: lookup(maps.params, 'action'),
    data: lookup(maps.data, 'action'),
    type: lookup(maps.type, 'named type'),
    receivedSegment: lookup(maps.receivedSegment, 'segment'),
    sentSegment: lookup(maps.sentSegment, 'segment'),
    event: lookup(maps.event, 'event'),
    quickOperation: lookup(maps.quickOperation, 'event'),
    postType: lookup(maps.postType, 'post_type'),
  };
}

/** Every named type of the model: shared ones (page order), then each action's (by action name). */
export function namedTypes(model: Model) {
  return [
    ...model.pages.flatMap((p) => p.typeSections.flatMap((s) => s.types)),
    ...model.actions.flatMap((a) => a.types),
  ];
}
