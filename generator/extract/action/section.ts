/** The default section kind: an action (or a section of shared sub-types), via the construct handlers. */
import { assembleSection } from './assemble.js';
import { createDraft } from './draft.js';
import { handleNode } from './handlers.js';
import type { SectionKind } from '../types.js';

export const actionSection: SectionKind = {
  name: 'action',
  matches: () => true,
  build(state, section, out) {
    const draft = createDraft(section.title, section.source);
    for (const node of section.nodes) handleNode(state, draft, node);
    const built = assembleSection(state, draft);
    out.actions.push(...built.actions);
    if (built.typeSection) out.typeSections.push(built.typeSection);
  },
};
