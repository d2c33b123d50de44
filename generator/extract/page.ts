/**
 * One page → its `##` sections → model elements, each section built by the first section kind
 * that matches it (sections.ts).
 *
 *     # Bot自身相关API          page title
 *     ## 获取登录号信息         a section, until the next `##`
 */
import type { Heading, Root, RootContent } from 'mdast';
import { SECTION_KINDS } from './section-kinds.js';
import { emptyPageBuild, type PageBuild, type RawSection } from './types.js';
import { type BuildState, refOf, report, warn } from './state.js';
import { textOf } from './mdast/text.js';

export function buildPage(state: BuildState, root: Root): PageBuild {
  const out = emptyPageBuild();
  const { preamble, sections } = splitSections(state, root.children);
  out.title = pageTitle(state, preamble);
  for (const section of sections) {
    const kind = SECTION_KINDS.find((k) => k.matches(section))!;
    // A generator bug on one section must not cost the rest of the page: report it and go on.
    try {
      kind.build(state, section, out);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      report(
        state,
        'error',
        'internal-error',
        section.source,
        `section "${section.title}" (${kind.name}) could not be read: ${why}; it is skipped`,
      );
    }
  }
  return out;
}

/** Nodes before the first `##`: the `#` title; deeper headings there are out of place. */
function pageTitle(state: BuildState, nodes: readonly RootContent[]): string {
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

function splitSections(
  state: BuildState,
  children: readonly RootContent[],
): { preamble: RootContent[]; sections: RawSection[] } {
  const preamble: RootContent[] = [];
  const sections: { heading: Heading; nodes: RootContent[] }[] = [];
  for (const node of children) {
    if (node.type === 'heading' && node.depth === 2) sections.push({ heading: node, nodes: [] });
    else (sections.at(-1)?.nodes ?? preamble).push(node);
  }
  const definitions = new Map<string, string>();
  for (const node of children)
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  return {
    preamble,
    sections: sections.map((s) => ({ ...s, title: textOf(s.heading), source: refOf(state, s.heading), definitions })),
  };
}
