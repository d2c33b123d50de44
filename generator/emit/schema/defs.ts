/**
 * Every def of one implementation: params and data of each action it has (its own view of them,
 * `bodyFor`), the named sub-types, the message and segment types, the events it sends with their
 * quick operations. Sorted by name; a document keeps only the defs it reaches (`reachableDefs`).
 */
import { compareStrings } from '../../model/diagnostics.js';
import { postTypeOf } from '../../model/ids.js';
import type { Action, Body, EventType, ImplId, Model, Segment } from '../../model/types.js';
import { actionsOf, bodyFor, isReceived, isSent, segmentData } from '../../model/views.js';
import { envelopeDefs } from './envelope.js';
import { FIXED_DEFS, namedTypes, schemaNames, type SchemaNames } from './names.js';
import { type JsonSchema, objectSchema, type SchemaContext, typeSchema } from './type-schema.js';

export type Defs = ReadonlyMap<string, JsonSchema>;

/** Contexts for one document: `ref` says where defs live (`#/$defs/` or `#/components/schemas/`). */
export function contexts(names: SchemaNames, ref: (name: string) => string) {
  return {
    send: { names, ref, direction: 'send' } satisfies SchemaContext,
    receive: { names, ref, direction: 'receive' } satisfies SchemaContext,
  };
}

/** Params of an action as one implementation sees them: none → an object with no properties. */
export function paramsSchema(action: Action, impl: ImplId, ctx: SchemaContext): JsonSchema {
  const body = bodyFor(action, impl, 'params');
  return withDoc(body.kind === 'none' ? { type: 'object', additionalProperties: false } : typeSchema(body.type, ctx), [
    `Params of \`${action.name}\`: ${action.title}.`,
    bodyNote(body),
  ]);
}

/** Response data (the envelope's `data`) of an action as one implementation sees it: none → null. */
export function dataSchema(action: Action, impl: ImplId, ctx: SchemaContext): JsonSchema {
  const body = bodyFor(action, impl, 'response');
  return withDoc(body.kind === 'none' ? { type: 'null' } : typeSchema(body.type, ctx), [
    `Response data of \`${action.name}\`: ${action.title}.`,
    bodyNote(body),
  ]);
}

function bodyNote(body: Body): string | undefined {
  return body.kind === 'type' && body.origin !== 'table' ? `Typed from the ${body.origin} (no table).` : undefined;
}

function withDoc(schema: JsonSchema, lines: readonly (string | undefined)[]): JsonSchema {
  const description = lines.filter(Boolean).join(' ');
  return schema.$ref !== undefined ? { allOf: [schema], description } : { ...schema, description };
}

/** Events an implementation sends: the standard ones and its own extensions. */
export function eventsOf(model: Model, impl: ImplId): EventType[] {
  return model.events.filter((e) => e.extensionOf === undefined || e.extensionOf === impl);
}

/** Every def of `impl`, by name. */
export function implDefs(model: Model, impl: ImplId, ref: (name: string) => string): Defs {
  const names = schemaNames(model);
  const ctx = contexts(names, ref);
  const defs = new Map<string, JsonSchema>();
  for (const a of actionsOf(model, impl)) {
    defs.set(names.params(a.name), paramsSchema(a, impl, ctx.send));
    defs.set(names.data(a.name), dataSchema(a, impl, ctx.receive));
  }
  for (const t of namedTypes(model)) {
    // Sub-types appear in params and data alike; a `message` inside one takes any form.
    const doc = t.description ? { description: t.description } : {};
    defs.set(names.type(t.id), { ...typeSchema(t.type, ctx.send), title: t.name, ...doc });
  }
  for (const [name, schema] of messageDefs(model.segments, names, ref)) defs.set(name, schema);
  for (const [name, schema] of eventDefs(eventsOf(model, impl), names, ctx)) defs.set(name, schema);
  return new Map([...defs].sort(([a], [b]) => compareStrings(a, b)));
}

/** `Message`, `ReceivedMessage`, the segment unions and one def per segment form. */
function messageDefs(segments: readonly Segment[], names: SchemaNames, ref: (n: string) => string): Defs {
  const defs = new Map<string, JsonSchema>();
  const anyOf = (list: readonly string[]) => (list.length > 0 ? { anyOf: list.map((n) => ({ $ref: ref(n) })) } : {});
  const generic = { $ref: ref(FIXED_DEFS.anySegment) };
  defs.set(FIXED_DEFS.anySegment, {
    type: 'object',
    description: 'Any message segment: `{ type, data }`, including types the docs do not list.',
    properties: { type: { type: 'string' }, data: { type: 'object', additionalProperties: true } },
    required: ['type', 'data'],
  });
  const sent = segments.filter(isSent).map((s) => names.sentSegment(s.id));
  const received = segments.filter(isReceived).map((s) => names.receivedSegment(s.id));
  defs.set(
    FIXED_DEFS.sentSegment,
    segments.length > 0 ? { ...anyOf(sent), description: 'A segment to send.' } : generic,
  );
  defs.set(
    FIXED_DEFS.receivedSegment,
    segments.length > 0 ? { ...anyOf(received), description: 'A received segment.' } : generic,
  );
  const sentRef = { $ref: ref(FIXED_DEFS.sentSegment) };
  defs.set(FIXED_DEFS.message, {
    description: 'A message as sent: a CQ-code string, one segment, or an array of segments.',
    anyOf: [{ type: 'string' }, sentRef, { type: 'array', items: sentRef }],
  });
  defs.set(FIXED_DEFS.receivedMessage, {
    description: 'A message as received: a CQ-code string or an array of segments.',
    anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: ref(FIXED_DEFS.receivedSegment) } }],
  });
  const ctx = contexts(names, ref);
  for (const s of segments) {
    const form = (direction: 'receive' | 'send') => ({
      type: 'object',
      title: s.title,
      description: s.description || `The \`${s.type}\` segment.`,
      properties: {
        type: { const: s.type },
        data: objectSchema(segmentData(s, direction), false, direction === 'send' ? ctx.send : ctx.receive),
      },
      required: ['type', 'data'],
    });
    if (isReceived(s)) defs.set(names.receivedSegment(s.id), form('receive'));
    if (isSent(s)) defs.set(names.sentSegment(s.id), form('send'));
  }
  return defs;
}

/** One def per event and quick operation, one union per post_type, and `OneBotEvent`. */
function eventDefs(events: readonly EventType[], names: SchemaNames, ctx: ReturnType<typeof contexts>): Defs {
  const defs = new Map<string, JsonSchema>();
  const byPostType = new Map<string, string[]>();
  for (const e of events) {
    const name = names.event(e.id);
    byPostType.set(postTypeOf(e.key), [...(byPostType.get(postTypeOf(e.key)) ?? []), name]);
    const description = [e.description, `Event key \`${e.key}\`.`].filter(Boolean).join('\n\n');
    defs.set(name, { ...objectSchema(e.fields, false, ctx.receive), title: e.title, description });
    if (e.quickOperation) {
      const quick = { ...objectSchema(e.quickOperation, false, ctx.send), title: `${e.title}: quick operation` };
      defs.set(names.quickOperation(e.id), quick);
    }
  }
  const union = (list: readonly string[]) => ({ anyOf: list.map((n) => ({ $ref: ctx.send.ref(n) })) });
  for (const [postType, list] of byPostType) {
    defs.set(names.postType(postType), { ...union(list), description: `An event whose post_type is \`${postType}\`.` });
  }
  if (events.length > 0) {
    const all = [...byPostType.keys()].map((p) => names.postType(p));
    defs.set(FIXED_DEFS.anyEvent, { ...union(all), description: 'Any event the docs describe.' });
  }
  return defs;
}

/** `components/schemas` of an OpenAPI or AsyncAPI document: every def, and the shared envelope parts, sorted. */
export function componentSchemas(model: Model, impl: ImplId, prefix: string): Record<string, JsonSchema> {
  const all = [...implDefs(model, impl, (n) => prefix + n), ...Object.entries(envelopeDefs())];
  return Object.fromEntries(all.sort(([a], [b]) => compareStrings(a, b)));
}

/**
 * The defs a schema reaches through `$ref` (transitively), by name, sorted: what a self-contained
 * document needs. `prefix` is how refs start (`#/$defs/`).
 */
export function reachableDefs(roots: readonly unknown[], defs: Defs, prefix: string): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const queue = roots.flatMap((r) => refsIn(r, prefix));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (out.has(name) || !defs.has(name)) continue;
    out.set(name, defs.get(name)!);
    queue.push(...refsIn(defs.get(name), prefix));
  }
  return new Map([...out].sort(([a], [b]) => compareStrings(a, b)));
}

function refsIn(value: unknown, prefix: string, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, prefix, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(prefix)) out.push(v.slice(prefix.length));
      else refsIn(v, prefix, out);
    }
  }
  return out;
}
