/**
 * `::: details` containers and the JSON examples inside them.
 *
 *     ::: details 点击查看 NapCat 响应示例数据      { role: 'response', impl: 'napcat',
 *     ```json                                     value: { cookies: '…', bkn: '…' },
 *     { "cookies": "…", "bkn": "…" // [!code ++] } →  comments: [{ path: 'bkn', marker: '++', … }] }
 *
 * Tips (`::: tip 该 API 没有参数`) mark the current part as having no body.
 */
import type { Code } from 'mdast';
import type { Container } from '../../parse/containers.js';
import { parseJsonExample } from '../../parse/json-example.js';
import type { Example, ImplId } from '../../model/types.js';
import { type SectionDraft, currentPart } from './draft.js';
import { implMentioned } from '../mdast/impls.js';
import { addProse } from './prose.js';
import { type BuildState, refOf, warn } from '../state.js';
import { proseOf } from '../mdast/text.js';

const NOTE_KINDS = new Set(['tip', 'warning', 'danger', 'info', 'note', 'caution', 'important']);
/** Tip text that says a part is empty: `该 API 没有参数`, `该 API 无需参数`, `该 API 没有响应数据`. */
const NONE_TEXT = /没有参数|无需参数|无参数|没有响应|无响应|不需要参数/;

export function handleContainer(state: BuildState, draft: SectionDraft, node: Container): void {
  if (node.unclosed)
    warn(
      state,
      'unclosed-container',
      node,
      `\`::: ${node.kind}\` is not closed; it ends at the next container or heading`,
    );
  if (node.kind === 'details') {
    for (const child of node.children) if (child.type === 'code') addExamples(state, draft, child, node.title);
    return;
  }
  if (!NOTE_KINDS.has(node.kind))
    warn(state, 'unknown-container', node, `unknown container kind \`${node.kind}\`; its text is kept as prose`);
  const text = proseOf(node.children);
  const part = currentPart(draft, refOf(state, node));
  if (part && NONE_TEXT.test(text)) part.none = refOf(state, node);
  else addProse(state, draft, node, text);
}

/** A bare code block in a section is an example of the part it sits in. */
export function handleCode(state: BuildState, draft: SectionDraft, node: Code): void {
  if (draft.actions.length === 0) return;
  addExamples(state, draft, node, draft.part === 'params' ? '请求' : '响应');
}

function addExamples(state: BuildState, draft: SectionDraft, node: Code, summary: string): void {
  if (!isJsonCode(node)) return;
  const role: Example['role'] = /请求|参数|request/i.test(summary) ? 'request' : 'response';
  const summaryImpl = implMentioned(summary);
  const at = refOf(state, node);
  const { values, problems } = parseJsonExample(node.value);
  for (const p of problems) {
    const source = { file: at.file, line: at.line + p.line, column: p.column };
    warn(state, 'invalid-example', source, `example is not valid JSON5: ${p.message}; it is left out of the model`);
  }
  for (const v of values) {
    const impl: ImplId | undefined = (v.lead ? implMentioned(v.lead) : undefined) ?? summaryImpl;
    draft.examples.push({
      role,
      ...(impl ? { impl } : {}),
      value: v.value,
      comments: v.comments,
      source: { file: at.file, line: at.line + v.line, column: v.column },
    });
  }
}

/** ```json / json5 / jsonc, or an unlabelled block that starts like JSON. */
function isJsonCode(node: Code): boolean {
  return node.lang ? /^json[5c]?$/i.test(node.lang) : /^\s*(\/\/.*\n\s*)*[[{]/.test(node.value);
}
