/**
 * Rows of a segment's 收/发 table → its fields.
 *
 * Segment data values are strings in OneBot 11.
 * - receive / send: the 收 / 发 cell holds ✓ (`✓<sup>[1]</sup>` too); any other cell is false. The
 *   footnote paragraph `[1] …` (and a list right after it) is appended to the field's description.
 * - type: `string`, narrowed to literals when 可能的值 lists only inline code. OneBot 11 lets every
 *   `0`/`1` parameter also be `no`/`yes`/`false`/`true`, so `0` `1` becomes all six spellings (in
 *   both directions: received values are read with the same leniency). A field that an example
 *   gives an array of segments (`"content": [{ "type": "face", … }]`) is a `message`. 可能的值
 *   that is not literal-only (`见 表情编号表`) is appended to the description.
 * - requiredOnSend / requiredOnReceive, each false for a direction the field is not ticked for.
 *   Sending, it is optional when its description says 可选, 选填, 默认 (it has a default) or
 *   无此参数 (leaving it out means something). Receiving, it is optional when the description says
 *   无此参数 or a bare 可选/选填; `发送时可选` is about sending, such a field is always present
 *   when received:
 *
 *       | `content` | ✓ | ✓ | -       | 发送时可选，内容描述 |  →  requiredOnReceive: true,  requiredOnSend: false
 *       | `type`    | ✓ | ✓ | `flash` | 无此参数表示普通     |  →  requiredOnReceive: false, requiredOnSend: false
 *
 *   `required` is true when the field is required in every direction it is ticked for.
 */
import { isRecord } from '../mdast/infer.js';
import type { PhrasingContent } from 'mdast';
import type { SegmentField, TypeRef } from '../../model/types.js';
import { narrowToValues } from '../mdast/fields.js';
import type { Draft, Example } from './section.js';
import { type BuildState, warn } from '../state.js';
import type { TableRow } from '../mdast/table.js';
import { proseOf, textOf } from '../mdast/text.js';

const STRING: TypeRef = { kind: 'string' };
const MESSAGE: TypeRef = { kind: 'message' };
/** 可能的值 cells that say nothing. */
const NO_VALUES = new Set(['', '-', '—']);
const FLAG_SPELLINGS = ['0', '1', 'no', 'yes', 'false', 'true'];
const SEND_OPTIONAL = /可选|选填|默认|无此参数/;
const RECEIVE_OPTIONAL = /无此参数|(?<!发送时)(?:可选|选填)/;

export function segmentFields(state: BuildState, draft: Draft, usedNotes: Set<string>): SegmentField[] {
  const messages = messageKeys(draft.examples);
  const fields = new Map<string, SegmentField>();
  for (const row of draft.table!.rows) {
    const name = nameOf(row.cells.name);
    if (!name) {
      warn(state, 'table-cells', row.source, 'row has no field name; it is skipped');
      continue;
    }
    const notes = [noteOf(row.cells.receive), noteOf(row.cells.send)].filter((k) => k !== undefined);
    for (const key of notes) usedNotes.add(key);
    const field = rowField(
      row,
      name,
      [...new Set(notes)].flatMap((k) => draft.footnotes.get(k) ?? []),
      messages,
    );
    if (!field.receive && !field.send)
      warn(
        state,
        'segment-field',
        row.source,
        `field \`${name}\` has ✓ in neither 收 nor 发; it is in no segment form`,
      );
    const earlier = fields.get(name);
    if (earlier)
      warn(state, 'duplicate-field', row.source, `field \`${name}\` is listed twice; the later row wins`, [
        earlier.source,
      ]);
    fields.set(name, field);
  }
  return [...fields.values()];
}

function rowField(row: TableRow, name: string, notes: readonly string[], messages: Set<string>): SegmentField {
  const receive = ticked(row.cells.receive);
  const send = ticked(row.cells.send);
  const stated = proseOf(row.cells.description);
  const isMessage = messages.has(name);
  const type = isMessage ? MESSAGE : withFlagSpellings(narrowToValues(STRING, row.cells.values));
  // 可能的值 that did not become literals (`见 表情编号表`, `QQ 号、\`all\``) is kept as prose.
  const values = type.kind === 'string' ? proseOf(row.cells.values) : '';
  const requiredOnSend = send && !SEND_OPTIONAL.test(stated);
  const requiredOnReceive = receive && !RECEIVE_OPTIONAL.test(stated);
  return {
    name,
    type,
    required: (!send || requiredOnSend) && (!receive || requiredOnReceive),
    description: [stated, !NO_VALUES.has(values) && `可能的值：${values}`, ...notes].filter(Boolean).join('\n'),
    // No type column: '' (the type is OneBot's string rule), or `example` when an example made it a message.
    rawType: isMessage ? 'example' : '',
    receive,
    send,
    requiredOnReceive,
    requiredOnSend,
    source: row.source,
  };
}

/** `` `id` `` → `id`; a cell without inline code gives its text. */
function nameOf(cell: readonly PhrasingContent[] | undefined): string {
  const code = cell?.find((n) => n.type === 'inlineCode');
  return code?.type === 'inlineCode' ? code.value.trim() : textOf(cell);
}

const ticked = (cell: readonly PhrasingContent[] | undefined) => /[✓✔√]/.test(textOf(cell));
const noteOf = (cell: readonly PhrasingContent[] | undefined) => /\[(\d+)\]/.exec(textOf(cell))?.[1];

/** `'0' | '1'` → `'0' | '1' | 'no' | 'yes' | 'false' | 'true'`; other types unchanged. */
function withFlagSpellings(type: TypeRef): TypeRef {
  if (type.kind !== 'union' || type.members.length !== 2) return type;
  const values = type.members.map((m) => (m.kind === 'literal' ? m.value : undefined)).sort();
  if (values[0] !== '0' || values[1] !== '1') return type;
  return { kind: 'union', members: FLAG_SPELLINGS.map((value): TypeRef => ({ kind: 'literal', value })) };
}

/** Data keys some example sets to an array of `{ type, data }` objects. */
function messageKeys(examples: readonly Example[]): Set<string> {
  const isSegment = (v: unknown) => isRecord(v) && typeof v['type'] === 'string' && 'data' in v;
  return new Set(
    examples.flatMap((e) =>
      Object.entries(e.data)
        .filter(([, v]) => Array.isArray(v) && v.length > 0 && v.every(isSegment))
        .map(([k]) => k),
    ),
  );
}

/** Each data key an example sets that the table does not list, reported once. */
export function checkExampleKeys(
  state: BuildState,
  examples: readonly Example[],
  fields: readonly SegmentField[],
): void {
  const known = new Set(fields.map((f) => f.name));
  for (const example of examples) {
    for (const key of Object.keys(example.data).filter((k) => !known.has(k))) {
      known.add(key);
      const message = `the example sets \`data.${key}\`, which the 收/发 table does not list; it is not typed`;
      warn(state, 'segment-field', example.source, message);
    }
  }
}
