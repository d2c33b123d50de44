/**
 * A message segment section → one `Segment`.
 *
 *     ## 表情 <Badge text="发"/>                    { type: 'face', title: '表情', id: 'face',
 *     ```json                                         fields: [{ name: 'id', type: string,
 *     { "type": "face", "data": { "id": "1" } }  →      receive: true, send: true, required: true,
 *     ```                                                requiredOnReceive: true, requiredOnSend: true }] }
 *     | 参数名 | 收 | 发 | 可能的值 | 说明    |
 *     | `id`   | ✓  | ✓  | -        | 表情编号 |
 *
 * A section is a segment when it has a table with both a 收 and a 发 column; or, for segments
 * without parameters (`[CQ:dice]`), when it has no table, its first code block is a JSON example
 * that is exactly `{ "type": …, "data": … }` and a CQ-code example names the same type.
 *
 * `type` comes from the first JSON example, else from the first CQ-code example (`[CQ:face,id=1]`);
 * with neither, the section is skipped (`segment-type`). Other code blocks (the plain-text form of
 * a `text` segment) are ignored; tables without 收/发, containers and headings are reported.
 *
 *
 * Fields: see segment-fields.ts.
 */
import { isRecord } from '../mdast/infer.js';
import type { Blockquote, Code, List, Paragraph, RootContent, Table } from 'mdast';
import { parseJsonExample } from '../../parse/json-example.js';
import { type HandlerTable, dispatch } from '../dispatch.js';
import type { Segment, SegmentField, SourceRef } from '../../model/types.js';
import { checkExampleKeys, segmentFields } from './fields.js';
import type { RawSection, SectionKind } from '../types.js';
import { type BuildState, refOf, warn } from '../state.js';
import { type ReadTable, readTable, tableRoles } from '../mdast/table.js';
import { proseOf, textOf } from '../mdast/text.js';

export const segmentSection: SectionKind = {
  name: 'segment',
  matches: (section) => section.nodes.some(isSegmentTable) || isTableLessSegment(section),
  build(state, section, out) {
    const draft: Draft = { examples: [], cqCodes: [], description: [], footnotes: new Map() };
    for (const node of section.nodes) {
      if (!dispatch(HANDLERS, state, draft, node))
        warn(state, 'unexpected-construct', node, `a ${node.type} in a segment section is ignored`);
      draft.previous = node;
    }
    const segment = assemble(state, section, draft);
    if (segment) out.segments.push(segment);
  },
};

export interface Example {
  readonly type?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly source: SourceRef;
}

export interface Draft {
  readonly examples: Example[];
  readonly cqCodes: { readonly type: string; readonly source: SourceRef }[];
  table?: ReadTable;
  readonly description: string[];
  /** `[1] …` paragraphs (and the list after one) by footnote number. */
  readonly footnotes: Map<string, string[]>;
  previous?: RootContent;
}

const HANDLERS: HandlerTable<Draft> = {
  code: handleCode,
  table: handleTable,
  paragraph: handleParagraph,
  list: handleList,
  blockquote: handleBlockquote,
  html: 'ignore',
  thematicBreak: 'ignore',
  definition: 'ignore',
  footnoteDefinition: 'ignore',
};

/** `[CQ:face,id=123]` → `face`. */
const CQ_CODE = /^\[CQ:([^,\]\s]+)[,\]]/;
/** `[1] 发送时，…` → `1`. */
const FOOTNOTE = /^\[(\d+)\]\s*/;

function isSegmentTable(node: RootContent): node is Table {
  if (node.type !== 'table') return false;
  const roles = tableRoles(node);
  return roles.includes('receive') && roles.includes('send');
}

/** No table; `{ "type": "dice", "data": {} }` first, and `[CQ:dice]` somewhere. */
function isTableLessSegment(section: RawSection): boolean {
  if (section.nodes.some((n) => n.type === 'table')) return false;
  const codes = section.nodes.filter((n): n is Code => n.type === 'code');
  if (!codes[0] || !isJson(codes[0])) return false;
  const value = parseJsonExample(codes[0].value).values[0]?.value;
  if (!isRecord(value) || Object.keys(value).length !== 2 || !isRecord(value['data'])) return false;
  return typeof value['type'] === 'string' && codes.some((c) => cqType(c) === value['type']);
}

/** ```json (json5, jsonc), or an unlabelled block that starts like JSON and not like a CQ code. */
const isJson = (node: Code) =>
  node.lang ? /^json[5c]?$/i.test(node.lang) : /^\s*[[{]/.test(node.value) && !CQ_CODE.test(node.value.trimStart());
const cqType = (node: Code) => (isJson(node) ? undefined : CQ_CODE.exec(node.value.trimStart())?.[1]);

function handleCode(state: BuildState, draft: Draft, node: Code): void {
  const at = refOf(state, node);
  if (!isJson(node)) {
    const type = cqType(node);
    if (type !== undefined) draft.cqCodes.push({ type, source: { file: at.file, line: at.line + 1, column: 1 } });
    return;
  }
  const { values, problems } = parseJsonExample(node.value);
  for (const p of problems) {
    const source = { file: at.file, line: at.line + p.line, column: p.column };
    warn(state, 'invalid-example', source, `example is not valid JSON5: ${p.message}; it is left out of the model`);
  }
  for (const { value, line, column } of values) {
    if (!isRecord(value)) continue;
    const type = typeof value['type'] === 'string' ? { type: value['type'] } : {};
    const data = isRecord(value['data']) ? value['data'] : {};
    draft.examples.push({ ...type, data, source: { file: at.file, line: at.line + line, column } });
  }
}

function handleTable(state: BuildState, draft: Draft, node: Table): void {
  if (!isSegmentTable(node) || draft.table) {
    const what = draft.table ? 'a second 收/发 table' : 'a table without 收 and 发 columns';
    return warn(state, 'unexpected-construct', node, `${what} in a segment section is ignored`);
  }
  draft.table = readTable(state, node);
  if (!draft.table)
    warn(state, 'table-header', node, 'the 收/发 table has no 参数名 column; the segment has no fields');
}

/** `[1] …` is a footnote; `**例 1**` alone is a label; anything else describes the segment. */
function handleParagraph(_state: BuildState, draft: Draft, node: Paragraph): void {
  const key = footnoteKey(node);
  if (key !== undefined) draft.footnotes.set(key, [proseOf(node).replace(FOOTNOTE, '')]);
  else if (!isLabel(node)) draft.description.push(proseOf(node));
}

/** A list right after a footnote paragraph belongs to that footnote. */
function handleList(_state: BuildState, draft: Draft, node: List): void {
  const items = node.children.map((item) => `- ${proseOf(item).replaceAll('\n', ' ')}`);
  const key = draft.previous?.type === 'paragraph' ? footnoteKey(draft.previous) : undefined;
  (key === undefined ? draft.description : draft.footnotes.get(key)!).push(...items);
}

/** `> **提示**` / `> 正文` → `正文`: the label line is dropped. */
function handleBlockquote(_state: BuildState, draft: Draft, node: Blockquote): void {
  const [first, ...rest] = node.children;
  const body = first?.type === 'paragraph' && isLabel(first) ? rest : node.children;
  const text = body.map((n) => proseOf(n)).join('\n');
  if (text) draft.description.push(text);
}

const footnoteKey = (node: Paragraph) => FOOTNOTE.exec(textOf(node))?.[1];
const isLabel = (node: Paragraph) => node.children.length === 1 && node.children[0]!.type === 'strong';

function assemble(state: BuildState, section: RawSection, draft: Draft): Segment | undefined {
  const title = textOf(section.heading.children.filter((n) => n.type !== 'html'));
  const type = segmentType(state, section, title, draft);
  if (type === undefined) return undefined;
  const used = new Set<string>();
  const fields = draft.table ? segmentFields(state, draft, used) : [];
  checkExampleKeys(state, draft.examples, fields);
  const unused = [...draft.footnotes].filter(([key]) => !used.has(key)).flatMap(([, lines]) => lines);
  const description = [...draft.description, ...unused].join('\n');
  return {
    type,
    title,
    description,
    fields,
    ...directions(section, fields),
    id: type,
    source: section.source,
  };
}

/**
 * `## 合并转发 <Badge text="收"/>` is receive-only, `<Badge text="发"/>` send-only; without a badge
 * the 收/发 ticks decide, and a segment without fields goes both ways.
 */
function directions(section: RawSection, fields: readonly SegmentField[]): { receive: boolean; send: boolean } {
  const badge = section.heading.children.flatMap((n) =>
    n.type === 'html' ? [/text\s*=\s*"([^"]*)"/.exec(n.value)?.[1]] : [],
  );
  const receiveBadge = badge.some((b) => b?.includes('收'));
  const sendBadge = badge.some((b) => b?.includes('发'));
  if (receiveBadge || sendBadge) return { receive: receiveBadge, send: sendBadge };
  if (fields.length === 0) return { receive: true, send: true };
  return { receive: fields.some((f) => f.receive), send: fields.some((f) => f.send) };
}

/** The first JSON example's type, else the first CQ code's; every example naming another is reported. */
function segmentType(state: BuildState, section: RawSection, title: string, draft: Draft): string | undefined {
  const named = [...draft.examples.filter((e) => e.type !== undefined), ...draft.cqCodes];
  const type = named[0]?.type;
  if (type === undefined) {
    const message = `segment section "${title}" has no JSON or CQ-code example that names its type; it is skipped`;
    return void warn(state, 'segment-type', section.source, message);
  }
  for (const other of named.filter((e) => e.type !== type)) {
    const message = `this example names type \`${other.type}\`, but the section's first example names \`${type}\`; \`${type}\` is used`;
    warn(state, 'segment-type', other.source, message, [named[0]!.source]);
  }
  return type;
}
