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
import { compareStrings, type Diagnostic } from '../../model/diagnostics.js';
import {
  actionTypeBase,
  EVENT_MODULE_NAMES,
  eventIdBase,
  MESSAGE_MODULE_NAMES,
  pascalCase,
  postTypeOf,
  postTypeUnionName,
  RESERVED_TYPE_NAMES,
  segmentTypeNames,
  STANDARD_EVENT_UNIONS,
} from '../../model/ids.js';
import type { Action, Model, NamedType, SourceRef } from '../../model/types.js';

/** `GetCookiesParams`: the action's stem (unique across actions) and the part. */
export const paramsTypeName = (a: Action, names: TsNames) => `${names.action(a.name)}Params`;
export const responseTypeName = (a: Action, names: TsNames) => `${names.action(a.name)}Response`;

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** The TypeScript identifiers of one model; every lookup throws on an id the model does not have. */
export interface TsNames {
  /** Action name → the stem of its type names (`GetCookies` → `GetCookiesParams`, `GetCookiesResponse`). */
  readonly action: (name: string) => string;
  /** `NamedType.id` → the interface or alias name. */
  readonly type: (id: string) => string;
  /** post_type → the union of its events (`message` → `MessageEvent`), which types files may import. */
  readonly postType: (postType: string) => string;
  /** `EventType.id` → the event interface name. */
  readonly event: (key: string) => string;
  /** `Segment.id` → the stem of its interfaces (`Face` → `FaceSegment`, `SentFaceSegment`). */
  readonly segment: (id: string) => string;
  /** Every name that is not the one its docs name asks for, as a `type-name` info. */
  readonly renames: readonly Diagnostic[];
}

/** Names already computed, per model object: buildModel (for the renames) and every emitter ask. */
const computed = new WeakMap<Model, TsNames>();

/** Every TypeScript name the model's ids get; one pass per model, in docs order so numbering is stable. */
export function tsNames(model: Model): TsNames {
  let names = computed.get(model);
  if (!names) computed.set(model, (names = nameModel(model)));
  return names;
}

function nameModel(model: Model): TsNames {
  const renames: Diagnostic[] = [];
  const actions = actionStems(model.actions, renames);
  const unions = unionNames(model, renames);
  const types = typeNames(model, actions, [...unions.values()], renames);
  const events = eventNames(model, [...unions.values()], renames);
  const segments = segmentStems(model, renames);
  const lookup = (map: ReadonlyMap<string, string>, what: string) => (id: string) => {
    const name = map.get(id);
    if (name === undefined) throw new Error(`no ${what} with id \`${id}\` in the model`);
    return name;
  };
  return {
    action: lookup(actions, 'action'),
    postType: lookup(unions, 'post_type'),
    type: lookup(types, 'named type'),
    event: lookup(events, 'event'),
    segment: lookup(segments, 'segment'),
    renames,
  };
}

/** The info a rename gets: what, the name it asked for, the name it got, and what holds the wanted one. */
function renamed(what: string, wanted: string, got: string, source: SourceRef, holder?: Holder): Diagnostic {
  const because = holder ? `${holder.what} takes that name` : 'the generated code declares or imports that name itself';
  return {
    severity: 'info',
    code: 'type-name',
    message: `${what} is named \`${got}\`, not \`${wanted}\`: ${because}`,
    source,
    ...(holder ? { related: [holder.source] } : {}),
  };
}

/** What took a name first, for the rename's message. */
interface Holder {
  readonly what: string;
  readonly source: SourceRef;
}

/** The usual spelling of an action name: lower-case snake_case. It keeps the bare stem in a clash. */
const PLAIN = /^[a-z0-9]+(_[a-z0-9]+)*$/;

/**
 * One stem per action, unique, the same whatever the page order (by stem, plain snake_case names
 * first, then by name):
 *
 *     get_model_show   →  GetModelShow            (the plain name keeps the bare stem)
 *     _get_model_show  →  UnderscoreGetModelShow  (a leading `_` spelled out, as methods spell it)
 *     getModelShow     →  GetModelShow2           (nothing to spell out: numbered)
 */
function actionStems(actions: readonly Action[], renames: Diagnostic[]): Map<string, string> {
  const order = [...actions].sort(
    (a, b) =>
      compareStrings(actionTypeBase(a.name), actionTypeBase(b.name)) ||
      Number(!PLAIN.test(a.name)) - Number(!PLAIN.test(b.name)) ||
      compareStrings(a.name, b.name),
  );
  const holders = new Map<string, Action>();
  const stems = new Map<string, string>();
  for (const action of order) {
    const base = actionTypeBase(action.name);
    const spelled = action.name.startsWith('_') ? `Underscore${base}` : base;
    const stem = numbered(holders.has(base) ? spelled : base, (s) => holders.has(s));
    holders.set(stem, action);
    stems.set(action.name, stem);
    const holder = holders.get(base)!;
    if (stem !== base)
      renames.push(
        renamed(`action \`${action.name}\``, `${base}…`, `${stem}…`, action.source, {
          what: `action \`${holder.name}\``,
          source: holder.source,
        }),
      );
  }
  return stems;
}

/** `name`, or `name2`, `name3`, … : the first that is not `taken`. */
function numbered(name: string, taken: (name: string) => boolean): string {
  let out = name;
  for (let n = 2; taken(out); n++) out = `${name}${n}`;
  return out;
}

/** What follows an action's stem in the names emitted for it: `XParams`, `XResponse`, `XResponseItem2`. */
export const ACTION_NAME_SUFFIX = /^(Params|Response|ResponseItem\d*)$/;

/**
 * `PascalCase(name)`; when two definitions would share it, action-local ones are prefixed with their
 * action's stem (`GetProfileLikeUserInfos`). Names the types files declare or import themselves
 * (`Record`, `Message`, `MessageEvent`, `GetCookiesResponse`) get a `Type` suffix, and any clash left
 * (`File` on two pages) a number.
 */
function typeNames(
  model: Model,
  actions: ReadonlyMap<string, string>,
  unions: readonly string[],
  renames: Diagnostic[],
): Map<string, string> {
  const stems = [...actions.values()];
  const byName = new Map(model.actions.map((a) => [a.name, a]));
  const inPageOrder = model.pages.flatMap((p) => p.actions.flatMap((n) => (byName.has(n) ? [byName.get(n)!] : [])));
  const owners: [NamedType, Action | undefined][] = [
    ...model.pages.flatMap((p) =>
      p.typeSections.flatMap((s) => s.types.map((t): [NamedType, undefined] => [t, undefined])),
    ),
    ...inPageOrder.flatMap((a) => a.types.map((t): [NamedType, Action] => [t, a])),
  ];
  const count = new Map<string, number>();
  for (const [t] of owners) count.set(pascalCase(t.name), (count.get(pascalCase(t.name)) ?? 0) + 1);
  const reserved = new Set([...RESERVED_TYPE_NAMES, ...STANDARD_EVENT_UNIONS, ...unions]);
  const holders = new Map<string, NamedType>();
  const taken = (name: string) =>
    reserved.has(name) ||
    holders.has(name) ||
    stems.some((s) => name.startsWith(s) && ACTION_NAME_SUFFIX.test(name.slice(s.length)));
  const names = new Map<string, string>();
  for (const [t, owner] of owners) {
    const base = pascalCase(t.name);
    const twin = count.get(base)! > 1 ? owners.find(([o]) => o !== t && pascalCase(o.name) === base)?.[0] : undefined;
    const wanted = twin && owner ? actions.get(owner.name)! + base : base;
    const holder = holders.get(wanted);
    const name = numbered(taken(wanted) && !holder ? `${wanted}Type` : wanted, taken);
    holders.set(name, t);
    names.set(t.id, name);
    if (name === base) continue;
    const what = `sub-type \`${t.name}\`${owner ? ` of \`${owner.name}\`` : ''}`;
    const by = holder ?? (wanted !== base ? twin : undefined);
    const because = by && { what: `the sub-type \`${by.name}\` defined here`, source: by.source };
    renames.push(renamed(what, base, name, t.source, because));
  }
  return names;
}

/**
 * One union per post_type, in first-appearance order: `MessageEvent`, `MetaEvent` (`meta_event`);
 * a post_type spelling a union another one has (`message_event`) gets a number.
 */
function unionNames(model: Model, renames: Diagnostic[]): Map<string, string> {
  const holders = new Map<string, Holder>();
  const names = new Map<string, string>();
  for (const event of model.events) {
    const postType = postTypeOf(event.key);
    if (names.has(postType)) continue;
    const base = postTypeUnionName(postType);
    const name = numbered(base, (n) => holders.has(n) || (EVENT_MODULE_NAMES as readonly string[]).includes(n));
    holders.set(name, { what: `the union of \`${postType}\` events`, source: event.source });
    names.set(postType, name);
    if (name !== base)
      renames.push(renamed(`the union of \`${postType}\` events`, base, name, event.source, holders.get(base)));
  }
  return names;
}

/** Key parts reversed, then the post_type (`PokeNotifyNoticeEvent`); a clash gets `2`, `3`, … */
function eventNames(model: Model, unions: readonly string[], renames: Diagnostic[]): Map<string, string> {
  const used = new Set<string>([...EVENT_MODULE_NAMES, ...unions]);
  const holders = new Map<string, Holder>();
  const names = new Map<string, string>();
  for (const event of model.events) {
    const base = eventIdBase(event.key);
    const name = numbered(base, (n) => used.has(n));
    used.add(name);
    holders.set(name, { what: `event \`${event.key}\` ("${event.title}")`, source: event.source });
    names.set(event.id, name);
    if (name !== base) renames.push(renamed(`event \`${event.id}\``, base, name, event.source, holders.get(base)));
  }
  return names;
}

/**
 * `PascalCase(type)` plus the id's variant words (`contact.qq` → `ContactQq`, `node~2` → `Node2`);
 * a stem whose interface names the message module declares, or an earlier segment took, gets a number.
 */
function segmentStems(model: Model, renames: Diagnostic[]): Map<string, string> {
  const taken = new Map<string, Holder | undefined>([...MESSAGE_MODULE_NAMES].map((n) => [n, undefined]));
  const stems = new Map<string, string>();
  for (const segment of model.segments) {
    const base = pascalCase(segment.type) + wordCase(segment.id.slice(segment.type.length));
    const clash = (s: string) => Object.values(segmentTypeNames(s)).find((name) => taken.has(name));
    const stem = numbered(base, (s) => clash(s) !== undefined);
    const holder = stem === base ? undefined : taken.get(clash(base)!);
    for (const name of Object.values(segmentTypeNames(stem)))
      taken.set(name, { what: `segment \`${segment.id}\``, source: segment.source });
    stems.set(segment.id, stem);
    if (stem !== base)
      renames.push(renamed(`segment \`${segment.id}\``, `${base}Segment`, `${stem}Segment`, segment.source, holder));
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
