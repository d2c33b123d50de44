/**
 * One page → its `##` sections → actions and shared type sections.
 *
 *     # Bot自身相关API          page title
 *     ## 获取登录号信息         a section: its nodes go through the construct handlers
 *     - `get_login_info`       …until the next `##`
 */
import type { Root, RootContent } from 'mdast';
import type { Action, TypeSection } from '../types.js';
import { assembleSection } from './assemble.js';
import { createDraft } from './draft.js';
import { handleNode } from './handlers.js';
import { type BuildState, refOf, warn } from './state.js';
import { textOf } from './text.js';

export interface PageBuild {
  readonly title: string;
  readonly actions: Action[];
  readonly typeSections: TypeSection[];
}

export function buildPage(state: BuildState, root: Root): PageBuild {
  const out: PageBuild = { title: '', actions: [], typeSections: [] };
  let title = '';
  for (const section of sections(root.children)) {
    if (!section.heading) {
      title = pagePreamble(state, section.nodes) || title;
      continue;
    }
    const draft = createDraft(textOf(section.heading), refOf(state, section.heading));
    for (const node of section.nodes) handleNode(state, draft, node);
    const built = assembleSection(state, draft);
    out.actions.push(...built.actions);
    if (built.typeSection) out.typeSections.push(built.typeSection);
  }
  return { ...out, title };
}

/** Nodes before the first `##`: the `#` title; deeper headings there are out of place. */
function pagePreamble(state: BuildState, nodes: readonly RootContent[]): string {
  let title = '';
  for (const node of nodes) {
    if (node.type !== 'heading') continue;
    if (node.depth === 1 && !title) title = textOf(node);
    else
      warn(
        state,
        'misplaced-heading',
        node,
        `heading "${textOf(node)}" (depth ${node.depth}) comes before the first \`##\` section`,
      );
  }
  return title;
}

interface RawSection {
  readonly heading?: Extract<RootContent, { type: 'heading' }>;
  readonly nodes: RootContent[];
}

function sections(children: readonly RootContent[]): RawSection[] {
  const out: RawSection[] = [{ nodes: [] }];
  for (const node of children) {
    if (node.type === 'heading' && node.depth === 2) out.push({ heading: node, nodes: [] });
    else out[out.length - 1]!.nodes.push(node);
  }
  return out;
}
