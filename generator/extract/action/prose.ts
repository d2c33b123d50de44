import type { Node } from 'unist';
import { type SectionDraft, currentPart } from './draft.js';
import { type BuildState, refOf } from '../state.js';

/** Prose in a part is kept for JSDoc; `数组` in it means the tables that follow are elements. */
export function addProse(state: BuildState, draft: SectionDraft, node: Node, text: string): void {
  if (!text) return;
  const part = currentPart(draft, refOf(state, node));
  if (!part) return void draft.description.push(text);
  part.prose.push({ text, source: refOf(state, node) });
  if (/数组|列表|array/i.test(text)) part.arrayHint = true;
}
