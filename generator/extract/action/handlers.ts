/**
 * One handler per Markdown construct inside a `##` section, in a table. Each handler reads its node
 * and updates the section draft; nodes with no handler are either explicitly ignored or reported.
 */
import type { Blockquote, Code, Heading, List, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { Container } from '../../parse/containers.js';
import { type Handler as HandlerFor, type HandlerTable, dispatch } from '../dispatch.js';
import { fieldsFromTable } from '../mdast/fields.js';
import { detailsContent, handleCode, warnUnclosed } from './examples.js';
import { handleList } from './list.js';
import { nestTable, unplacedNested } from './nested.js';
import { type SectionDraft, currentPart } from './draft.js';
import { forgetLabel, readBlock } from './statements.js';
import { type BuildState, refOf, warn } from '../state.js';
import { readTable } from '../mdast/table.js';
import { proseOf, textOf } from '../mdast/text.js';

type Handler<N> = HandlerFor<SectionDraft, N>;

const handlers: HandlerTable<SectionDraft> = {
  heading: handleHeading,
  paragraph: handleParagraph,
  list: handleList as Handler<List>,
  table: handleTable,
  container: handleContainer as Handler<Container>,
  code: handleCode as Handler<Code>,
  blockquote: handleBlockquote,
  html: 'ignore',
  thematicBreak: 'ignore',
  definition: 'ignore',
  footnoteDefinition: 'ignore',
};

export function handleNode(state: BuildState, draft: SectionDraft, node: RootContent): void {
  if (node.type !== 'table' && node.type !== 'list') unplacedNested(state, draft);
  if (node.type !== 'table') forgetLabel(draft);
  if (!dispatch(handlers, state, draft, node) && draft.actions.length > 0)
    warn(state, 'unexpected-construct', node, `a ${node.type} node is not part of the action layout; it is ignored`);
}

const PARAMS_HEADINGS = /^(请求)?参数$/;
const RESPONSE_HEADINGS = /^(响应|返回)(数据|值)?$/;

/** `### 参数` / `### 响应数据` switch parts; any other `###`+ heading names a sub-type. */
function handleHeading(state: BuildState, draft: SectionDraft, node: Heading): void {
  const text = textOf(node);
  draft.impl = undefined;
  if (PARAMS_HEADINGS.test(text) || RESPONSE_HEADINGS.test(text)) {
    draft.part = PARAMS_HEADINGS.test(text) ? 'params' : 'response';
    draft.sawPartHeading = true;
    draft.pendingType = undefined;
    currentPart(draft, refOf(state, node));
    return;
  }
  if (node.depth <= 2)
    return warn(state, 'misplaced-heading', node, `heading "${text}" of depth ${node.depth} inside a section`);
  draft.pendingType = { name: text, source: refOf(state, node) };
}

/** `**Device**` alone names the next table; other prose is read for what it says. */
function handleParagraph(state: BuildState, draft: SectionDraft, node: Paragraph): void {
  const meaningful = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  if (meaningful.length === 1 && meaningful[0]!.type === 'strong') {
    draft.pendingType = { name: textOf(meaningful[0]), source: refOf(state, node) };
    return;
  }
  // The container plugin leaves a closing fence with nothing open as a paragraph of its own.
  if (/^:{3,}$/.test(proseOf(node))) {
    if (draft.actions.length > 0)
      warn(state, 'unexpected-construct', node, 'a closing `:::` with no open container; it is ignored');
    return;
  }
  readBlock(state, draft, node.children, { where: 'prose', source: refOf(state, node) });
}

/** `> [!NOTE] 标题` + lines: the alert marker goes, the lines are read like a paragraph's. */
function handleBlockquote(state: BuildState, draft: SectionDraft, node: Blockquote): void {
  for (const child of node.children) {
    const source = refOf(state, child);
    if (child.type !== 'paragraph') {
      readBlock(state, draft, [{ type: 'text', value: proseOf(child) }], { where: 'prose', source });
      continue;
    }
    const [head, ...rest] = child.children;
    const lead: PhrasingContent[] =
      head?.type === 'text' ? [{ ...head, value: head.value.replace(/^\s*\[!\w+\]\s*/, '') }] : head ? [head] : [];
    readBlock(state, draft, [...lead, ...rest], { where: 'prose', source });
  }
}

const NOTE_KINDS = new Set(['tip', 'warning', 'danger', 'info', 'note', 'caution', 'important']);

/**
 * A `:::` container: `details` (or a `code-group`) holds examples; any other kind is read like the
 * page around it (a tip's sentences, a table, a list).
 */
function handleContainer(state: BuildState, draft: SectionDraft, node: Container): void {
  warnUnclosed(state, node);
  const other = (child: RootContent) => handleNode(state, draft, child);
  if (node.kind === 'details') return detailsContent(state, draft, node.children, node.title, other);
  // A code group outside `details` holds examples of the part it sits in.
  if (node.kind === 'code-group')
    return detailsContent(state, draft, node.children, draft.part === 'params' ? '请求' : '响应', other);
  if (!NOTE_KINDS.has(node.kind))
    warn(state, 'unknown-container', node, `unknown container kind \`${node.kind}\`; its text is kept as prose`);
  // A sentence in a tip is placed at the tip: `::: tip` is the line readers look for.
  const source = refOf(state, node);
  for (const child of node.children)
    if (child.type === 'paragraph') readBlock(state, draft, child.children, { where: 'prose', source });
    else handleNode(state, draft, child);
}

function handleTable(state: BuildState, draft: SectionDraft, node: Table): void {
  const table = readTable(state, node);
  if (!table) {
    if (draft.actions.length > 0) warn(state, 'table-header', node, 'table has no 字段名/参数名 column; it is ignored');
    draft.pendingNested = undefined;
    return;
  }
  const source = refOf(state, node);
  const shape = fieldsFromTable(state, table, draft.part === 'params' ? 'params' : 'response');
  if (draft.pendingNested) return nestTable(state, draft, shape, source);
  const fields = [...shape.fields];
  if (draft.pendingType) {
    draft.types.push({
      name: draft.pendingType.name,
      description: '',
      fields,
      open: shape.open,
      source: draft.pendingType.source,
    });
    draft.pendingType = undefined;
    draft.lastTable = fields;
    return;
  }
  const part = currentPart(draft, source);
  if (!part) {
    if (draft.actions.length > 0)
      warn(state, 'unexpected-construct', node, 'table before the 参数/响应数据 headings; it is ignored');
    return;
  }
  part.tables.push({
    fields,
    open: shape.open,
    arrayHint: part.arrayHint,
    source,
    ...(draft.pendingLabel ? { label: draft.pendingLabel.text } : {}),
  });
  draft.pendingLabel = undefined;
  draft.lastTable = fields;
}
