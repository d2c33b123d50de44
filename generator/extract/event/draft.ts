/**
 * One handler per Markdown construct inside an event section, filling an EventDraft:
 *
 *     ## 群消息
 *     > [!note] 拓展字段 …                  → description
 *     ### 事件数据                          → the data table follows (meta events have no sub-heading)
 *     | `sender` | object | - | … |
 *     其中 `sender` 字段的内容如下：  + table → that table is `sender`'s object
 *     需要注意的是，…                       → after a nested table: that field's description
 *     `status` 字段的内容和 … 相同。         → a sentence in `status`'s description (stays an open object)
 *     ### 快速操作  + table                  → quick-operation fields (默认情况 → default)
 */
import type { Blockquote, Heading, List, Paragraph, RootContent, Table } from 'mdast';
import { type HandlerTable, dispatch } from '../dispatch.js';
import { implMentioned } from '../mdast/impls.js';
import type { Field, ImplId, SourceRef } from '../../model/types.js';
import { fieldParagraph, findField, quickOperationFields, updateField, withObject } from './fields.js';
import { fieldsFromTable } from '../mdast/fields.js';
import { type BuildState, refOf, warn } from '../state.js';
import { type ReadTable, readTable } from '../mdast/table.js';
import { proseOf, textOf } from '../mdast/text.js';

type Part = 'data' | 'quick';

export interface EventDraft {
  /** Where tables go: `lead` is before any sub-heading; `other` is under a heading we do not know. */
  part: 'lead' | Part | 'other';
  data?: Field[];
  quick?: Field[];
  readonly description: string[];
  /** An implementation a `拓展` note names: the event is its extension. */
  extensionOf?: ImplId;
  /** A field paragraph ending in 如下 waits for its table or list (`unknown`: already reported, drop it). */
  pending?: { readonly part: Part; readonly path: readonly string[]; readonly source: SourceRef; unknown?: true };
  /** The field the last nested table described: prose right after it is about that field. */
  lastNested?: { readonly part: Part; readonly path: readonly string[] };
}

export const DATA_HEADINGS = /^(事件数据|上报数据)$/;
const QUICK_HEADINGS = /^快速操作$/;

const handlers: HandlerTable<EventDraft> = {
  heading: onHeading,
  table: onTable,
  paragraph: onParagraph,
  list: onList,
  blockquote: onBlockquote,
  code: 'ignore',
  container: 'ignore',
  html: 'ignore',
  thematicBreak: 'ignore',
  definition: 'ignore',
  footnoteDefinition: 'ignore',
};

export function handleEventNode(state: BuildState, draft: EventDraft, node: RootContent): void {
  if (node.type !== 'table' && node.type !== 'list') dropPending(state, draft);
  if (dispatch(handlers, state, draft, node)) return;
  warn(state, 'event-layout', node, `a ${node.type} node is not part of the event layout; it is ignored`);
}

/** A 如下 paragraph whose table or list never came (at the next other node, or the section end). */
export function dropPending(state: BuildState, draft: EventDraft): void {
  const pending = draft.pending;
  draft.pending = undefined;
  if (pending && !pending.unknown)
    warn(
      state,
      'event-layout',
      pending.source,
      `no table or list follows the paragraph about \`${pending.path.join('.')}\``,
    );
}

function onHeading(state: BuildState, draft: EventDraft, node: Heading): void {
  const text = textOf(node);
  draft.lastNested = undefined;
  if (node.depth >= 3 && DATA_HEADINGS.test(text)) draft.part = 'data';
  else if (node.depth >= 3 && QUICK_HEADINGS.test(text)) draft.part = 'quick';
  else {
    draft.part = 'other';
    warn(state, 'event-layout', node, `heading "${text}" is not part of an event section; what follows it is ignored`);
  }
}

function onTable(state: BuildState, draft: EventDraft, node: Table): void {
  if (draft.part === 'other') return;
  const table = readTable(state, node);
  if (!table) return warn(state, 'event-layout', node, 'table has no 字段名 column; it is ignored');
  const pending = draft.pending;
  draft.pending = undefined;
  if (pending) return pending.unknown ? undefined : nestTable(state, draft, pending, table);
  if (draft.part === 'quick' && !draft.quick) return void (draft.quick = quickOperationFields(state, table));
  if (draft.part !== 'quick' && !draft.data)
    return void (draft.data = [...fieldsFromTable(state, table, 'response').fields]);
  warn(state, 'event-layout', node, 'table is not introduced by a "`field` 字段的内容如下" paragraph; it is ignored');
}

/** The table describes the object of the field the paragraph before it named. */
function nestTable(
  state: BuildState,
  draft: EventDraft,
  pending: NonNullable<EventDraft['pending']>,
  table: ReadTable,
) {
  const shape = fieldsFromTable(state, table, pending.part === 'quick' ? 'params' : 'response');
  const object = { kind: 'object' as const, fields: shape.fields, ...(shape.open ? { open: true } : {}) };
  const fields = pending.part === 'quick' ? draft.quick! : draft.data!;
  let fits = true;
  updateField(fields, pending.path, (f) => {
    const type = withObject(f.type, object);
    fits = type !== undefined;
    return type ? { ...f, type } : f;
  });
  if (!fits)
    warn(state, 'event-layout', table.source, `\`${pending.path.join('.')}\` is not an object; the table is ignored`);
  else draft.lastNested = { part: pending.part, path: pending.path };
}

function onParagraph(state: BuildState, draft: EventDraft, node: Paragraph): void {
  const text = proseOf(node);
  const named = fieldParagraph(node);
  if (named && draft.part !== 'other') {
    const part: Part = draft.part === 'quick' ? 'quick' : 'data';
    const fields = draft[part];
    const source = refOf(state, node);
    draft.lastNested = undefined;
    if (!fields || !findField(fields, named.path)) {
      const what = named.opensBlock ? 'it and what it introduces are' : 'it is';
      warn(
        state,
        'event-layout',
        node,
        `paragraph about \`${named.path.join('.')}\`, which the table does not list; ${what} ignored`,
      );
      if (named.opensBlock) draft.pending = { part, path: named.path, source, unknown: true };
      return;
    }
    if (named.opensBlock) draft.pending = { part, path: named.path, source };
    else appendTo(fields, named.path, text);
    return;
  }
  if (draft.lastNested) return appendTo(draft[draft.lastNested.part]!, draft.lastNested.path, text);
  if (draft.part !== 'other') draft.description.push(text);
}

/** A list after a field paragraph lists that field's values; elsewhere it is description. */
function onList(_state: BuildState, draft: EventDraft, node: List): void {
  const lines = node.children.map((item) => `- ${proseOf(item).replaceAll('\n', ' ')}`);
  const pending = draft.pending;
  draft.pending = undefined;
  if (pending) return pending.unknown ? undefined : appendTo(draft[pending.part]!, pending.path, lines.join('\n'));
  if (draft.part !== 'other') draft.description.push(lines.join('\n'));
}

/** `> [!note] 拓展字段` / `> Lagrange.OneBot` → `拓展字段\nLagrange.OneBot`. */
function onBlockquote(_state: BuildState, draft: EventDraft, node: Blockquote): void {
  const text = proseOf(node).replace(/^\[!\w+\]\s*/, '');
  if (text) draft.description.push(text);
  const impl = /拓展|扩展/.test(text) ? implMentioned(text) : undefined;
  if (impl) draft.extensionOf = impl;
}

function appendTo(fields: Field[], path: readonly string[], text: string): void {
  updateField(fields, path, (f) => ({ ...f, description: [f.description, text].filter(Boolean).join('\n') }));
}
