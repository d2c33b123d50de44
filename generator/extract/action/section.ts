/**
 * The default section kind: an action (or a section of shared sub-types), via the construct handlers.
 * The action is named by a bullet (`` - `get_x` ``) or, in the standard's layout, by the heading.
 */
import { assembleSection } from './assemble.js';
import { createDraft } from './draft.js';
import { handleNode } from './handlers.js';
import { headingAction } from './heading.js';
import { unplacedNested } from './nested.js';
import { forgetLabel } from './statements.js';
import type { SectionKind } from '../types.js';

export const actionSection: SectionKind = {
  name: 'action',
  matches: () => true,
  build(state, section, out) {
    const { head, title } = headingAction(state, section);
    const draft = createDraft(title, section.source);
    if (head) draft.actions.push(head);
    section.nodes.forEach((node, i) => {
      draft.next = section.nodes[i + 1];
      handleNode(state, draft, node);
    });
    unplacedNested(state, draft);
    forgetLabel(draft);
    // A bullet naming the heading's action again says more (its tag): the bullet wins.
    if (head && draft.actions.slice(1).some((a) => a.name === head.name)) draft.actions.shift();
    const built = assembleSection(state, draft);
    out.actions.push(...built.actions);
    if (built.typeSection) out.typeSections.push(built.typeSection);
  },
};
