/**
 * Field work for event sections: the key, the quick-operation table, nested tables and the
 * paragraphs that name a field.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import type { Field, TypeRef } from '../../model/types.js';
import { fieldsFromTable } from '../mdast/fields.js';
import { fieldStatement } from '../mdast/prose/intents.js';
import { statementOf } from '../mdast/prose/statement.js';
import type { BuildState } from '../state.js';
import type { ReadTable } from '../mdast/table.js';
import { textOf } from '../mdast/text.js';

/**
 * A paragraph that opens with a field in inline code and then speaks of that 字段 (the reading is
 * shared with action sections: `mdast/prose/intents.ts`):
 *
 *     其中 `sender` 字段的内容如下：            → { path: ['sender'], opensBlock: true }
 *     `status` 字段的内容和 … 相同。            → { path: ['status'], opensBlock: false }
 *     其中 `post_type` 不同字段值……如下：       → { path: ['post_type'], opensBlock: true }
 */
export function fieldParagraph(node: Paragraph): { path: string[]; opensBlock: boolean } | undefined {
  const named = fieldStatement(statementOf(node.children));
  return named && { path: named.path, opensBlock: named.opens };
}

export { findField, updateField, withObject } from '../mdast/nested.js';

/** `如果不是匿名消息则为 null` in a description: the field may be null. Nested objects too. */
export function nullableFromProse(fields: readonly Field[]): Field[] {
  return fields.map((f) => {
    const type = f.type.kind === 'object' ? { ...f.type, fields: nullableFromProse(f.type.fields) } : f.type;
    const saysNull = /为\s*null/i.test(f.description) && !hasNull(type);
    return { ...f, type: saysNull ? { kind: 'union', members: [type, { kind: 'null' }] } : type };
  });
}

const hasNull = (t: TypeRef): boolean => t.kind === 'null' || (t.kind === 'union' && t.members.some(hasNull));

/**
 * The 快速操作 table: every field is optional, and the 默认情况 column (what happens when the field
 * is left out) is its default.
 *
 *     | `reply` | message | 回复内容 | 不回复 |   →   { name: 'reply', required: false, default: '不回复' }
 */
export function quickOperationFields(state: BuildState, table: ReadTable): Field[] {
  const fallback = new Map<string, string>();
  for (const row of table.rows) {
    const name = rowName(row.cells.name ?? []);
    const text = textOf(row.cells.fallback as PhrasingContent[] | undefined);
    if (name && text && text !== '-') fallback.set(name, text);
  }
  return fieldsFromTable(state, table, 'params').fields.map((f) => {
    const stated = fallback.get(f.name) ?? f.default;
    return { ...f, required: false, ...(stated !== undefined ? { default: stated } : {}) };
  });
}

function rowName(cell: readonly PhrasingContent[]): string {
  const code = cell.find((n) => n.type === 'inlineCode');
  return code?.type === 'inlineCode' ? code.value.trim() : textOf(cell as PhrasingContent[]);
}

/** The value of a field typed as one string literal (`post_type` → `message`). */
export function singleLiteral(field: Field | undefined): string | undefined {
  return field?.type.kind === 'literal' && typeof field.type.value === 'string' ? field.type.value : undefined;
}
