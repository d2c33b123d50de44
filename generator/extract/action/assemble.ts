/**
 * A finished section draft → model elements: one Action per action bullet (a section may name
 * aliases such as `ocr_image` and `.ocr_image`), or a TypeSection when the section only defines
 * sub-types (`## 文件对象类型`).
 */
import type {
  Action,
  ActionTag,
  Body,
  Example,
  ImplId,
  NamedType,
  SourceRef,
  TypeRef,
  TypeSection,
  Variant,
} from '../../model/types.js';
import { IMPLEMENTATIONS } from '../../model/types.js';
import { examplesFor, refine, reportMismatches, resolveBody } from './body.js';
import { applyDeltas } from './deltas.js';
import type { ImplKey, NamedTypeDraft, PartName, SectionDraft } from './draft.js';
import { type BuildState, warn } from '../state.js';

/** Which implementations an extension tag implies (README: "Availability"). */
export const AVAILABILITY_BY_TAG: Readonly<Record<ActionTag, readonly ImplId[]>> = {
  none: IMPLEMENTATIONS,
  gocq: ['gocq', 'napcat', 'lagrange'],
  napcat: ['napcat'],
  lagrange: ['lagrange'],
  community: ['napcat', 'lagrange'],
};

export function assembleSection(
  state: BuildState,
  draft: SectionDraft,
): { actions: Action[]; typeSection?: TypeSection } {
  const types = draft.types.map(namedType);
  if (draft.actions.length === 0) {
    if (types.length > 0) return { actions: [], typeSection: { title: draft.title, types, source: draft.source } };
    if (draft.sawPartHeading)
      warn(
        state,
        'no-action',
        draft.source,
        `section "${draft.title}" has 参数/响应数据 but no \`- \\\`action\\\`\` bullet; nothing is generated for it`,
      );
    return { actions: [] };
  }
  const variantKeys = implKeys(draft);
  const availability = IMPLEMENTATIONS.filter(
    (i) => AVAILABILITY_BY_TAG[draft.actions[0]!.tag].includes(i) || variantKeys.includes(i),
  );
  const stated = { params: statedBase(state, draft, 'params'), response: statedBase(state, draft, 'response') };
  const variants = buildVariants(state, draft, variantKeys, stated, availability);
  const params = stated.params ?? baseBody(state, draft, 'params', availability, variants);
  const response = stated.response ?? baseBody(state, draft, 'response', availability, variants);
  if (!hasAnyPart(draft))
    warn(state, 'no-tables', draft.source, `\`${draft.actions[0]!.name}\` documents neither params nor response`);
  const actions = draft.actions.map((head): Action => ({
    name: head.name,
    title: draft.title,
    tag: head.tag,
    description: draft.description.join('\n'),
    params,
    response,
    types,
    examples: draft.examples,
    variants,
    availability: IMPLEMENTATIONS.filter((i) => AVAILABILITY_BY_TAG[head.tag].includes(i) || availability.includes(i)),
    source: head.source,
  }));
  return { actions };
}

/** Implementations the section gives a table, tip or note for (examples alone do not count). */
function implKeys(draft: SectionDraft): ImplId[] {
  const keys = new Set<ImplKey>([
    ...Object.keys(draft.parts.params),
    ...Object.keys(draft.parts.response),
    ...Object.keys(draft.notes),
  ] as ImplKey[]);
  return IMPLEMENTATIONS.filter((i) => keys.has(i));
}

/** A sub-type draft → the model's NamedType (its id is settled by the resolver). */
function namedType(t: NamedTypeDraft): NamedType {
  const type: TypeRef = { kind: 'object', fields: [...t.fields], ...(t.open ? { open: true } : {}) };
  return { name: t.name, description: t.description, type, source: t.source, id: t.name };
}

/** The base body with the changes sentences state for everyone (`\`x\` 为可选` under the table). */
function statedBase(state: BuildState, draft: SectionDraft, part: PartName): Body | undefined {
  const body = resolveBody(state, draft, part, 'base');
  const deltas = draft.parts[part].base?.deltas ?? [];
  return body ? applyDeltas(state, body, deltas, part, examplesFor(draft, part, 'base')) : body;
}

/**
 * One variant per implementation the section gives a table, tip or note for; and for an
 * implementation with only examples, a variant when its examples refine a vague base table.
 * Implementations whose body refers to another's (`请参考上方 \`NapCat\` 的响应数据`) come last.
 */
function buildVariants(
  state: BuildState,
  draft: SectionDraft,
  keys: readonly ImplId[],
  base: Readonly<Record<PartName, Body | undefined>>,
  availability: readonly ImplId[],
): Partial<Record<ImplId, Variant>> {
  const out: Partial<Record<ImplId, Variant>> = {};
  const refers = (i: ImplId) => (draft.parts.params[i]?.refersTo || draft.parts.response[i]?.refersTo ? 1 : 0);
  const withExamples = availability.filter((i) => !keys.includes(i) && draft.examples.some((e) => e.impl === i));
  for (const impl of [...keys].sort((a, b) => refers(a) - refers(b))) {
    const params = variantBody(state, draft, 'params', impl, base.params, out);
    const response = variantBody(state, draft, 'response', impl, base.response, out);
    out[impl] = { ...(params ? { params } : {}), ...(response ? { response } : {}), notes: draft.notes[impl] ?? [] };
  }
  for (const impl of withExamples) {
    const params = refinedByExamples(state, base.params, examplesFor(draft, 'params', impl));
    const response = refinedByExamples(state, base.response, examplesFor(draft, 'response', impl));
    if (params || response) out[impl] = { ...(params ? { params } : {}), ...(response ? { response } : {}), notes: [] };
  }
  return out;
}

/** What one implementation's part is: its own (extended, changed), or the base changed or refined. */
function variantBody(
  state: BuildState,
  draft: SectionDraft,
  part: PartName,
  impl: ImplId,
  base: Body | undefined,
  done: Partial<Record<ImplId, Variant>>,
): Body | undefined {
  const p = draft.parts[part][impl];
  const examples = examplesFor(draft, part, impl);
  const deltas = p?.deltas ?? [];
  let own = resolveBody(state, draft, part, impl, (target) => done[target]?.[part]);
  if (own && p?.extend) own = extendBody(state, base, own, p.extend);
  if (own) return applyDeltas(state, own, deltas, part, examples, true);
  if (!base) return undefined;
  const changed = deltas.length > 0 ? applyDeltas(state, base, deltas, part, examples) : undefined;
  return refinedByExamples(state, changed ?? base, examples) ?? changed;
}

/**
 * An implementation's examples against the table it uses: vague types (`object`, `array`) take the
 * example's shape, disagreements are reported. undefined when nothing changes.
 */
function refinedByExamples(state: BuildState, body: Body | undefined, examples: readonly Example[]): Body | undefined {
  if (!body || body.kind !== 'type' || body.origin !== 'table' || examples.length === 0) return undefined;
  const type = examples.reduce<TypeRef>((t, e) => refine(t, e.value, e.source), body.type);
  for (const e of examples) reportMismatches(state, type, e);
  return JSON.stringify(type) === JSON.stringify(body.type) ? undefined : { ...body, type };
}

/**
 * `- \`NapCat\`: 在上表基础上额外返回以下字段` + table: the base fields, then the table's (a field in
 * both takes the table's row). Array bodies extend their element.
 */
function extendBody(state: BuildState, base: Body | undefined, own: Body, at: SourceRef): Body {
  const merged = base?.kind === 'type' && own.kind === 'type' ? mergeObjects(base.type, own.type) : undefined;
  if (merged && own.kind === 'type') return { ...own, type: merged };
  warn(
    state,
    'note-delta',
    at,
    'the note says the table adds to the base, but the base is not a table of the same shape; the table is used alone',
  );
  return own;
}

function mergeObjects(base: TypeRef, own: TypeRef): TypeRef | undefined {
  if (base.kind === 'array' && own.kind === 'array') {
    const element = mergeObjects(base.element, own.element);
    return element && { ...own, element };
  }
  if (base.kind !== 'object' || own.kind !== 'object') return undefined;
  const mine = new Map(own.fields.map((f) => [f.name, f]));
  const fields = [
    ...base.fields.map((f) => mine.get(f.name) ?? f),
    ...own.fields.filter((f) => !base.fields.some((b) => b.name === f.name)),
  ];
  return { kind: 'object', fields, ...(base.open || own.open ? { open: true } : {}) };
}

/**
 * The base body when the section states none: `unknown`, reported only if an implementation that
 * has the action would actually use it (no variant of its own).
 */
function baseBody(
  state: BuildState,
  draft: SectionDraft,
  part: PartName,
  availability: readonly ImplId[],
  variants: Partial<Record<ImplId, Variant>>,
): Body {
  const p = draft.parts[part].base;
  const source = p?.source ?? draft.source;
  if (!p && part === 'params') return { kind: 'none', source };
  const users = availability.filter((i) => !variants[i]?.[part]);
  if (users.length > 0 && hasAnyPart(draft)) {
    warn(
      state,
      'no-tables',
      source,
      `${part} of \`${draft.actions[0]!.name}\` is not documented for ${users.join(', ')}; typed as unknown`,
    );
  }
  return { kind: 'type', type: { kind: 'unknown', reason: 'not documented' }, origin: 'prose', source };
}

function hasAnyPart(draft: SectionDraft): boolean {
  return draft.sawPartHeading || draft.examples.length > 0;
}
