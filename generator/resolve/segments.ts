/**
 * Cross-page work for message segments: kept in page order, each given a unique id.
 *
 *     face                                        → Face
 *     contact (data.type `qq`), contact (`group`)  → ContactQq, ContactGroup
 *     music (`qq` `163` `xm`), music (`custom`)    → Music, MusicCustom
 *     node (`id`), node 自定义 (`user_id`, …)       → Node, NodeCustom (a title word, when no field differs)
 *
 * Sections that share a `type` stay separate segments: each is a member of the segment unions, so
 * a `music` segment is either form, and `data.type` (or the fields present) tells them apart. Their
 * ids come from the first field all of them have that holds a distinct single literal in each (at
 * most one may hold something else and keeps the bare name). Without such a field, or when a name
 * is taken, the later segment gets a number and a warning: its name depends on page order.
 */
import type { PageExtract } from '../extract/index.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { MESSAGE_MODULE_NAMES, pascalCase, segmentTypeNames } from '../model/ids.js';
import type { Segment, TypeRef } from '../model/types.js';

export function collectSegments(pages: readonly PageExtract[], diagnostics: Diagnostic[]): Segment[] {
  const segments = pages.flatMap((p) => p.segments);
  const stems = variantStems(segments);
  const taken = new Set(MESSAGE_MODULE_NAMES);
  return segments.map((segment, i): Segment => {
    const stem = stems[i]!;
    let id = stem;
    for (let n = 2; Object.values(segmentTypeNames(id)).some((name) => taken.has(name)); n++) id = `${stem}${n}`;
    for (const name of Object.values(segmentTypeNames(id))) taken.add(name);
    if (id !== stem) {
      const earlier = segments.find((s, j) => j < i && stems[j] === stem);
      const why = earlier
        ? `an earlier \`${earlier.type}\` segment is \`${stem}\` and no field literal tells the two apart`
        : `\`${stem}Segment\` or \`Sent${stem}Segment\` is already declared`;
      diagnostics.push({
        severity: 'warning',
        code: 'segment-id',
        message: `segment \`${segment.type}\` is named \`${id}\`: ${why}`,
        source: segment.source,
        ...(earlier ? { related: [earlier.source] } : {}),
      });
    }
    return { ...segment, id };
  });
}

/** `PascalCase(type)`, plus a literal suffix for segments that share their type with others. */
function variantStems(segments: readonly Segment[]): string[] {
  const groups = new Map<string, number[]>();
  segments.forEach((s, i) => groups.set(s.type, [...(groups.get(s.type) ?? []), i]));
  const stems = segments.map((s) => pascalCase(s.type));
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const suffixes = discriminate(members.map((i) => segments[i]!));
    members.forEach((i, k) => (stems[i] += suffixes?.[k] ?? ''));
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
const TITLE_WORDS: Readonly<Record<string, string>> = { 自定义: 'Custom', 自定: 'Custom' };

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

/** `custom` → `Custom`, `163` → `163`, `mini_app` → `MiniApp`; no ASCII words → ''. */
function wordCase(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
