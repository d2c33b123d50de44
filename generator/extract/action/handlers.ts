/**
 * One handler per Markdown construct inside a `##` section, in a table. Each handler reads its node
 * and updates the section draft; nodes with no handler are either explicitly ignored or reported.
 */
import type { Blockquote, Code, Heading, List, Paragraph, RootContent, Table } from 'mdast';
import type { Container } from '../../parse/containers.js';
import { type Handler as HandlerFor, type HandlerTable, dispatch } from '../dispatch.js';
import { fieldsFromTable } from '../mdast/fields.js';
import { handleContainer, handleCode } from './examples.js';
import { handleList } from './list.js';
import { type SectionDraft, currentPart } from './draft.js';
import { addProse } from './prose.js';
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
  if (!dispatch(handlers, state, draft, node) && draft.actions.length > 0)
    warn(state, 'unexpected-construct', node, `a ${node.type} node is not part of the action layout; it is ignored`);
}

const PARAMS_HEADINGS = /^(请求)?参数$/;
const RESPONSE_HEADINGS = /^(响应|返回)(数据|值)?$/;

/** `### 参数` / `### 响应数据` switch parts; any other `###`+ heading names a sub-type. */
function handleHeading(state: BuildState, draft: SectionDraft, node: Heading): void {
  const text = textOf(node);
  draft.impl = undefined;
  draft.pendingLabel = undefined;
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

/** `**Device**` alone names the next table; other prose is description, or a hint for the part. */
function handleParagraph(state: BuildState, draft: SectionDraft, node: Paragraph): void {
  const meaningful = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  if (meaningful.length === 1 && meaningful[0]!.type === 'strong') {
    draft.pendingType = { name: textOf(meaningful[0]), source: refOf(state, node) };
    return;
  }
  const text = proseOf(node);
  // The container plugin leaves a closing fence with nothing open as a paragraph of its own.
  if (/^:{3,}$/.test(text)) {
    if (draft.actions.length > 0)
      warn(state, 'unexpected-construct', node, 'a closing `:::` with no open container; it is ignored');
    return;
  }
  addProse(state, draft, node, text);
}

function handleBlockquote(state: BuildState, draft: SectionDraft, node: Blockquote): void {
  addProse(state, draft, node, proseOf(node).replace(/^\[!\w+\]\s*/, ''));
}

function handleTable(state: BuildState, draft: SectionDraft, node: Table): void {
  const table = readTable(state, node);
  if (!table) {
    if (draft.actions.length > 0) warn(state, 'table-header', node, 'table has no 字段名/参数名 column; it is ignored');
    return;
  }
  const source = refOf(state, node);
  const mode = draft.part === 'params' ? 'params' : 'response';
  const shape = fieldsFromTable(state, table, mode);
  if (draft.pendingType) {
    const type = { kind: 'object', fields: shape.fields, ...(shape.open ? { open: true } : {}) } as const;
    draft.types.push({ name: draft.pendingType.name, description: '', type, source: draft.pendingType.source });
    draft.pendingType = undefined;
    return;
  }
  const part = currentPart(draft, source);
  if (!part) {
    if (draft.actions.length > 0)
      warn(state, 'unexpected-construct', node, 'table before the 参数/响应数据 headings; it is ignored');
    return;
  }
  part.tables.push({
    shape,
    arrayHint: part.arrayHint,
    source,
    ...(draft.pendingLabel ? { label: draft.pendingLabel } : {}),
  });
  draft.pendingLabel = undefined;
}
