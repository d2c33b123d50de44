/**
 * `::: details` containers and the JSON examples inside them.
 *
 *     ::: details 点击查看 NapCat 响应示例数据      { role: 'response', impl: 'napcat',
 *     ```json                                     value: { cookies: '…', bkn: '…' },
 *     { "cookies": "…", "bkn": "…" // [!code ++] } →  comments: [{ path: 'bkn', marker: '++', … }] }
 *
 *     :::: details 点击查看请求示例数据            a `code-group` inside: each tab is an example,
 *     ::: code-group                               its label (`[NapCat]`) naming the implementation
 *     ```json [NapCat]
 *
 * Tips are read like the page around them (`::: tip 该 API 没有参数` makes the part empty).
 */
import type { Code, RootContent } from 'mdast';
import type { Container } from '../../parse/containers.js';
import { parseJsonExample } from '../../parse/json-example.js';
import type { Example, ImplId } from '../../model/types.js';
import type { SectionDraft } from './draft.js';
import { implMentioned } from '../mdast/impls.js';
import { type BuildState, refOf, warn } from '../state.js';

/** What to do with a node inside `details` that is not an example (the section's own handler). */
export type OtherNode = (node: RootContent) => void;

/** Inside `details`: code blocks are examples, also inside a nested `code-group` or `details`. */
export function detailsContent(
  state: BuildState,
  draft: SectionDraft,
  children: readonly RootContent[],
  summary: string,
  other: OtherNode,
): void {
  for (const child of children) {
    if (child.type === 'code') addExamples(state, draft, child, summary);
    else if (child.type === 'container' && (child.kind === 'code-group' || child.kind === 'details')) {
      warnUnclosed(state, child);
      detailsContent(state, draft, child.children, child.kind === 'details' ? child.title : summary, other);
    } else other(child);
  }
}

export function warnUnclosed(state: BuildState, node: Container): void {
  if (node.unclosed)
    warn(
      state,
      'unclosed-container',
      node,
      `\`::: ${node.kind}\` is not closed; it ends at the next container or heading`,
    );
}

/** A bare code block in a section is an example of the part it sits in. */
export function handleCode(state: BuildState, draft: SectionDraft, node: Code): void {
  if (draft.actions.length === 0) return;
  addExamples(state, draft, node, draft.part === 'params' ? '请求' : '响应');
}

function addExamples(state: BuildState, draft: SectionDraft, node: Code, summary: string): void {
  if (!isJsonCode(node)) return;
  const role: Example['role'] = /请求|参数|request/i.test(summary) ? 'request' : 'response';
  // A code-group tab label (```json [NapCat]) names the implementation, else the summary does.
  const summaryImpl = implMentioned(node.meta ?? '') ?? implMentioned(summary);
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
