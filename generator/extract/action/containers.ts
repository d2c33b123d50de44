/**
 * The container of a field, from the examples when the table leaves it out: a type cell that links
 * to a sub-type without `[]` (`[rkeys](#rkeys)`) while every example holds an array of objects
 * there. The example is unambiguous, the cell only forgot the brackets:
 *
 *     | `rkeys` | [rkeys](#rkeys) |        +   { "rkeys": [{ "type": "private", … }, …] }
 *     → rkeys: Rkeys[]                           and an `example-array` warning at the row
 *
 * Only objects (a linked sub-type or an inline object) are widened, and only when no example that
 * has the field shows a single object or a non-object element; anything else is left to
 * `example-mismatch`.
 */
import type { Example, Field, SourceRef, TypeRef } from '../../model/types.js';
import { isRecord } from '../mdast/infer.js';
import { type BuildState, warn } from '../state.js';

/** `type` with every field the examples show as an array of objects (and the table as one) made an array. */
export function containersFromExamples(state: BuildState, type: TypeRef, examples: readonly Example[]): TypeRef {
  if (examples.length === 0) return type;
  const widened: { field: Field; path: string; example: SourceRef }[] = [];
  const walk = (t: TypeRef, values: readonly unknown[], path: string): TypeRef => {
    if (t.kind === 'array') {
      const elements = values.flatMap((v) => (Array.isArray(v) ? v : []));
      return { ...t, element: walk(t.element, elements, `${path}[].`) };
    }
    if (t.kind !== 'object') return t;
    const records = values.filter(isRecord);
    const fields = t.fields.map((f): Field => {
      const seen = records.map((r) => r[f.name]).filter((v) => v !== undefined);
      if (isSingle(f.type) && seen.length > 0 && seen.every(isArrayOfObjects)) {
        widened.push({ field: f, path: `${path}${f.name}`, example: exampleOf(examples, f.name) });
        const element = walk(f.type, seen.flat(), `${path}${f.name}[].`);
        return { ...f, type: { kind: 'array', element } };
      }
      return { ...f, type: walk(f.type, seen, `${path}${f.name}.`) };
    });
    return { ...t, fields };
  };
  const result = walk(
    type,
    examples.map((e) => e.value),
    '',
  );
  for (const w of widened) {
    const what = w.field.type.kind === 'ref' ? `one ${w.field.type.target}` : 'one object';
    warn(
      state,
      'example-array',
      w.field.source,
      `\`${w.path}\`: the table types it as ${what} (no \`[]\`), the example has an array of them; typed as an array`,
      [w.example],
    );
  }
  return result;
}

const isSingle = (t: TypeRef) => t.kind === 'ref' || t.kind === 'object';
const isArrayOfObjects = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isRecord);

/** The first example whose top level has the field (else the first example): where the warning points to. */
function exampleOf(examples: readonly Example[], name: string): SourceRef {
  return (examples.find((e) => isRecord(e.value) && name in e.value) ?? examples[0]!).source;
}
