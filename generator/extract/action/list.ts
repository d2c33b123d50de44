/**
 * Bullet lists: the action bullet, implementation bullets, labels, and bullets that are sentences.
 *
 *     - `get_online_clients` (gocq拓展)          → the section's action, tag gocq
 *     - `send_card` (gocq拓展 未收录 [源码](…))   → tag gocq; the rest is description
 *     - `NapCat`                                 → the next table is NapCat's
 *     - `Lagrange`: 返回值同样是 `number` 类型    → a note on Lagrange (and whatever it states)
 *     - 以下参数仅 `NapCat` 可用                  → the next table is NapCat's
 *     - 对象1 / 方式一 / 模板A / `flag: true`     → label of the next table: one of several bodies
 *     - 图片  + table                            → a short bullet right before a table labels it too
 */
import type { List, ListItem, PhrasingContent } from 'mdast';
import type { ImplId } from '../../model/types.js';
import { implFromName, tagFromText } from '../mdast/impls.js';
import { ACTION_NAME } from './heading.js';
import { type BuildState, refOf, warn } from '../state.js';
import { proseOf, textOf } from '../mdast/text.js';
import { type SectionDraft, addNote } from './draft.js';
import { nestList, unplacedNested } from './nested.js';
import { forgetLabel, keepProse, lineText, readLines } from './statements.js';

export function handleList(state: BuildState, draft: SectionDraft, node: List): void {
  // `\`status\` 字段的取值如下：` + a list: the field's values, kept in its description.
  if (draft.pendingNested) {
    const pending = draft.pendingNested;
    if (
      nestList(
        draft,
        node.children.map((item) => `- ${proseOf(item).replaceAll('\n', ' ')}`),
      )
    )
      return;
    draft.pendingNested = pending;
    unplacedNested(state, draft);
  }
  node.children.forEach((item, i) => handleItem(state, draft, item, i === node.children.length - 1));
}

function handleItem(state: BuildState, draft: SectionDraft, item: ListItem, last: boolean): void {
  const [first, ...rest] = item.children;
  const lead = first?.type === 'paragraph' ? first.children : [];
  const code = lead[0]?.type === 'inlineCode' ? lead[0].value.trim() : undefined;
  const impl = code ? implFromName(code) : undefined;
  if (impl) return implBullet(state, draft, item, impl, [lead.slice(1), ...rest.map(phrasingOf)]);
  if (code !== undefined && ACTION_NAME.test(code) && !draft.sawPartHeading && actionBullet(state, draft, item, code))
    return;
  const source = refOf(state, item);
  const leftover = readLines(state, draft, first?.type === 'paragraph' ? first.children : [], {
    where: 'bullet',
    source,
  });
  for (const node of rest) leftover.push(...readLines(state, draft, phrasingOf(node), { where: 'prose', source }));
  const text = leftover.join('\n');
  if (!text) return;
  // A short phrase right before a table names it, as `- 对象1` does: one of several bodies.
  if (last && draft.next?.type === 'table' && rest.length === 0 && looksLikeLabel(text)) {
    forgetLabel(draft);
    draft.pendingLabel = { text, source };
  } else keepProse(draft, text, source);
}

/** `- \`name\` (tag)`: an action; false when the text after the name is not a tag. */
function actionBullet(state: BuildState, draft: SectionDraft, item: ListItem, code: string): boolean {
  const lead = item.children[0]?.type === 'paragraph' ? item.children[0].children : [];
  const after = textOf(lead.slice(1) as PhrasingContent[]);
  const tag = tagFromText(after);
  if (tag) {
    draft.actions.push({ name: code, tag, source: refOf(state, item) });
    const rest = tagRemainder(lineText(lead.slice(1)));
    if (rest && draft.actions.length === 1) draft.description.push(rest);
    return true;
  }
  if (!/拓展|扩展/.test(after)) return false;
  warn(state, 'unknown-implementation', item, `unknown extension tag "${after}"; the action is treated as standard`);
  draft.actions.push({ name: code, tag: 'none', source: refOf(state, item) });
  return true;
}

/** `(gocq拓展 文档未收录 源码 (https://…))` → `文档未收录 源码 (https://…)`: what follows the tag word. */
function tagRemainder(text: string): string {
  const inner = /^[(（](.*)[)）]$/.exec(text.trim())?.[1] ?? text;
  return inner.replace(/^\s*[^\s()（）]*?\s*(?:拓展|扩展)[\s，,、;；:：]*/, '').trim();
}

/** A short phrase with no sentence in it: `图片消息`, `按群号`. */
function looksLikeLabel(text: string): boolean {
  return text.length > 0 && text.length <= 16 && !/[，。；！？,;!?()（）]/.test(text);
}

/** `- \`NapCat\`: note` switches the implementation context; each line of its text is a note. */
function implBullet(
  state: BuildState,
  draft: SectionDraft,
  item: ListItem,
  impl: ImplId,
  notes: readonly (readonly PhrasingContent[])[],
): void {
  draft.impl = impl;
  forgetLabel(draft);
  draft.pendingType = undefined;
  const source = refOf(state, item);
  for (const nodes of notes) {
    const text = lineText(nodes).replace(/^[:：]\s*/, '');
    if (!text) continue;
    addNote(draft, impl, { text, source });
    readLines(state, draft, nodes, { where: 'note', owner: impl, source });
  }
}

/** A nested list under an implementation bullet: its items' phrasing, one note per item. */
function phrasingOf(node: ListItem['children'][number]): PhrasingContent[] {
  if (node.type === 'paragraph') return node.children;
  if (node.type === 'list')
    return node.children.flatMap((li) => li.children.flatMap(phrasingOf).concat({ type: 'text', value: '\n' }));
  return [{ type: 'text', value: proseOf(node) }];
}
