/** Cross-page work for events: collected in page order; pages of events are link targets. */
import type { BuiltPage } from './build/index.js';
import type { Diagnostic } from './diagnostics.js';
import type { EventType, Field, TypeRef } from './types.js';

export function collectEvents(
  pages: readonly BuiltPage[],
  _diagnostics: Diagnostic[],
): { events: EventType[]; eventCommon: Field[] } {
  return { events: pages.flatMap((p) => p.events), eventCommon: pages.flatMap((p) => p.eventCommon) };
}

/** Page file → the type a link to that page means (`../event/message.md` → the message events). */
export function eventLinkTargets(_pages: readonly BuiltPage[]): Map<string, TypeRef> {
  return new Map();
}
