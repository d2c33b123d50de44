/**
 * One page → its `##` sections → model elements, each section built by the first section kind
 * that matches it (section-kinds.ts).
 *
 *     # Bot自身相关API          page title
 *     ## 获取登录号信息         a section, until the next `##`
 *
 * Nothing is dropped silently: a section that yields nothing and got no warning is named in an
 * `unused-section` info, and a page none of whose sections yields anything in one `unused-page` info.
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
  const unused: RawSection[] = [];
  for (const section of sections) {
    const before = { size: contributions(out), diagnostics: state.diagnostics.length };
    buildSection(state, section, out);
    const reported = state.diagnostics.slice(before.diagnostics).some((d) => d.severity !== 'info');
    if (contributions(out) === before.size && !reported) unused.push(section);
  }
  reportUnused(state, root, sections, unused, contributions(out) === 0 && unused.length === sections.length);
  return out;
}

function buildSection(state: BuildState, section: RawSection, out: PageBuild): void {
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

/** How many model elements the page has so far. */
function contributions(out: PageBuild): number {
  const { actions, typeSections, segments, events, eventCommon, matrix } = out;
  return actions.length + typeSections.length + segments.length + events.length + eventCommon.length + matrix.length;
}

/** What the generator reads from a section, for the infos. */
const READS = 'action, sub-type table, event, message segment or support matrix';

/**
 * Infos for what the page leaves unused: the whole page at once when nothing of it is used (the
 * communication pages: prose and config tables), else each unused section.
 */
function reportUnused(
  state: BuildState,
  root: Root,
  sections: readonly RawSection[],
  unused: readonly RawSection[],
  pageUnused: boolean,
): void {
  if (pageUnused) {
    const why = sections.length
      ? `none of its sections (${sections.map((s) => `"${s.title}"`).join(', ')}) holds an ${READS}`
      : 'it has no `##` section';
    const at = root.children.find((n) => n.type === 'heading' && n.depth === 1) ?? root;
    return report(state, 'info', 'unused-page', at, `nothing is generated from this page: ${why}`);
  }
  for (const section of unused)
    report(
      state,
      'info',
      'unused-section',
      section.source,
      `nothing is generated from section "${section.title}": it holds no ${READS}`,
    );
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
