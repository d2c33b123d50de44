/**
 * Cross-page work for events, done once so the emitter never guesses: duplicate keys dropped (the
 * key is the event's id), common fields filled in, types settled, and event pages as link targets.
 */
import path from 'node:path';
import type { PageExtract } from '../extract/index.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { linkedPage } from './links.js';
import { postTypeOf } from '../model/ids.js';
import type { EventType, Field, SourceRef, TypeRef } from '../model/types.js';

export function collectEvents(
  pages: readonly PageExtract[],
  diagnostics: Diagnostic[],
): { events: EventType[]; eventCommon: Field[] } {
  const eventCommon = commonFields(pages, diagnostics);
  const links = eventLinkTargets(pages);
  const seen = new Map<string, EventType>();
  for (const event of pages.flatMap((p) => p.events)) {
    const first = seen.get(event.key);
    if (first) {
      diagnostics.push({
        severity: 'warning',
        code: 'duplicate-event',
        message: `event \`${event.key}\` is already declared; this section is dropped`,
        source: event.source,
        related: [first.source],
      });
      continue;
    }
    const settle = (f: Field): Field => ({ ...f, type: settleType(f.type, f.source, links, diagnostics) });
    seen.set(event.key, {
      ...event,
      fields: withCommon(event.fields, eventCommon).map(settle),
      ...(event.quickOperation ? { quickOperation: event.quickOperation.map(settle) } : {}),
    });
  }
  return { events: [...seen.values()], eventCommon };
}

/** The first section listing the common fields wins; a second one is reported. */
function commonFields(pages: readonly PageExtract[], diagnostics: Diagnostic[]): Field[] {
  const [first, ...later] = pages.filter((p) => p.eventCommon.length > 0);
  for (const page of later) {
    diagnostics.push({
      severity: 'warning',
      code: 'duplicate-event',
      message: 'the common event fields are already listed; this table is dropped',
      source: page.eventCommon[0]!.source,
      related: [first!.eventCommon[0]!.source],
    });
  }
  return first ? [...first.eventCommon] : [];
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
