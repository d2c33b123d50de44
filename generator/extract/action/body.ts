/**
 * A part draft (tables, tips, prose, examples) → the Body of params or response.
 *
 *     one table                                → object
 *     `响应内容为 JSON 数组` + table            → array of object
 *     `- 对象1` table, `- 对象2` table          → array of (object | object)
 *     no table, example only                   → inferred from the example (prose-only warning)
 *     `该 API 没有参数`                         → none
 *
 * Vague table types (`array`, `object`) are refined from the matching example; where a table and
 * an example disagree the table wins and both positions are reported.
 */
import { compareWithExample, inferType, isRecord, mergeTypes } from '../mdast/infer.js';
import { isVague } from '../mdast/type-cell.js';
import type { Body, Example, ExampleComment, Field, ImplId, Note, SourceRef, TypeRef } from '../../model/types.js';
import { containersFromExamples } from './containers.js';
import type { ImplKey, PartDraft, PartName, SectionDraft, TableDraft } from './draft.js';
import { type BuildState, warn } from '../state.js';

export function examplesFor(draft: SectionDraft, part: PartName, key: ImplKey): Example[] {
  const role = part === 'params' ? 'request' : 'response';
  return draft.examples.filter((e) => e.role === role && (key === 'base' ? !e.impl : e.impl === key));
}

/** The body an implementation documents of its own (`请参考上方 \`NapCat\` 的响应数据` reads it). */
export type BodyLookup = (impl: ImplId) => Body | undefined;

/**
 * What one part says for one key (the base, or an implementation), in order of precedence: a
 * table, a reference (`见上方示例`), a scalar (`响应为一个字符串`), an array of a scalar, "none",
 * a pointer elsewhere (`参考源码`); for the base, then the examples, then prose.
 * undefined: the section says nothing for this key (a variant then falls back to base).
 */
export function resolveBody(
  state: BuildState,
  draft: SectionDraft,
  part: PartName,
  key: ImplKey,
  lookup: BodyLookup = () => undefined,
): Body | undefined {
  const p = draft.parts[part][key];
  const examples = examplesFor(draft, part, key);
  if (p && p.tables.length > 0)
    return { kind: 'type', type: tableBody(state, p, examples), origin: 'table', source: p.tables[0]!.source };
  if (p?.refersTo) return referred(state, draft, part, key, p.refersTo, lookup);
  if (p?.scalar) return { kind: 'type', type: p.scalar.type, origin: 'prose', source: p.scalar.source };
  if (p?.arrayOf)
    return { kind: 'type', type: { kind: 'array', element: p.arrayOf }, origin: 'prose', source: p.source };
  if (p?.none) return { kind: 'none', source: p.none };
  if (p?.elsewhere) return elsewhere(state, draft, part, p.elsewhere, examples);
  if (key !== 'base') return undefined;
  if (examples.length > 0) {
    const at = p?.said ?? p?.prose[0]?.source ?? examples[0]!.source;
    warn(
      state,
      'prose-only',
      at,
      `${part} of \`${draft.actions[0]?.name}\` has no table; typed from the example`,
      examples.map((e) => e.source),
    );
    return { kind: 'type', type: fromExamples(examples), origin: 'example', source: at };
  }
  if (p && p.prose.length > 0) {
    warn(
      state,
      'prose-only',
      p.prose[0]!.source,
      `${part} of \`${draft.actions[0]?.name}\` is described only in prose ("${p.prose[0]!.text}"); typed as unknown`,
    );
    return {
      kind: 'type',
      type: { kind: 'unknown', reason: p.prose[0]!.text },
      origin: 'prose',
      source: p.prose[0]!.source,
    };
  }
  return undefined;
}

/**
 * `见上方示例` (that implementation's examples), `请参考上方 \`NapCat\` 的响应数据` (NapCat's own
 * body when it has one, else its examples).
 */
function referred(
  state: BuildState,
  draft: SectionDraft,
  part: PartName,
  key: ImplKey,
  ref: NonNullable<PartDraft['refersTo']>,
  lookup: BodyLookup,
): Body {
  const target: ImplKey = ref.target ?? key;
  const own = !ref.examplesOnly && target !== key && target !== 'base' ? lookup(target) : undefined;
  if (own) return own;
  const examples = examplesFor(draft, part, target);
  if (examples.length > 0)
    return { kind: 'type', type: fromExamples(examples), origin: 'example', source: examples[0]!.source };
  const whose = target === 'base' ? 'an' : `the ${target}`;
  warn(
    state,
    'prose-only',
    ref.source,
    `${part} refers to ${whose} example above, but there is none; typed as unknown`,
  );
  return {
    kind: 'type',
    type: { kind: 'unknown', reason: 'referenced example missing' },
    origin: 'prose',
    source: ref.source,
  };
}

/** `参数请参考源码`: the example shows some of it (an open object), else it is unknown. */
function elsewhere(state: BuildState, draft: SectionDraft, part: PartName, note: Note, examples: readonly Example[]) {
  const how = examples.length > 0 ? 'typed from the example as an open object' : 'typed as unknown';
  warn(
    state,
    'prose-only',
    note.source,
    `${part} of \`${draft.actions[0]?.name}\` is documented elsewhere ("${note.text}"); ${how}`,
    examples.map((e) => e.source),
  );
  if (examples.length === 0)
    return {
      kind: 'type',
      type: { kind: 'unknown', reason: note.text },
      origin: 'prose',
      source: note.source,
    } as const;
  return { kind: 'type', type: opened(fromExamples(examples)), origin: 'example', source: note.source } as const;
}

/** An object (or array of objects) that may have more fields than shown. */
function opened(type: TypeRef): TypeRef {
  if (type.kind === 'object') return { ...type, open: true };
  if (type.kind === 'array') return { ...type, element: opened(type.element) };
  return type;
}

function fromExamples(examples: readonly Example[]): TypeRef {
  const type = mergeTypes(examples.map((e) => inferType(e.value, e.source)));
  return describeFromComments(
    type,
    examples.flatMap((e) => e.comments),
  );
}

/**
 * Example comments describe the fields they follow, as a table's 说明 would:
 *
 *     "retCode": 0, // 0: 成功, 1: 失败     →   retCode (description "0: 成功, 1: 失败")
 *
 * Array indexes do not matter: a comment on `list.1.id` describes every element's `id`.
 */
export function describeFromComments(type: TypeRef, comments: readonly ExampleComment[], prefix = ''): TypeRef {
  if (comments.length === 0) return type;
  if (type.kind === 'array') return { ...type, element: describeFromComments(type.element, comments, `${prefix}[].`) };
  if (type.kind === 'union')
    return { ...type, members: type.members.map((m) => describeFromComments(m, comments, prefix)) };
  if (type.kind !== 'object') return type;
  const fields = type.fields.map((f): Field => {
    const path = `${prefix}${f.name}`;
    const comment = comments.find((c) => c.text && indexFree(c.path) === path);
    const description = f.description || comment?.text || '';
    return { ...f, description, type: describeFromComments(f.type, comments, `${path}.`) };
  });
  return { ...type, fields };
}

/** `list.1.id` → `list.[].id`; a leading index (`0.id`, an array body) → `[].id`. */
const indexFree = (path: string) => path.replace(/(^|\.)\d+(?=\.|$)/g, '$1[]');

function tableBody(state: BuildState, p: PartDraft, examples: readonly Example[]): TypeRef {
  const type = containersFromExamples(state, tableShape(state, p.tables), examples);
  const refined = examples.reduce<TypeRef>((t, e) => refine(t, e.value, e.source), type);
  for (const e of examples) reportMismatches(state, refined, e);
  return refined;
}

function objectOf(t: TableDraft): TypeRef {
  return { kind: 'object', fields: [...t.fields], ...(t.open ? { open: true } : {}) };
}

function tableShape(state: BuildState, tables: readonly TableDraft[]): TypeRef {
  const [first, ...rest] = tables as [TableDraft, ...TableDraft[]];
  const wrap = (t: TypeRef, array: boolean): TypeRef => (array ? { kind: 'array', element: t } : t);
  if (rest.length === 0) return wrap(objectOf(first), first.arrayHint);
  if (tables.every((t) => t.label) || tables.every((t) => t.arrayHint)) {
    return wrap(
      { kind: 'union', members: tables.map(objectOf) },
      tables.some((t) => t.arrayHint),
    );
  }
  const vague = first.fields.filter((f) => f.type.kind === 'array' && isVague(f.type));
  const [second, ...extra] = rest as [TableDraft, ...TableDraft[]];
  for (const t of extra)
    warn(state, 'unexpected-construct', t.source, 'a third table in one part is not understood; it is ignored');
  if (vague.length === 1 && second.arrayHint) {
    const target = vague[0]!;
    warn(
      state,
      'ambiguous-table',
      second.source,
      `the table after the response table describes array elements; it is read as the elements of \`${target.name}\``,
      [target.source],
    );
    const fields = first.fields.map((f) =>
      f === target ? { ...f, type: { kind: 'array', element: objectOf(second) } as TypeRef } : f,
    );
    return { kind: 'object', fields, ...(first.open ? { open: true } : {}) };
  }
  warn(state, 'unexpected-construct', second.source, 'a second table in one part is not understood; it is ignored');
  return wrap(objectOf(first), first.arrayHint);
}

/** Replace vague types by what the example shows at the same path. */
export function refine(type: TypeRef, value: unknown, source: SourceRef): TypeRef {
  if (value === undefined) return type;
  if (isVague(type) && type.kind !== 'unknown') return mergeWithVague(type, value, source);
  if (type.kind === 'array' && Array.isArray(value)) {
    const element = value.reduce<TypeRef>((t, v) => refine(t, v, source), type.element);
    return { ...type, element };
  }
  if (type.kind === 'object' && isRecord(value)) {
    return { ...type, fields: type.fields.map((f): Field => ({ ...f, type: refine(f.type, value[f.name], source) })) };
  }
  return type;
}

function mergeWithVague(type: TypeRef, value: unknown, source: SourceRef): TypeRef {
  const inferred = inferType(value, source);
  if (type.kind === 'array' && inferred.kind !== 'array') return type;
  if (type.kind === 'object' && inferred.kind !== 'object') return type;
  return inferred;
}

/** One warning per field, however many array elements show the same disagreement. */
export function reportMismatches(state: BuildState, type: TypeRef, example: Example): void {
  const seen = new Set<string>();
  for (const m of compareWithExample(type, example.value)) {
    const path = m.path
      .split('.')
      .map((k) => (/^\d+$/.test(k) ? '[]' : k))
      .join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const what = path === '' ? 'the body' : `\`${path}\``;
    warn(
      state,
      'example-mismatch',
      fieldSource(type, m.path) ?? example.source,
      `${what}: the table says ${m.stated}, the example has ${m.seen}; the table's type is kept`,
      [example.source],
    );
  }
}

/** The table row behind a dotted path (`0.minUin` inside an array), when there is one. */
function fieldSource(type: TypeRef, path: string): SourceRef | undefined {
  let t: TypeRef | undefined = type;
  let source: SourceRef | undefined;
  for (const key of path.split('.').filter(Boolean)) {
    while (t?.kind === 'array') t = t.element;
    if (t?.kind !== 'object') return source;
    const field: Field | undefined = t.fields.find((f) => f.name === key);
    if (!field) continue;
    source = field.source;
    t = field.type;
  }
  return source;
}
