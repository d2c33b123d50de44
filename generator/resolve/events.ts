/**
 * Cross-page work for events, done once so the emitter never guesses: sections sharing a key kept
 * as shapes of one event (ids `key`, `key~2`) or dropped when they repeat one, common fields filled
 * in, types settled, detail fields checked, and event pages as link targets.
 */
import path from 'node:path';
import type { PageExtract } from '../extract/index.js';
import type { CommonFieldsSection } from '../extract/types.js';
import { compareStrings, type Diagnostic } from '../model/diagnostics.js';
import { linkedPage } from './links.js';
import { postTypeOf } from '../model/ids.js';
import type { EventType, Field, SourceRef, TypeRef } from '../model/types.js';

export function collectEvents(
  pages: readonly PageExtract[],
  diagnostics: Diagnostic[],
): { events: EventType[]; eventCommon: Field[] } {
  const eventCommon = commonFields(pages, diagnostics);
  const links = eventLinkTargets(pages);
  const settle = (f: Field): Field => ({ ...f, type: settleType(f.type, f.source, links, diagnostics) });
  const events = distinctShapes(
    pages.flatMap((p) => p.events),
    diagnostics,
  ).map((event) => ({
    ...event,
    fields: withCommon(event.fields, eventCommon).map(settle),
    ...(event.quickOperation ? { quickOperation: event.quickOperation.map(settle) } : {}),
  }));
  checkDetailFields(events, diagnostics);
  return { events, eventCommon };
}

/**
 * Events in page order, each with its id. A section repeating an earlier one of its key (the same
 * fields and types) is dropped; one with other fields is another shape of that event, kept as
 * `key~2`; one with the same field names but other types is kept and reported, as only the types
 * tell the two apart.
 */
function distinctShapes(events: readonly EventType[], diagnostics: Diagnostic[]): EventType[] {
  const kept: EventType[] = [];
  for (const event of events) {
    const same = kept.filter((k) => k.key === event.key);
    const repeated = same.find((k) => shapeOf(k.fields) === shapeOf(event.fields));
    if (repeated) {
      diagnostics.push(duplicate(event, repeated, 'with the same fields; this section is dropped'));
      continue;
    }
    const clash = same.find((k) => fieldNames(k.fields) === fieldNames(event.fields));
    if (clash) {
      const why = 'with the same field names but other types; both are kept, and only the types tell them apart';
      diagnostics.push(duplicate(event, clash, why));
    }
    kept.push({ ...event, id: same.length === 0 ? event.key : `${event.key}~${same.length + 1}` });
  }
  return kept;
}

function duplicate(event: EventType, first: EventType, what: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'duplicate-event',
    message: `event \`${event.key}\` is already declared ${what}`,
    source: event.source,
    related: [first.source],
  };
}

/** Field names, sorted. */
const fieldNames = (fields: readonly Field[]) => JSON.stringify(fields.map((f) => f.name).sort(compareStrings));

/** Names, whether required, and types, without descriptions or positions. */
function shapeOf(fields: readonly Field[]): string {
  const strip = (t: TypeRef): unknown => {
    if (t.kind === 'object') return { ...t, fields: t.fields.map((f) => [f.name, f.required, strip(f.type)]) };
    if (t.kind === 'array') return { ...t, element: strip(t.element) };
    if (t.kind === 'union') return { ...t, members: t.members.map(strip) };
    return t;
  };
  const sorted = [...fields].sort((a, b) => compareStrings(a.name, b.name));
  return JSON.stringify(sorted.map((f) => [f.name, f.required, strip(f.type)]));
}

/**
 * The events of one post_type must take their detail type from one field, as `eventKey()` reads
 * the first one's (model views: `detailFields`); another is reported.
 */
function checkDetailFields(events: readonly EventType[], diagnostics: Diagnostic[]): void {
  const first = new Map<string, EventType>();
  for (const e of events) {
    if (!e.detailField) continue;
    const postType = postTypeOf(e.key);
    const earlier = first.get(postType);
    if (!earlier) first.set(postType, e);
    else if (earlier.detailField !== e.detailField)
      diagnostics.push({
        severity: 'warning',
        code: 'event-key',
        message: `\`${postType}\` events take their detail type from \`${earlier.detailField}\`, this one from \`${e.detailField}\`; eventKey() reads \`${earlier.detailField}\``,
        source: e.source,
        related: [earlier.source],
      });
  }
}

/** The first section listing the common fields wins, on the same page or another; later ones are reported. */
function commonFields(pages: readonly PageExtract[], diagnostics: Diagnostic[]): Field[] {
  const [first, ...later]: CommonFieldsSection[] = pages.flatMap((p) => p.eventCommon);
  for (const section of later) {
    diagnostics.push({
      severity: 'warning',
      code: 'duplicate-event',
      message: 'the common event fields are already listed; this section is dropped',
      source: section.source,
      related: [first!.source],
    });
  }
  return first ? [...first.fields] : [];
}

/** Every event has the common fields: those its table leaves out come first, from the common table. */
function withCommon(fields: readonly Field[], common: readonly Field[]): Field[] {
  const missing = common.filter((c) => !fields.some((f) => f.name === c.name));
  return [...missing, ...fields];
}

/**
 * Event pages define no sub-types, so a type there may only be a link to an event page; sub-type
 * refs and other links become unknown, reported like unresolved links elsewhere.
 */
function settleType(
  type: TypeRef,
  at: SourceRef,
  links: ReadonlyMap<string, TypeRef>,
  diagnostics: Diagnostic[],
): TypeRef {
  const unresolved = (message: string): TypeRef => {
    diagnostics.push({
      severity: 'warning',
      code: 'unresolved-link',
      message: `${message}; typed as unknown`,
      source: at,
    });
    return { kind: 'unknown', reason: message };
  };
  switch (type.kind) {
    case 'ref':
      return unresolved(`sub-type \`${type.target}\` is not defined for events`);
    case 'link':
      return (
        links.get(linkedPage(at.file, type.href)) ??
        unresolved(`link [${type.text}](${type.href}) does not point at a type defined by the inputs`)
      );
    case 'array':
      return { ...type, element: settleType(type.element, at, links, diagnostics) };
    case 'union':
      return { ...type, members: type.members.map((m) => settleType(m, at, links, diagnostics)) };
    case 'object':
      return {
        ...type,
        fields: type.fields.map((f) => ({ ...f, type: settleType(f.type, f.source, links, diagnostics) })),
      };
    default:
      return type;
  }
}

/**
 * Page file → the type a link to that page means: a page whose events share one post_type stands
 * for any event of that post_type (`[message](../event/message.md)` → `{ kind: 'events', postType: 'message' }`).
 */
export function eventLinkTargets(pages: readonly PageExtract[]): Map<string, TypeRef> {
  const out = new Map<string, TypeRef>();
  for (const page of pages) {
    const postTypes = [...new Set(page.events.map((e) => postTypeOf(e.key)))];
    if (postTypes.length !== 1) continue;
    out.set(path.posix.normalize(page.file), { kind: 'events', postType: postTypes[0]! });
  }
  return out;
}
