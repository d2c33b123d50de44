/**
 * The original OneBot 11 standard's layout names the action in the `##` heading instead of a bullet:
 *
 *     ## `send_private_msg` 发送私聊消息      → action `send_private_msg` (standard), titled 发送私聊消息
 *     ## `get_thing` 获取东西 (gocq拓展)      → action `get_thing`, tag gocq
 *     ## `/api` 接口                          → no action: not an action name
 *
 * The heading must open with the name in inline code; what follows is the title.
 */
import type { PhrasingContent } from 'mdast';
import { tagFromText } from '../mdast/impls.js';
import { textOf } from '../mdast/text.js';
import { type BuildState, refOf, warn } from '../state.js';
import type { RawSection } from '../types.js';
import type { ActionHead } from './draft.js';

/** An action name as bullets and headings write it: `get_x`, `_get_x`, `.get_x`, `get-x`. */
export const ACTION_NAME = /^[.\w-]+$/;
/** `(gocq拓展)`, `（NapCat 扩展）` anywhere after the name. */
const TAG = /[(（]\s*[^()（）]*?(?:拓展|扩展)[^()（）]*[)）]/;

/** The action a heading names and the section's title without the name; no head when it names none. */
export function headingAction(state: BuildState, section: RawSection): { head?: ActionHead; title: string } {
  const children = section.heading.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  const first = children[0];
  if (first?.type !== 'inlineCode' || !ACTION_NAME.test(first.value.trim())) return { title: section.title };
  const name = first.value.trim();
  const rest = textOf(children.slice(1) as PhrasingContent[]);
  const tagText = TAG.exec(rest)?.[0];
  let tag = tagText ? tagFromText(tagText) : 'none';
  if (!tag) {
    warn(
      state,
      'unknown-implementation',
      section.heading,
      `unknown extension tag "${tagText}"; the action is treated as standard`,
    );
    tag = 'none';
  }
  const title = (tagText ? rest.replace(tagText, '') : rest).trim() || name;
  return { head: { name, tag, source: refOf(state, section.heading) }, title };
}
