/**
 * Nested tables in action sections, as in events (the field work is shared: `mdast/nested.ts`):
 *
 *     | `teacher` | object | … |            (the last table: params, response, element, variant or sub-type)
 *     其中 `teacher` 字段的内容如下：        → the next table is `teacher`'s object
 *     `students` 的每个元素如下：             → the next table is each element of `students`
 *
 * The field is looked up in the last table read, then in the other tables of the same part.
 */
import type { SourceRef } from '../../model/types.js';
import type { ObjectShape } from '../mdast/fields.js';
import { findField, updateField, withObject } from '../mdast/nested.js';
import { type BuildState, warn } from '../state.js';
import { type SectionDraft, currentPart } from './draft.js';
import { keepProse } from './statements.js';

export function nestTable(state: BuildState, draft: SectionDraft, shape: ObjectShape, at: SourceRef): void {
  const pending = draft.pendingNested!;
  draft.pendingNested = undefined;
  const name = `\`${pending.path.join('.')}\``;
  const part = currentPart(draft, at);
  const candidates = [draft.lastTable, ...(part?.tables.map((t) => t.fields).reverse() ?? [])];
  const fields = candidates.find((f) => f && findField(f, pending.path));
  if (!fields) {
    keepProse(draft, pending.text, pending.source);
    return warn(
      state,
      'unexpected-construct',
      at,
      `the sentence before this table names ${name}, which the table above does not list; the table is ignored`,
      [pending.source],
    );
  }
  const object = { kind: 'object' as const, fields: shape.fields, ...(shape.open ? { open: true } : {}) };
  let fits = true;
  updateField(fields, pending.path, (f) => {
    const type = withObject(f.type, object, pending.each);
    fits = type !== undefined;
    return type ? { ...f, type } : f;
  });
  if (!fits)
    warn(state, 'unexpected-construct', at, `${name} is not an object or an array; the table after it is ignored`, [
      pending.source,
    ]);
}

/**
 * A list after the sentence lists that field's values (as in events): its items join the field's
 * description. False when the field is not in the tables above.
 */
export function nestList(draft: SectionDraft, lines: readonly string[]): boolean {
  const pending = draft.pendingNested!;
  draft.pendingNested = undefined;
  const fields = draft.lastTable && findField(draft.lastTable, pending.path) ? draft.lastTable : undefined;
  if (!fields) return false;
  const text = [pending.text, ...lines].join('\n');
  updateField(fields, pending.path, (f) => ({ ...f, description: [f.description, text].filter(Boolean).join('\n') }));
  return true;
}

/** A sentence that announced a field's table, followed by something else: kept as prose, reported. */
export function unplacedNested(state: BuildState, draft: SectionDraft): void {
  const pending = draft.pendingNested;
  if (!pending) return;
  draft.pendingNested = undefined;
  keepProse(draft, pending.text, pending.source);
  if (draft.actions.length > 0)
    warn(
      state,
      'unexpected-construct',
      pending.source,
      `no table follows the sentence about \`${pending.path.join('.')}\`; it is kept as prose`,
    );
}
