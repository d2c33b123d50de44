/**
 * TypeScript spellings for names that come from the docs. The model's ids are language-neutral
 * (`get_profile_like.userInfos`, `notice.notify.poke`, `contact.qq`); this module turns them into
 * identifiers that are unique in the module that declares them and never take a name TypeScript or
 * the generated modules use themselves.
 *
 *     named type  Device, get_profile_like.userInfos, Record  →  Device, GetProfileLikeUserInfos, RecordType
 *     event       message.private, notice.notify.poke(~2)     →  PrivateMessageEvent, PokeNotifyNoticeEvent(2)
 *     segment     face, contact.qq, node~2                    →  Face, ContactQq, Node2 (+ `Segment`, `Sent…Segment`)
 */
import {
  actionTypeBase,
  declaredNames,
  EVENT_MODULE_NAMES,
  eventIdBase,
  MESSAGE_MODULE_NAMES,
  pascalCase,
  postTypeOf,
  postTypeUnionName,
  RESERVED_TYPE_NAMES,
  segmentTypeNames,
} from '../../model/ids.js';
import type { Action, Model, NamedType } from '../../model/types.js';

export const paramsTypeName = (a: Action) => `${actionTypeBase(a.name)}Params`;
export const responseTypeName = (a: Action) => `${actionTypeBase(a.name)}Response`;

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** The TypeScript identifiers of one model; every lookup throws on an id the model does not have. */
export interface TsNames {
  /** `NamedType.id` → the interface or alias name. */
  readonly type: (id: string) => string;
  /** `EventType.id` → the event interface name. */
  readonly event: (key: string) => string;
  /** `Segment.id` → the stem of its interfaces (`Face` → `FaceSegment`, `SentFaceSegment`). */
  readonly segment: (id: string) => string;
}

/** Every TypeScript name the model's ids get; one pass per model, in docs order so numbering is stable. */
export function tsNames(model: Model): TsNames {
  const types = typeNames(model);
  const events = eventNames(model);
  const segments = segmentStems(model);
  const lookup = (map: ReadonlyMap<string, string>, what: string) => (id: string) => {
    const name = map.get(id);
    if (name === undefined) throw new Error(`no ${what} with id \`${id}\` in the model`);
    return name;
  };
  return { type: lookup(types, 'named type'), event: lookup(events, 'event'), segment: lookup(segments, 'segment') };
}

/**
 * `PascalCase(name)`; when two definitions would share it, action-local ones are prefixed with their
 * action (`GetProfileLikeUserInfos`). Names the types files declare themselves (`Record`, `Message`,
 * `GetCookiesResponse`) get a `Type` suffix, and any clash left gets a number.
 */
function typeNames(model: Model): Map<string, string> {
  const byName = new Map(model.actions.map((a) => [a.name, a]));
  const inPageOrder = model.pages.flatMap((p) => p.actions.flatMap((n) => (byName.has(n) ? [byName.get(n)!] : [])));
  const owners: [NamedType, string | undefined][] = [
    ...model.pages.flatMap((p) =>
      p.typeSections.flatMap((s) => s.types.map((t): [NamedType, undefined] => [t, undefined])),
    ),
    ...inPageOrder.flatMap((a) => a.types.map((t): [NamedType, string] => [t, a.name])),
  ];
  const count = new Map<string, number>();
  for (const [t] of owners) count.set(pascalCase(t.name), (count.get(pascalCase(t.name)) ?? 0) + 1);
  const taken = new Set([...RESERVED_TYPE_NAMES, ...model.actions.flatMap((a) => declaredNames(a.name))]);
  const names = new Map<string, string>();
  for (const [t, owner] of owners) {
    const base = pascalCase(t.name);
    let name = count.get(base)! > 1 && owner ? actionTypeBase(owner) + base : base;
    if (taken.has(name)) name += 'Type';
    for (let n = 2; taken.has(name); n++) name = name.replace(/\d*$/, String(n));
    taken.add(name);
    names.set(t.id, name);
  }
  return names;
}

/** Key parts reversed, then the post_type (`PokeNotifyNoticeEvent`); a clash gets `2`, `3`, … */
function eventNames(model: Model): Map<string, string> {
  const used = new Set<string>([
    ...EVENT_MODULE_NAMES,
    ...model.events.map((e) => postTypeUnionName(postTypeOf(e.key))),
  ]);
  const names = new Map<string, string>();
  for (const event of model.events) {
    const base = eventIdBase(event.key);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    names.set(event.id, name);
  }
  return names;
}

/**
 * `PascalCase(type)` plus the id's variant words (`contact.qq` → `ContactQq`, `node~2` → `Node2`);
 * a stem whose interface names the message module declares, or an earlier segment took, gets a number.
 */
function segmentStems(model: Model): Map<string, string> {
  const taken = new Set(MESSAGE_MODULE_NAMES);
  const stems = new Map<string, string>();
  for (const segment of model.segments) {
    const base = pascalCase(segment.type) + wordCase(segment.id.slice(segment.type.length));
    let stem = base;
    for (let n = 2; Object.values(segmentTypeNames(stem)).some((name) => taken.has(name)); n++) stem = `${base}${n}`;
    for (const name of Object.values(segmentTypeNames(stem))) taken.add(name);
    stems.set(segment.id, stem);
  }
  return stems;
}

/** `.mini_app` → `MiniApp`, `~2` → `2`. */
function wordCase(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
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
