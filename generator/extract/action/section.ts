/** The default section kind: an action (or a section of shared sub-types), via the construct handlers. */
import { assembleSection } from './assemble.js';
import { createDraft } from './draft.js';
import { handleNode } from './handlers.js';
import { unplacedNested } from './nested.js';
import { forgetLabel } from './statements.js';
import type { SectionKind } from '../types.js';

export const actionSection: SectionKind = {
  name: 'action',
  matches: () => true,
  build(state, section, out) {
    const draft = createDraft(section.title, section.source);
    section.nodes.forEach((node, i) => {
      draft.next = section.nodes[i + 1];
      handleNode(state, draft, node);
    });
    unplacedNested(state, draft);
    forgetLabel(draft);
    const built = assembleSection(state, draft);
    out.actions.push(...built.actions);
    if (built.typeSection) out.typeSections.push(built.typeSection);
  },
};
