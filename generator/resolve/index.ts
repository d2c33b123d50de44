/**
 * Cross-page work, done once so emitters never guess: duplicate actions, sub-type references
 * resolved to unique identifiers, unresolved links reported, stable order.
 */
import type { PageExtract } from '../extract/index.js';
import { compareStrings, type Diagnostic } from '../model/diagnostics.js';
import { collectEvents, eventLinkTargets } from './events.js';
import { linkedPage } from './links.js';
import { applyMatrix } from './matrix.js';
import { foldedId } from '../model/ids.js';
import { collectSegments } from './segments.js';
import type { Action, Body, Field, Model, NamedType, Page, SourceRef, TypeRef, Variant } from '../model/types.js';

interface Scope {
  /** Docs name (exact and lower-cased) → unique id. */
  readonly names: NameLookup;
  /**
   * Link targets: `page` (posix path) → the type a link to the page stands for, and
   * `page#anchor` → a sub-type defined on that page.
   */
  readonly links: ReadonlyMap<string, TypeRef>;
  readonly diagnostics: Diagnostic[];
}

export function resolve(pages: readonly PageExtract[], diagnostics: Diagnostic[]): Model {
  const actions = uniqueActions(pages, diagnostics);
  const kept = new Set(actions);
  const ids = assignTypeIds(pages, actions);
  const shared = namesOf(
    pages.flatMap((p) => p.typeSections.flatMap((s) => s.types)),
    ids,
  );
  const links = linkTargets(pages, ids);
  const scope = (local: readonly NamedType[]) => scopeFor(local, shared, ids, links, diagnostics);
  const resolved = actions.map((a) => resolveAction(a, ids, scope(a.types)));
  const outPages: Page[] = pages.map((p) => ({
    file: p.file,
    title: p.title,
    actions: p.actions.filter((a) => kept.has(a)).map((a) => a.name),
    typeSections: p.typeSections.map((s) => ({
      ...s,
      types: s.types.map((t) => resolveNamed(t, ids.get(t) ?? t.id, scope([]))),
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

/** Looks a docs name up; `Map` is one. */
interface NameLookup {
  get(name: string): string | undefined;
}

/** Name (exact and lower-cased) → id; a later type wins over an earlier one of the same name. */
function namesOf(types: readonly NamedType[], ids: Map<NamedType, string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of types) {
    names.set(t.name, ids.get(t) ?? t.id);
    names.set(t.name.toLowerCase(), ids.get(t) ?? t.id);
  }
  return names;
}

/**
 * An action's names: its own sub-types over the pages' shared ones. The shared map is built once
 * and only looked through, so each action costs its own types, not every page's.
 */
function scopeFor(
  local: readonly NamedType[],
  shared: ReadonlyMap<string, string>,
  ids: Map<NamedType, string>,
  links: ReadonlyMap<string, TypeRef>,
  diagnostics: Diagnostic[],
): Scope {
  if (local.length === 0) return { names: shared, links, diagnostics };
  const own = namesOf(local, ids);
  return { names: { get: (name) => own.get(name) ?? shared.get(name) }, links, diagnostics };
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

/** `ref` → the unique id of its target; unknown targets and cross-page links → unknown + warning. */
export function resolveType(type: TypeRef, scope: Scope, at: SourceRef): TypeRef {
  switch (type.kind) {
    case 'ref': {
      const id = scope.names.get(type.target) ?? scope.names.get(type.target.toLowerCase());
      if (id) return { kind: 'ref', target: id };
      return unresolved(scope, at, `sub-type \`${type.target}\` is not defined on this page`);
    }
    case 'link':
      return (
        linkKeys(at.file, type.href, type.text)
          .map((k) => scope.links.get(k))
          .find(Boolean) ??
        unresolved(scope, at, `link [${type.text}](${type.href}) does not point at a type defined by the inputs`)
      );
    case 'array':
      return { ...type, element: resolveType(type.element, scope, at) };
    case 'union':
      return { ...type, members: type.members.map((m) => resolveType(m, scope, at)) };
    case 'object':
      return { ...type, fields: type.fields.map((f): Field => ({ ...f, type: resolveType(f.type, scope, f.source) })) };
    default:
      return type;
  }
}

function unresolved(scope: Scope, at: SourceRef, message: string): TypeRef {
  scope.diagnostics.push({
    severity: 'warning',
    code: 'unresolved-link',
    message: `${message}; typed as unknown`,
    source: at,
  });
  return { kind: 'unknown', reason: message };
}

/**
 * What cross-page links can point at: pages of events (eventLinkTargets) and the sub-types other
 * pages define, keyed `page#name` with the name lower-cased (`./file.md#file` → `File`).
 */
function linkTargets(pages: readonly PageExtract[], ids: Map<NamedType, string>): Map<string, TypeRef> {
  const targets = eventLinkTargets(pages);
  for (const page of pages) {
    const types = [...page.typeSections.flatMap((s) => s.types), ...page.actions.flatMap((a) => a.types)];
    for (const t of types)
      targets.set(`${page.file}#${t.name.toLowerCase()}`, { kind: 'ref', target: ids.get(t) ?? t.id });
  }
  return targets;
}

/** Keys to look a link up by, most specific first: `page#anchor`, `page#text`, `page`. */
function linkKeys(from: string, href: string, text: string): string[] {
  const page = linkedPage(from, href);
  const anchor = href.split('#')[1];
  return [...(anchor ? [`${page}#${anchor.toLowerCase()}`] : []), `${page}#${text.toLowerCase()}`, page];
}
