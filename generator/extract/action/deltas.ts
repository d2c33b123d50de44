/**
 * Prose deltas in implementation notes: where a note states a change precisely, apply it to that
 * implementation's body; anything less precise stays a note.
 *
 *     - `Lagrange`: 多一个 `nt_protocol` 字段，表示…     → Lagrange's response gains `nt_protocol`
 *                                                     (typed from Lagrange's example when it has the key)
 *     - `NapCat`: `no_cache` 参数无效                   → NapCat's params lose `no_cache`
 *     - `NapCat`: `folder_id` 为必选                     → NapCat's `folder_id` becomes required
 *     - `Lagrange`: `reason` 为可选                      → Lagrange's `reason` becomes optional
 */
import { inferType, isRecord } from '../mdast/infer.js';
import type { Body, Example, Field, SourceRef, TypeRef } from '../../model/types.js';
import { type BuildState, warn } from '../state.js';

export interface Delta {
  readonly op: 'add' | 'remove' | 'require' | 'optional';
  readonly field: string;
  readonly text: string;
  readonly source: SourceRef;
}

/** Each rule reads a note written with its inline code kept in backticks. */
const RULES: readonly { readonly op: Delta['op']; readonly pattern: RegExp }[] = [
  { op: 'add', pattern: /(?:多一个|多了|新增|增加|额外有)\s*`([\w.]+)`\s*(?:字段|参数)/g },
  { op: 'remove', pattern: /`([\w.]+)`\s*(?:参数|字段)?\s*(?:无效|不支持|已废弃|被废弃|不存在)/g },
  { op: 'remove', pattern: /(?:不支持|没有|无)\s*`([\w.]+)`\s*(?:参数|字段)/g },
  { op: 'require', pattern: /`([\w.]+)`\s*(?:参数|字段)?\s*(?:为|是)?(?:必选|必填|必须)/g },
  { op: 'optional', pattern: /`([\w.]+)`\s*(?:参数|字段)?\s*(?:为|是)?(?:可选|选填)/g },
];

export function parseDeltas(text: string, source: SourceRef): Delta[] {
  return RULES.flatMap((rule) =>
    [...text.matchAll(rule.pattern)].map((m) => ({ op: rule.op, field: m[1]!, text: plain(text), source })),
  );
}

const plain = (text: string) => text.replaceAll('`', '');

/** The base body with the deltas applied; a delta that does not fit is reported and skipped. */
export function applyDeltas(
  state: BuildState,
  base: Body,
  deltas: readonly Delta[],
  part: 'params' | 'response',
  examples: readonly Example[],
): Body {
  if (base.kind !== 'type' || base.type.kind !== 'object') {
    for (const d of deltas)
      warn(
        state,
        'note-delta',
        d.source,
        `note changes \`${d.field}\`, but the base ${part} is not an object table; kept as a note only`,
      );
    return base;
  }
  let fields = [...base.type.fields];
  for (const d of deltas) fields = applyOne(state, fields, d, part, examples);
  const type: TypeRef = { ...base.type, fields };
  return { ...base, type };
}

function applyOne(
  state: BuildState,
  fields: Field[],
  d: Delta,
  part: 'params' | 'response',
  examples: readonly Example[],
): Field[] {
  const index = fields.findIndex((f) => f.name === d.field);
  if (d.op === 'add') {
    if (index >= 0)
      return (warn(state, 'note-delta', d.source, `note adds \`${d.field}\`, which the table already has`), fields);
    const added: Field = {
      name: d.field,
      type: addedType(d.field, examples),
      required: part === 'response',
      description: d.text,
      rawType: '',
      source: d.source,
    };
    return [...fields, added];
  }
  if (index < 0)
    return (
      warn(state, 'note-delta', d.source, `note refers to \`${d.field}\`, which the table does not have`),
      fields
    );
  if (d.op === 'remove') return fields.filter((_, i) => i !== index);
  return fields.map((f, i) => (i === index ? { ...f, required: d.op === 'require' } : f));
}

/** A field a note adds is typed from the implementation's example when that shows it. */
function addedType(name: string, examples: readonly Example[]): TypeRef {
  const example = examples.find((e) => isRecord(e.value) && Object.hasOwn(e.value, name));
  if (!example) return { kind: 'unknown', reason: 'type not stated in the note' };
  return inferType((example.value as Record<string, unknown>)[name], example.source);
}
