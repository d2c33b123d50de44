/**
 * A finished section draft → model elements: one Action per action bullet (a section may name
 * aliases such as `ocr_image` and `.ocr_image`), or a TypeSection when the section only defines
 * sub-types (`## 文件对象类型`).
 */
import type { Action, ActionTag, Body, ImplId, TypeSection, Variant } from '../../model/types.js';
import { IMPLEMENTATIONS } from '../../model/types.js';
import { examplesFor, resolveBody } from './body.js';
import { applyDeltas } from './deltas.js';
import type { ImplKey, PartName, SectionDraft } from './draft.js';
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
  const types = draft.types.map((t) => ({ ...t, id: t.name }));
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
  const stated = {
    params: resolveBody(state, draft, 'params', 'base'),
    response: resolveBody(state, draft, 'response', 'base'),
  };
  const variants = buildVariants(state, draft, variantKeys, stated);
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

function buildVariants(
  state: BuildState,
  draft: SectionDraft,
  keys: readonly ImplId[],
  base: Readonly<Record<PartName, Body | undefined>>,
): Partial<Record<ImplId, Variant>> {
  const out: Partial<Record<ImplId, Variant>> = {};
  const bodyOf = (part: PartName, impl: ImplId): Body | undefined => {
    const own = resolveBody(state, draft, part, impl);
    const deltas = draft.parts[part][impl]?.deltas ?? [];
    const stated = base[part];
    return (
      own ??
      (deltas.length > 0 && stated
        ? applyDeltas(state, stated, deltas, part, examplesFor(draft, part, impl))
        : undefined)
    );
  };
  for (const impl of keys) {
    const params = bodyOf('params', impl);
    const response = bodyOf('response', impl);
    out[impl] = { ...(params ? { params } : {}), ...(response ? { response } : {}), notes: draft.notes[impl] ?? [] };
  }
  return out;
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
