/**
 * The event section kind, recognised by structure (never by file name):
 *
 *     ## 私聊消息                       an event: a `### 事件数据` / `### 上报数据` sub-heading, or a
 *     ### 事件数据                      first table whose `post_type` row has a 可能的值 literal
 *     | `post_type` | string | `message` | … |     → EventType { key: 'message.private', … }
 *
 *     ## 内容字段                       the common fields: `time`, `self_id` and `post_type` rows,
 *     | `post_type` | string | … |     `post_type` without a literal   → PageBuild.eventCommon
 *
 * Anything else (`## 相关配置` and its config table) is left to the next kind.
 */
import type { PhrasingContent, RootContent, Table } from 'mdast';
import type { Field, SourceRef } from '../../model/types.js';
import { type EventDraft, DATA_HEADINGS, dropPending, handleEventNode } from './draft.js';
import { nullableFromProse, singleLiteral } from './fields.js';
import type { PageBuild, RawSection, SectionKind } from '../types.js';
import { type BuildState, warn } from '../state.js';
import { tableRoles } from '../mdast/table.js';
import { textOf } from '../mdast/text.js';

export const eventSection: SectionKind = {
  name: 'event',
  matches: (section) => classify(section) !== undefined,
  build(state, section, out) {
    const draft: EventDraft = { part: 'lead', description: [] };
    for (const node of section.nodes) handleEventNode(state, draft, node);
    dropPending(state, draft);
    if (classify(section) === 'common')
      return void out.eventCommon.push({ fields: draft.data ?? [], source: section.source });
    addEvent(state, section, draft, out);
  },
};

function addEvent(state: BuildState, section: RawSection, draft: EventDraft, out: PageBuild): void {
  if (!draft.data)
    return warn(
      state,
      'event-key',
      section.source,
      `event section "${section.title}" has no data table; it is dropped`,
    );
  const fields = nullableFromProse(draft.data);
  const keyed = eventKey(state, fields, section.source);
  if (!keyed) return;
  out.events.push({
    key: keyed.key,
    id: keyed.key,
    title: section.title,
    description: draft.description.join('\n'),
    fields,
    ...(draft.quick ? { quickOperation: draft.quick } : {}),
    ...(draft.extensionOf ? { extensionOf: draft.extensionOf } : {}),
    ...(keyed.detailField ? { detailField: keyed.detailField } : {}),
    source: section.source,
  });
}

/**
 * `post_type` literal, then the detail literal, then `sub_type` when it is a single literal:
 * `message.private`, `notice.notify.poke`, `message_sent.group`.
 */
function eventKey(
  state: BuildState,
  fields: readonly Field[],
  at: SourceRef,
): { key: string; detailField?: string } | undefined {
  const find = (name: string) => fields.find((f) => f.name === name);
  const postType = singleLiteral(find('post_type'));
  if (!postType) {
    const where = find('post_type')?.source ?? at;
    return void warn(state, 'event-key', where, 'no `post_type` row with one 可能的值 literal; the event is dropped');
  }
  const detailField = detailFieldOf(state, postType, fields, at);
  const detail = detailField && singleLiteral(find(detailField));
  if (!detailField || !detail) return { key: postType };
  const sub = singleLiteral(find('sub_type'));
  return { key: [postType, detail, ...(sub ? [sub] : [])].join('.'), detailField };
}

/**
 * The field holding the detail type: `<post_type>_type` when the table has it (`message_type`,
 * `meta_event_type`), else the one other `*_type` row with a single literal (`message_sent` events,
 * the bot's own messages, carry `message_type`). Warns when there is none, or several, or the named
 * one has no single literal: the key then stops at the post_type.
 */
function detailFieldOf(
  state: BuildState,
  postType: string,
  fields: readonly Field[],
  at: SourceRef,
): string | undefined {
  const own = `${postType}_type`;
  const stated = fields.find((f) => f.name === own);
  if (stated && singleLiteral(stated)) return own;
  const others = fields.filter(
    (f) => f.name.endsWith('_type') && !NOT_DETAIL.has(f.name) && f.name !== own && singleLiteral(f),
  );
  if (!stated && others.length === 1) return others[0]!.name;
  const why =
    stated || others.length === 0
      ? `no \`${own}\` row with one literal`
      : `no \`${own}\` row, and several \`*_type\` rows with one literal (${others.map((f) => `\`${f.name}\``).join(', ')})`;
  warn(state, 'event-key', stated?.source ?? at, `${why}; the key is \`${postType}\``);
  return undefined;
}

/** `*_type` rows that never hold the detail type. */
const NOT_DETAIL = new Set(['post_type', 'sub_type']);

/** Which event construct a section is, if any; shared by `matches` and `build`. */
function classify(section: RawSection): 'event' | 'common' | undefined {
  const heading = section.nodes.some((n) => n.type === 'heading' && n.depth === 3 && DATA_HEADINGS.test(textOf(n)));
  if (heading) return 'event';
  const table = firstTable(section.nodes);
  const rows = table ? rowsByName(table) : new Map<string, readonly PhrasingContent[]>();
  const postType = rows.get('post_type');
  if (!postType) return undefined;
  if (postType.some((n) => n.type === 'inlineCode')) return 'event';
  return rows.has('time') && rows.has('self_id') ? 'common' : undefined;
}

/** The first table, unless a list comes first (an action's `- \`name\`` bullet). */
function firstTable(nodes: readonly RootContent[]): Table | undefined {
  const first = nodes.find((n) => n.type === 'table' || n.type === 'list');
  return first?.type === 'table' ? first : undefined;
}

/** Field name → its 可能的值 cell (empty when the table has no such column). */
function rowsByName(table: Table): Map<string, readonly PhrasingContent[]> {
  const roles = tableRoles(table);
  const name = roles.indexOf('name');
  const values = roles.indexOf('values');
  const out = new Map<string, readonly PhrasingContent[]>();
  if (name < 0) return out;
  for (const row of table.children.slice(1)) {
    out.set(textOf(row.children[name]), values < 0 ? [] : (row.children[values]?.children ?? []));
  }
  return out;
}
