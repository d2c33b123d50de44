/**
 * Changes sentences state for named params or fields (read by `mdast/prose/deltas.ts`), applied to
 * a body: the base's for an implementation without a table of its own, or that implementation's
 * table. Array bodies change their element type.
 *
 *     - `Lagrange`: 多一个 `nt_protocol` 字段，表示…   → Lagrange's response gains `nt_protocol`
 *                                                   (typed from Lagrange's example when it has the key)
 *     - `NapCat`: `no_cache` 参数无效                 → NapCat's params lose `no_cache`
 *     - `NapCat`: `folder_id` 为必选                   → NapCat's `folder_id` becomes required
 *     - `Lagrange`: `reason` 为可选                    → Lagrange's `reason` becomes optional
 *     - `Lagrange`: `duration` 必须为数字类型           → Lagrange's `duration` is a number (required or not, as before)
 *
 * A change that does not fit (no such field, not an object body) is reported as `note-delta`; the
 * sentence stays a note.
 */
import { inferType, isRecord } from '../mdast/infer.js';
import type { DeltaOp } from '../mdast/prose/intents.js';
import type { Body, Example, Field, SourceRef, TypeRef } from '../../model/types.js';
import { type BuildState, warn } from '../state.js';

export interface Delta {
  readonly op: DeltaOp;
  readonly field: string;
  /** For `type`: the type the value must have. */
  readonly type?: TypeRef;
  readonly text: string;
  readonly source: SourceRef;
}

type ObjectType = Extract<TypeRef, { kind: 'object' }>;

/**
 * The body with the deltas applied. `own`: the body is the implementation's own table, which may
 * already leave out a field a sentence says has no effect (no report then).
 */
export function applyDeltas(
  state: BuildState,
  body: Body,
  deltas: readonly Delta[],
  part: 'params' | 'response',
  examples: readonly Example[],
  own = false,
): Body {
  if (deltas.length === 0) return body;
  const object = body.kind === 'type' ? objectPart(body.type) : undefined;
  if (body.kind !== 'type' || !object) {
    for (const d of deltas)
      warn(
        state,
        'note-delta',
        d.source,
        `note changes \`${d.field}\`, but the ${part} is not an object table; kept as a note only`,
      );
    return body;
  }
  let fields = [...object.fields];
  for (const d of deltas) fields = applyOne(state, fields, d, part, examples, own);
  return { ...body, type: replaceObject(body.type, { ...object, fields }) };
}

/** The object a body's fields live in: the body itself, or its array's element. */
function objectPart(type: TypeRef): ObjectType | undefined {
  if (type.kind === 'object') return type;
  if (type.kind === 'array' && type.element.kind === 'object') return type.element;
  return undefined;
}

function replaceObject(type: TypeRef, object: ObjectType): TypeRef {
  return type.kind === 'array' ? { ...type, element: object } : object;
}

function applyOne(
  state: BuildState,
  fields: Field[],
  d: Delta,
  part: 'params' | 'response',
  examples: readonly Example[],
  own: boolean,
): Field[] {
  const index = fields.findIndex((f) => f.name === d.field);
  if (d.op === 'add') {
    if (index >= 0) {
      if (!own) warn(state, 'note-delta', d.source, `note adds \`${d.field}\`, which the table already has`);
      return fields;
    }
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
  if (index < 0) {
    if (!(own && d.op === 'remove'))
      warn(state, 'note-delta', d.source, `note refers to \`${d.field}\`, which the table does not have`);
    return fields;
  }
  if (d.op === 'remove') return fields.filter((_, i) => i !== index);
  if (d.op === 'type') return fields.map((f, i) => (i === index ? { ...f, type: narrowed(f.type, d.type!) } : f));
  return fields.map((f, i) => (i === index ? withRequired(f, d.op === 'require') : f));
}

/** A required field has no default to fall back on: `@default` would contradict it. */
function withRequired(field: Field, required: boolean): Field {
  if (!required || field.default === undefined) return { ...field, required };
  const { default: _dropped, ...rest } = field;
  return { ...rest, required };
}

/**
 * The type a "must be a number" sentence leaves: the table's own when it already is one (keeping
 * its format), the matching member of a union, else the stated type.
 */
function narrowed(type: TypeRef, stated: TypeRef): TypeRef {
  if (type.kind === stated.kind) return type;
  if (type.kind === 'union') {
    const member = type.members.find((m) => m.kind === stated.kind);
    if (member) return member;
  }
  return stated;
}

/** A field a note adds is typed from the implementation's example when that shows it. */
function addedType(name: string, examples: readonly Example[]): TypeRef {
  for (const e of examples) {
    const value = Array.isArray(e.value) ? e.value[0] : e.value;
    if (isRecord(value) && Object.hasOwn(value, name)) return inferType(value[name], e.source);
  }
  return { kind: 'unknown', reason: 'type not stated in the note' };
}
