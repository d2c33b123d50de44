/**
 * Target `schema/model.schema.json`: the JSON Schema 2020-12 of `model.json`, written by hand as
 * data. Objects are closed (`additionalProperties: false`), so a model field added without a schema
 * change fails the test that validates `model.json` against it; bump `FORMAT_VERSION` when a
 * change can break a reader.
 */
import { MATRIX_SYMBOLS } from '../../model/implementations.js';
import { FORMAT_VERSION, IMPLEMENTATIONS } from '../../model/types.js';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from '../schema/index.js';
import { MODEL_SCHEMA_PATH } from './model-json.js';
import type { RawFile } from './types.js';

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer' };
const bool: JsonSchema = { type: 'boolean' };
const list = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const byImpl = (value: JsonSchema): JsonSchema => ({
  type: 'object',
  propertyNames: ref('ImplId'),
  additionalProperties: value,
});

/** A closed object: `optional` keys may be left out. */
function obj(required: Record<string, JsonSchema>, optional: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    type: 'object',
    properties: { ...required, ...optional },
    required: Object.keys(required),
    additionalProperties: false,
  };
}

const TYPE_REFS: Record<string, JsonSchema> = {
  string: obj({ kind: { const: 'string' } }),
  number: obj({ kind: { const: 'number' } }, { format: { enum: ['int32', 'int64', 'float', 'double'] } }),
  boolean: obj({ kind: { const: 'boolean' } }),
  null: obj({ kind: { const: 'null' } }),
  literal: obj({ kind: { const: 'literal' }, value: { anyOf: [str, { type: 'number' }, bool] } }),
  unknown: obj({ kind: { const: 'unknown' }, reason: str }),
  message: obj({ kind: { const: 'message' } }),
  array: obj({ kind: { const: 'array' }, element: ref('TypeRef') }),
  union: obj({ kind: { const: 'union' }, members: list(ref('TypeRef')) }),
  object: obj({ kind: { const: 'object' }, fields: list(ref('Field')) }, { open: bool }),
  ref: obj({ kind: { const: 'ref' }, target: { ...str, description: 'A NamedType id.' } }),
  events: obj({ kind: { const: 'events' }, postType: str }),
  link: obj({ kind: { const: 'link' }, href: str, text: str }),
};

const FIELD = {
  name: str,
  type: ref('TypeRef'),
  required: bool,
  description: str,
  rawType: str,
  source: ref('SourceRef'),
};
const SEGMENT_FLAGS = { receive: bool, send: bool, requiredOnReceive: bool, requiredOnSend: bool };
const BODY = {
  oneOf: [
    obj({ kind: { const: 'none' }, source: ref('SourceRef') }),
    obj({
      kind: { const: 'type' },
      type: ref('TypeRef'),
      origin: { enum: ['table', 'example', 'prose'] },
      source: ref('SourceRef'),
    }),
  ],
};

const DEFS: Record<string, JsonSchema> = {
  ImplId: { enum: [...IMPLEMENTATIONS] },
  SupportLevel: { enum: Object.keys(MATRIX_SYMBOLS) },
  SourceRef: obj({ file: str, line: int, column: int }),
  TypeRef: { oneOf: Object.values(TYPE_REFS) },
  Field: obj(FIELD, { default: str }),
  SegmentField: obj({ ...FIELD, ...SEGMENT_FLAGS }, { default: str }),
  Body: BODY,
  Note: obj({ text: str, source: ref('SourceRef') }),
  NamedType: obj({
    name: str,
    id: { ...str, description: 'Unique, language-neutral.' },
    description: str,
    type: ref('TypeRef'),
    source: ref('SourceRef'),
  }),
  Example: obj(
    {
      role: { enum: ['request', 'response'] },
      value: {},
      comments: list(obj({ path: str, text: str }, { marker: str })),
      source: ref('SourceRef'),
    },
    { impl: ref('ImplId') },
  ),
  Variant: obj({ notes: list(ref('Note')) }, { params: ref('Body'), response: ref('Body') }),
  ActionView: obj({ support: ref('SupportLevel'), params: ref('Body'), data: ref('Body'), notes: list(ref('Note')) }),
  Action: obj(
    {
      name: str,
      title: str,
      tag: { enum: ['none', 'gocq', 'napcat', 'lagrange', 'community'] },
      description: str,
      params: ref('Body'),
      response: ref('Body'),
      types: list(ref('NamedType')),
      examples: list(ref('Example')),
      variants: byImpl(ref('Variant')),
      availability: list(ref('ImplId')),
      source: ref('SourceRef'),
      views: { ...byImpl(ref('ActionView')), description: 'What each implementation that has the action sees.' },
    },
    { support: byImpl(ref('SupportLevel')), supportSource: ref('SourceRef') },
  ),
  Page: obj({
    file: str,
    title: str,
    actions: list(str),
    typeSections: list(obj({ title: str, types: list(ref('NamedType')), source: ref('SourceRef') })),
  }),
  Segment: obj({
    type: str,
    title: str,
    description: str,
    fields: list(ref('SegmentField')),
    receive: bool,
    send: bool,
    id: { ...str, description: 'Unique, language-neutral.' },
    source: ref('SourceRef'),
  }),
  EventType: obj(
    {
      key: { ...str, description: 'The event key; sections giving shapes of one event share it.' },
      id: { ...str, description: 'Unique, language-neutral: the key, or `key~2` for another shape of it.' },
      title: str,
      description: str,
      fields: list(ref('Field')),
      source: ref('SourceRef'),
    },
    {
      quickOperation: list(ref('Field')),
      extensionOf: ref('ImplId'),
      detailField: { ...str, description: 'The field whose literal is the second part of the key.' },
    },
  ),
  MatrixRow: obj(
    { name: str, title: str, support: byImpl(ref('SupportLevel')), note: str, source: ref('SourceRef') },
    { link: str, action: str },
  ),
  Implementation: obj({ id: ref('ImplId'), label: str, standard: bool }),
};

/** The protocol facts are plain values; their shape is checked loosely (names → numbers/strings). */
const PROTOCOL = obj({
  envelope: obj({ request: { type: 'object' }, response: { type: 'object' } }),
  retcode: { type: 'object', additionalProperties: int },
  httpStatus: { type: 'object', additionalProperties: int },
  retcodeHttpStatus: { type: 'object', propertyNames: { pattern: '^[0-9]+$' }, additionalProperties: int },
  asyncSuffix: str,
  rateLimitedSuffix: str,
  hiddenPrefix: str,
  header: { type: 'object', additionalProperties: str },
  wsPath: { type: 'object', additionalProperties: str },
  accessTokenQuery: str,
});

export function modelSchema(): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'onebot-codegen model',
    description: `The model onebot-codegen builds from the OneBot 11 docs, format version ${FORMAT_VERSION}.`,
    ...obj({
      $schema: str,
      formatVersion: { const: FORMAT_VERSION },
      generator: str,
      implementations: list(ref('Implementation')),
      protocol: PROTOCOL,
      pages: list(ref('Page')),
      actions: list(ref('Action')),
      segments: list(ref('Segment')),
      eventCommon: list(ref('Field')),
      events: list(ref('EventType')),
      matrix: list(ref('MatrixRow')),
    }),
    $defs: DEFS,
  };
}

export function modelSchemaTarget(): RawFile {
  return { path: MODEL_SCHEMA_PATH, text: `${JSON.stringify(modelSchema(), null, 2)}\n` };
}
