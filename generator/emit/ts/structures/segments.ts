/**
 * Pure builders for message segments: model → ts-morph structures. No Project, no I/O.
 *
 *     face   (every field 收 and 发)    →  export interface FaceSegment { type: 'face'; data: { id: string } }
 *                                         export type SentFaceSegment = FaceSegment;
 *     image  (`url` 收 only, `cache` 发 only)
 *                                      →  export interface ImageSegment { type: 'image'; data: { file: string; url: string } }
 *                                         export interface SentImageSegment { type: 'image'; data: { file: string; cache?: … } }
 *     share  (`content` 收 and 发, 发送时可选)
 *                                      →  export interface ShareSegment { type: 'share'; data: { url: string; content: string } }
 *                                         export interface SentShareSegment { type: 'share'; data: { url: string; content?: string } }
 *     music  (发 only)                  →  export interface SentMusicSegment { … }   (no received form)
 *
 * Each form has the fields ticked for its direction, optional as that direction says
 * (`segmentData`); the sent form is an alias only when its data type text is the received one's.
 *
 *     ReceivedSegment = FaceSegment | ImageSegment | …      SentSegment = SentFaceSegment | …
 *     SegmentOf<'image'> = Extract<SentSegment, { type: 'image' }>
 */
import type { InterfaceDeclarationStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../morph.js';
import { isReceived, isSent, segmentData } from '../../../model/views.js';
import { segmentTypeNames } from '../../../model/ids.js';
import type { Segment } from '../../../model/types.js';
import { docText, sourceLine } from '../jsdoc.js';
import { type TypeTextContext, typeText } from '../type-text.js';
import type { Declaration } from './declarations.js';
import type { TsNames } from '../names.js';

/**
 * The received interface and the sent one, for the directions the segment has; when both forms
 * have the same data (the same fields, each required or optional alike, the same types), the
 * sent one is an alias of the received one.
 */
export function segmentStructures(segment: Segment, tsNames: TsNames): Declaration[] {
  const names = segmentTypeNames(tsNames.segment(segment.id));
  // A `message` field (a custom forward node's `content`) is the message form of its direction.
  const received = isReceived(segment)
    ? dataText(segment, 'receive', { message: 'ReceivedMessage', names: tsNames })
    : undefined;
  const sent = isSent(segment) ? dataText(segment, 'send', { message: 'Message', names: tsNames }) : undefined;
  // Equal text is an identical shape: same keys, same `?`, same types (and the same JSDoc).
  const out: Declaration[] = [];
  if (received !== undefined)
    out.push(segmentInterface(names.received, segment, received, `the received \`${segment.type}\` segment`));
  if (sent !== undefined && sent === received)
    out.push(alias(names.sent, segmentDoc(segment, `the same as {@link ${names.received}} when sent`), names.received));
  else if (sent !== undefined)
    out.push(segmentInterface(names.sent, segment, sent, `the \`${segment.type}\` segment to send`));
  return out;
}

/** `{ /** 表情编号 … *\/ id: string }` from the fields of one direction's form. */
function dataText(segment: Segment, direction: 'receive' | 'send', ctx: TypeTextContext): string {
  return typeText({ kind: 'object', fields: segmentData(segment, direction) }, ctx);
}

function segmentInterface(name: string, segment: Segment, data: string, what: string): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: [segmentDoc(segment, what)],
    properties: [
      { kind: StructureKind.PropertySignature, name: 'type', type: `'${segment.type.replace(/['\\]/g, '\\$&')}'` },
      { kind: StructureKind.PropertySignature, name: 'data', type: data },
    ],
  };
}

/** `表情: the received \`face\` segment.` / the section's prose / `@see message/segment.md:50`. */
function segmentDoc(segment: Segment, what: string): string {
  return docText([`${segment.title}: ${what}.`, segment.description, `@see ${sourceLine(segment.source)}`]);
}

function alias(name: string, doc: string, type: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs: [doc], type };
}

/** `ReceivedSegment`, `SentSegment` and the `SegmentOf` / `ReceivedSegmentOf` lookups, in page order. */
export function segmentUnionStructures(segments: readonly Segment[], names: TsNames): TypeAliasDeclarationStructure[] {
  const union = (names: readonly string[]) => (names.length > 0 ? names.join(' | ') : 'never');
  const received = segments.filter(isReceived).map((s) => segmentTypeNames(names.segment(s.id)).received);
  const sent = segments.filter(isSent).map((s) => segmentTypeNames(names.segment(s.id)).sent);
  const lookup = (name: string, union: string, doc: string): TypeAliasDeclarationStructure => ({
    ...alias(name, doc, `Extract<${union}, { type: T }>`),
    typeParameters: [{ name: 'T', constraint: `${union}['type']` }],
  });
  return [
    alias('ReceivedSegment', 'A message segment as received: one of the segment types the docs list.', union(received)),
    alias('SentSegment', 'A message segment to send: one of the segment types the docs list.', union(sent)),
    lookup('SegmentOf', 'SentSegment', "The segment to send of type `T`: `SegmentOf<'face'>`."),
    lookup('ReceivedSegmentOf', 'ReceivedSegment', "The received segment of type `T`: `ReceivedSegmentOf<'image'>`."),
  ];
}
