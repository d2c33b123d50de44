/**
 * Named sub-types across pages. A sub-type's identity is where it is defined (its page, and its
 * name as anchors spell it), never its name alone:
 *
 *     api/file.md   **File** (file_id …)    →  id File     [File[]](#file) on file.md means this one
 *     api/friend.md **File** (id, url)      →  id File~2   [File](#file) on friend.md means this one;
 *                                                           [File](./file.md#file) means the first
 *
 * A ref is looked up from the nearest definition outwards: the action's own sub-types, its page's
 * shared sections, the page's other actions', then other pages' shared sections.
 */
import type { PageExtract } from '../extract/index.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { Field, NamedType, SourceRef, TypeRef } from '../model/types.js';
import { linkedPage } from './links.js';

/** Where the refs and links of one action (or of one page's shared sections) are looked up. */
export interface Scope {
  /** Docs name → the id of its nearest definition, or undefined. */
  readonly lookUp: (name: string, at: SourceRef) => string | undefined;
  /** `page` → the type a link to the page stands for; `page#anchor` → the sub-type defined there. */
  readonly links: ReadonlyMap<string, TypeRef>;
  readonly diagnostics: Diagnostic[];
}

/** A docs name's definitions in one tier: exact spelling first, then any case; the first of each wins. */
class Tier {
  private readonly exact = new Map<string, string>();
  private readonly folded = new Map<string, string>();

  constructor(types: readonly NamedType[], ids: ReadonlyMap<NamedType, string>) {
    for (const t of types) {
      const id = ids.get(t) ?? t.id;
      if (!this.exact.has(t.name)) this.exact.set(t.name, id);
      if (!this.folded.has(t.name.toLowerCase())) this.folded.set(t.name.toLowerCase(), id);
    }
  }

  get(name: string): string | undefined {
    return this.exact.get(name) ?? this.folded.get(name.toLowerCase());
  }
}

/** Shared sub-types of every page, by lower-cased name: a name that several pages define is ambiguous. */
type Elsewhere = ReadonlyMap<
  string,
  readonly { readonly file: string; readonly id: string; readonly source: SourceRef }[]
>;

/**
 * Scopes are built per page once (its shared sections and its actions' sub-types), so resolving
 * costs each action its own sub-types, not every page's.
 */
export class Scopes {
  private readonly pageTiers = new Map<PageExtract, readonly [Tier, Tier]>();
  private readonly elsewhere = new Map<string, { file: string; id: string; source: SourceRef }[]>();

  constructor(
    pages: readonly PageExtract[],
    private readonly ids: ReadonlyMap<NamedType, string>,
    private readonly links: ReadonlyMap<string, TypeRef>,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const page of pages) {
      const shared = page.typeSections.flatMap((s) => s.types);
      this.pageTiers.set(page, [
        new Tier(shared, ids),
        new Tier(
          page.actions.flatMap((a) => a.types),
          ids,
        ),
      ]);
      for (const t of shared) {
        const list = this.elsewhere.get(t.name.toLowerCase()) ?? [];
        list.push({ file: page.file, id: ids.get(t) ?? t.id, source: t.source });
        this.elsewhere.set(t.name.toLowerCase(), list);
      }
    }
  }

  /** The scope of an action of `page` with sub-types `own` (none: the page's shared sections). */
  of(page: PageExtract, own: readonly NamedType[]): Scope {
    const [shared, actions] = this.pageTiers.get(page)!;
    const tiers = own.length > 0 ? [new Tier(own, this.ids), shared, actions] : [shared, actions];
    const lookUp = (name: string, at: SourceRef) => {
      for (const tier of tiers) {
        const id = tier.get(name);
        if (id !== undefined) return id;
      }
      return fromElsewhere(name, page.file, this.elsewhere, at, this.diagnostics);
    };
    return { lookUp, links: this.links, diagnostics: this.diagnostics };
  }
}

/** A shared sub-type of another page; several pages defining the name are reported, and the first is used. */
function fromElsewhere(
  name: string,
  file: string,
  elsewhere: Elsewhere,
  at: SourceRef,
  diagnostics: Diagnostic[],
): string | undefined {
  const found = (elsewhere.get(name.toLowerCase()) ?? []).filter((d) => d.file !== file);
  const pages = new Set(found.map((d) => d.file));
  if (pages.size > 1)
    diagnostics.push({
      severity: 'warning',
      code: 'unresolved-link',
      message: `sub-type \`${name}\` is not defined on this page, and ${pages.size} other pages define one; the first is used (link to the one meant: \`[${name}](./page.md#${name.toLowerCase()})\`)`,
      source: at,
      related: found.map((d) => d.source),
    });
  return found[0]?.id;
}

/** `ref` → the id of its nearest definition; unknown targets and links → unknown + warning. */
export function resolveType(type: TypeRef, scope: Scope, at: SourceRef): TypeRef {
  switch (type.kind) {
    case 'ref': {
      const id = scope.lookUp(type.target, at);
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
 * What links can point at, besides event pages: `page#name` (the name lower-cased) → the sub-type
 * defined there (`./file.md#file` → `File`). When a page defines a name twice, the first definition
 * has the anchor, as on the rendered page; shared sections come before actions' sub-types.
 */
export function addSubTypeLinks(
  targets: Map<string, TypeRef>,
  pages: readonly PageExtract[],
  ids: ReadonlyMap<NamedType, string>,
): Map<string, TypeRef> {
  for (const page of pages) {
    const types = [...page.typeSections.flatMap((s) => s.types), ...page.actions.flatMap((a) => a.types)];
    for (const t of types) {
      const key = `${page.file}#${t.name.toLowerCase()}`;
      if (!targets.has(key)) targets.set(key, { kind: 'ref', target: ids.get(t) ?? t.id });
    }
  }
  return targets;
}

/** Keys to look a link up by, most specific first: `page#anchor`, `page#text`, `page`. */
function linkKeys(from: string, href: string, text: string): string[] {
  const page = linkedPage(from, href);
  const anchor = href.split('#')[1];
  return [...(anchor ? [`${page}#${anchor.toLowerCase()}`] : []), `${page}#${text.toLowerCase()}`, page];
}
