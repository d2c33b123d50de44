/**
 * Target `common/message.ts`: the OneBot message type and its segments, shared by every
 * implementation's types.
 *
 * With a segment page in the inputs, each segment is typed once per direction
 * (structures/segments.ts): `ShareSegment` has the fields a received share carries, `content`
 * required; `SentShareSegment` those a sender may give, `content` optional (发送时可选).
 *
 *     export type Message = string | SentSegment | SentSegment[];
 *     export type ReceivedMessage = string | ReceivedSegment[];
 *     export type ReceivedSegment = TextSegment | FaceSegment | …;
 *     export type SentSegment = SentTextSegment | SentFaceSegment | …;
 *
 * Without one, segments are the generic `{ type, data }` shape every OneBot message has.
 * `MessageSegment` (that generic shape) is exported either way, for segments the docs do not list.
 */
import type { InterfaceDeclarationStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../ts/morph.js';
import { fileHeader } from '../ts/header.js';
import type { Model } from '../../model/types.js';
import { segmentStructures, segmentUnionStructures } from '../ts/structures/segments.js';
import type { EmittedFile } from './types.js';
import { type TsNames, tsNames } from '../ts/names.js';

const CQ_CODE_EXPORTS =
  "export { escapeParam, escapeText, parseCQString, toCQString, unescapeParam, unescapeText } from '../runtime/cq-code.js';";

export function messageTarget(model: Model, names: TsNames = tsNames(model)): EmittedFile {
  const { segments } = model;
  const statements =
    segments.length === 0
      ? [
          genericSegment('One message segment: `{ type, data }`.'),
          ...messageAliases('MessageSegment', 'MessageSegment'),
        ]
      : [
          ...messageAliases('SentSegment', 'ReceivedSegment'),
          ...segmentUnionStructures(segments, names),
          genericSegment('Any message segment, including types the docs do not list (implementation extensions).'),
          ...segments.flatMap((s) => segmentStructures(s, names)),
        ];
  return {
    path: 'common/message.ts',
    header: fileHeader(
      'OneBot 11 messages and message segments.',
      segments.map((s) => s.source.file),
    ),
    statements: [...statements, CQ_CODE_EXPORTS],
  };
}

function genericSegment(doc: string): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: 'MessageSegment',
    isExported: true,
    docs: [doc],
    properties: [
      { name: 'type', type: 'string' },
      { name: 'data', type: 'Record<string, unknown>' },
    ],
  };
}

/** `Message` (what a sender may pass) and `ReceivedMessage` (what events and responses carry). */
export function messageAliases(sent: string, received: string): TypeAliasDeclarationStructure[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: 'Message',
      isExported: true,
      docs: ['A message as sent: a CQ-code string, one segment, or an array of segments.'],
      type: `string | ${sent} | ${sent}[]`,
    },
    {
      kind: StructureKind.TypeAlias,
      name: 'ReceivedMessage',
      isExported: true,
      docs: ['A message as received: a CQ-code string or an array of segments (per `event.message_format`).'],
      type: `string | ${received}[]`,
    },
  ];
}
