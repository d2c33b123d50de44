/**
 * Bullet lists: the action bullet, implementation bullets, and labels.
 *
 *     - `get_online_clients` (gocq拓展)          → the section's action, tag gocq
 *     - `NapCat`                                 → the next table is NapCat's
 *     - `Lagrange`: 返回值同样是 `number` 类型    → a note on Lagrange
 *     - `NapCat`: 请参考上方 `NapCat` 的响应数据   → NapCat's body comes from its examples
 *     - 对象1                                    → label of the next table
 */
import type { List, ListItem, PhrasingContent } from 'mdast';
import { parseDeltas } from './deltas.js';
import type { ImplId } from '../../model/types.js';
import { type SectionDraft, addNote, currentPart } from './draft.js';
import { addProse } from './prose.js';
import { implFromName, implMentioned, tagFromText } from '../mdast/impls.js';
import { type BuildState, refOf, warn } from '../state.js';
import { proseOf, textOf } from '../mdast/text.js';

export function handleList(state: BuildState, draft: SectionDraft, node: List): void {
  for (const item of node.children) handleItem(state, draft, item);
}

function handleItem(state: BuildState, draft: SectionDraft, item: ListItem): void {
  const [first, ...rest] = item.children;
  const lead = first?.type === 'paragraph' ? first.children : [];
  const code = lead[0]?.type === 'inlineCode' ? lead[0].value.trim() : undefined;
  const after = textOf(lead.slice(1) as PhrasingContent[]);
  const impl = code ? implFromName(code) : undefined;
  if (impl) return implBullet(state, draft, item, impl, [lead.slice(1), ...rest.map(phrasingOf)]);
  if (code !== undefined && /^[.\w-]+$/.test(code) && !draft.sawPartHeading) {
    const tag = tagFromText(after);
    if (tag) return void draft.actions.push({ name: code, tag, source: refOf(state, item) });
    if (/拓展|扩展/.test(after)) {
      warn(
        state,
        'unknown-implementation',
        item,
        `unknown extension tag "${after}"; the action is treated as standard`,
      );
      return void draft.actions.push({ name: code, tag: 'none', source: refOf(state, item) });
    }
  }
  const text = proseOf(item);
  if (/^对象\s*\d+$|^object\s*\d+$/i.test(text)) return void (draft.pendingLabel = text);
  addProse(state, draft, item, text);
}

/** `- \`NapCat\`: note` switches the implementation context and keeps the note. */
function implBullet(
  state: BuildState,
  draft: SectionDraft,
  item: ListItem,
  impl: ImplId,
  notes: readonly (readonly PhrasingContent[])[],
): void {
  draft.impl = impl;
  draft.pendingLabel = undefined;
  draft.pendingType = undefined;
  const source = refOf(state, item);
  for (const nodes of notes) {
    const text = noteText(nodes);
    if (!text) continue;
    addNote(draft, impl, { text, source });
    const part = currentPart(draft, source);
    part?.deltas.push(...parseDeltas(codeText(nodes).replace(/^[:：]\s*/, ''), source));
    const target = /参考上方\s*(\S+?)\s*的/.exec(text);
    if (part && target) part.refersTo = implMentioned(target[1]!) ?? impl;
    if (part && /数组/.test(text)) part.arrayHint = true;
  }
}

/** Text after the implementation name, without the `:` that introduces it. */
function noteText(nodes: readonly PhrasingContent[]): string {
  return proseOf(nodes as PhrasingContent[]).replace(/^[:：]\s*/, '');
}

/** Like the text, but inline code keeps its backticks, which is what delta rules read. */
function codeText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) =>
      n.type === 'inlineCode'
        ? `\`${n.value}\``
        : 'children' in n
          ? codeText(n.children as PhrasingContent[])
          : 'value' in n
            ? n.value
            : '',
    )
    .join('')
    .trim();
}

/** A nested list under an implementation bullet: its items' phrasing, one note per item. */
function phrasingOf(node: ListItem['children'][number]): PhrasingContent[] {
  if (node.type === 'paragraph') return node.children;
  if (node.type === 'list')
    return node.children.flatMap((li) => li.children.flatMap(phrasingOf).concat({ type: 'text', value: '\n' }));
  return [{ type: 'text', value: proseOf(node) }];
}
