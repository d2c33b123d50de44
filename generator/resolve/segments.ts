/**
 * Cross-page work for message segments: kept in page order, each given a unique, language-neutral id.
 *
 *     face                                        → face
 *     contact (data.type `qq`), contact (`group`)  → contact.qq, contact.group
 *     music (`qq` `163` `xm`), music (`custom`)    → music, music.custom
 *     node (`id`), node 自定义 (`user_id`, …)       → node, node.custom (a title word, when no field differs)
 *
 * Sections that share a `type` stay separate segments: each is a member of the segment unions, so
 * a `music` segment is either form, and `data.type` (or the fields present) tells them apart. Their
 * ids come from the first field all of them have that holds a distinct single literal in each (at
 * most one may hold something else and keeps the bare type). Without such a field, the later
 * segment gets `~2` and a warning: its id depends on page order.
 */
import type { PageExtract } from '../extract/index.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { foldedId } from '../model/ids.js';
import type { Segment, TypeRef } from '../model/types.js';

export function collectSegments(pages: readonly PageExtract[], diagnostics: Diagnostic[]): Segment[] {
  const segments = pages.flatMap((p) => p.segments);
  const stems = variantStems(segments);
  const taken = new Set<string>();
  return segments.map((segment, i): Segment => {
    const stem = stems[i]!;
    let id = stem;
    for (let n = 2; taken.has(foldedId(id)); n++) id = `${stem}~${n}`;
    taken.add(foldedId(id));
    if (id !== stem) {
      const earlier = segments.find((s, j) => j < i && foldedId(stems[j]!) === foldedId(stem));
      const why = earlier
        ? `an earlier \`${earlier.type}\` segment is \`${stems[segments.indexOf(earlier)]}\` and no field literal tells the two apart`
        : `\`${stem}\` is already taken`;
      diagnostics.push({
        severity: 'warning',
        code: 'segment-id',
        message: `segment \`${segment.type}\` gets the id \`${id}\`: ${why}`,
        source: segment.source,
        ...(earlier ? { related: [earlier.source] } : {}),
      });
    }
    return { ...segment, id };
  });
}

/** The `type`, plus `.word` for segments that share their type with others: `contact.qq`. */
function variantStems(segments: readonly Segment[]): string[] {
  const groups = new Map<string, number[]>();
  segments.forEach((s, i) => groups.set(s.type, [...(groups.get(s.type) ?? []), i]));
  const stems = segments.map((s) => s.type);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const suffixes = discriminate(members.map((i) => segments[i]!));
    members.forEach((i, k) => (stems[i] += suffixes?.[k] ? `.${suffixes[k]}` : ''));
  }
  return stems;
}
/** Suffixes from the first shared field with a distinct single literal per variant (one may lack it). */
function discriminate(variants: readonly Segment[]): string[] | undefined {
  const shared = variants[0]!.fields.filter((f) => variants.every((v) => v.fields.some((g) => g.name === f.name)));
  for (const { name } of shared) {
    const suffixes = variants.map((v) => wordCase(singleLiteral(v.fields.find((f) => f.name === name)!.type)));
    const bare = suffixes.filter((s) => s === '').length;
    if (bare <= 1 && new Set(suffixes).size === suffixes.length) return suffixes;
  }
  return titleSuffixes(variants);
}

/** Title words that name a variant when no field does: `合并转发自定义节点` → `Custom`. */
const TITLE_WORDS: Readonly<Record<string, string>> = { 自定义: 'custom', 自定: 'custom' };

/** Suffixes from a title word that exactly one variant's title has (the others keep the bare stem). */
function titleSuffixes(variants: readonly Segment[]): string[] | undefined {
  for (const [word, suffix] of Object.entries(TITLE_WORDS)) {
    const marked = variants.map((v) => v.title.includes(word));
    if (marked.filter(Boolean).length === 1) return marked.map((m) => (m ? suffix : ''));
  }
  return undefined;
}

function singleLiteral(type: TypeRef): string {
  return type.kind === 'literal' ? String(type.value) : '';
}

/** `custom` → `custom`, `163` → `163`, `mini app` → `mini_app`; no ASCII words → ''. */
function wordCase(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_');
}
