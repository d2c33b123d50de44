/**
 * Cross-page work, done once so emitters never guess: duplicate actions, sub-type references
 * resolved from the nearest definition to unique ids (sub-types.ts), unresolved links reported,
 * the support matrix, stable order.
 */
import type { PageExtract } from '../extract/index.js';
import { compareStrings, type Diagnostic } from '../model/diagnostics.js';
import { collectEvents, eventLinkTargets } from './events.js';
import { applyMatrix } from './matrix.js';
import { foldedId } from '../model/ids.js';
import { collectSegments } from './segments.js';
import { addSubTypeLinks, resolveType, type Scope, Scopes } from './sub-types.js';
import type { Action, Body, Model, NamedType, Page, Variant } from '../model/types.js';

export function resolve(pages: readonly PageExtract[], diagnostics: Diagnostic[]): Model {
  const actions = uniqueActions(pages, diagnostics);
  const kept = new Set(actions);
  const ids = assignTypeIds(pages, actions);
  const scopes = new Scopes(pages, ids, addSubTypeLinks(eventLinkTargets(pages), pages, ids), diagnostics);
  const pageOf = new Map(pages.flatMap((p) => p.actions.map((a) => [a, p] as const)));
  const resolved = actions.map((a) => resolveAction(a, ids, scopes.of(pageOf.get(a)!, a.types)));
  const outPages: Page[] = pages.map((p) => ({
    file: p.file,
    title: p.title,
    actions: p.actions.filter((a) => kept.has(a)).map((a) => a.name),
    typeSections: p.typeSections.map((s) => ({
      ...s,
      types: s.types.map((t) => resolveNamed(t, ids.get(t) ?? t.id, scopes.of(p, []))),
    })),
  }));
  const matrix = applyMatrix(
    resolved,
    pages.flatMap((p) => p.matrix),
    diagnostics,
  );
  return {
    pages: outPages,
    actions: matrix.actions.sort((a, b) => compareStrings(a.name, b.name)),
    segments: collectSegments(pages, diagnostics),
    ...collectEvents(pages, diagnostics),
    matrix: matrix.rows,
  };
}

function uniqueActions(pages: readonly PageExtract[], diagnostics: Diagnostic[]): Action[] {
  const seen = new Map<string, Action>();
  for (const action of pages.flatMap((p) => p.actions)) {
    const first = seen.get(action.name);
    if (!first) seen.set(action.name, action);
    else
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-action',
        message: `action \`${action.name}\` is already declared; this section is dropped`,
        source: action.source,
        related: [first.source],
      });
  }
  return [...seen.values()];
}

/**
 * Each named type's id is its docs name; when several definitions share a name (ignoring case and
 * punctuation), action-local ones are qualified by their action (`get_profile_like.userInfos`), and
 * any clash left gets `~2`, `~3`. Ids are language-neutral: emitters derive their own identifiers.
 */
function assignTypeIds(pages: readonly PageExtract[], actions: readonly Action[]): Map<NamedType, string> {
  const owners: [NamedType, string | undefined][] = [
    ...pages.flatMap((p) => p.typeSections.flatMap((s) => s.types.map((t): [NamedType, undefined] => [t, undefined]))),
    ...actions.flatMap((a) => a.types.map((t): [NamedType, string] => [t, a.name])),
  ];
  const count = new Map<string, number>();
  for (const [t] of owners) count.set(foldedId(t.name), (count.get(foldedId(t.name)) ?? 0) + 1);
  const taken = new Set<string>();
  const ids = new Map<NamedType, string>();
  for (const [t, owner] of owners) {
    const base = count.get(foldedId(t.name))! > 1 && owner ? `${owner}.${t.name}` : t.name;
    let id = base;
    for (let n = 2; taken.has(foldedId(id)); n++) id = `${base}~${n}`;
    taken.add(foldedId(id));
    ids.set(t, id);
  }
  return ids;
}

function resolveAction(action: Action, ids: Map<NamedType, string>, scope: Scope): Action {
  const variants: Record<string, Variant> = {};
  for (const [impl, v] of Object.entries(action.variants)) {
    variants[impl] = {
      ...v,
      ...(v.params ? { params: resolveBody(v.params, scope) } : {}),
      ...(v.response ? { response: resolveBody(v.response, scope) } : {}),
    };
  }
  return {
    ...action,
    params: resolveBody(action.params, scope),
    response: resolveBody(action.response, scope),
    types: action.types.map((t) => resolveNamed(t, ids.get(t) ?? t.id, scope)),
    variants,
  };
}

function resolveNamed(t: NamedType, id: string, scope: Scope): NamedType {
  return { ...t, id, type: resolveType(t.type, scope, t.source) };
}

function resolveBody(body: Body, scope: Scope): Body {
  return body.kind === 'type' ? { ...body, type: resolveType(body.type, scope, body.source) } : body;
}
