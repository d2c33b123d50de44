/**
 * The support matrix applied to the actions: each row matched to the action it describes, then
 * that action's availability and support levels taken from the row.
 *
 * Matching, in three passes so an exact name always wins over a looser rule:
 *   1. the row's name is an action's name;
 *   2. the row's link (`./bot.md#获取在线机型`) points at the page of an action whose section title
 *      slugs to the anchor (VitePress slugs: lower case, punctuation and spaces → `-`);
 *   3. the names differ by a leading `_` / `.` or an `nc_` prefix (`get_model_show` ↔ `_get_model_show`).
 * An action takes several rows only when their names are aliases (`ocr_image`, `.ocr_image`).
 */
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { AVAILABLE_LEVELS, IMPLEMENTATION_LABELS } from '../model/implementations.js';
import type { Action, ImplId, MatrixRow, SupportLevel } from '../model/types.js';
import { IMPLEMENTATIONS } from '../model/types.js';

export function applyMatrix(
  actions: readonly Action[],
  rows: readonly MatrixRow[],
  diagnostics: Diagnostic[],
): { actions: Action[]; rows: MatrixRow[] } {
  if (rows.length === 0) return { actions: [...actions], rows: [...rows] };
  const matches = matchRows(actions, rows);
  const rowsByAction = new Map<string, number[]>();
  const actionFiles = new Set(actions.map((a) => a.source.file));
  const unmatched: number[] = [];
  matches.forEach((m, i) => {
    if (!m.action) unmatched.push(i);
    else if (rowsByAction.has(m.action.name)) rowsByAction.get(m.action.name)!.push(i);
    else rowsByAction.set(m.action.name, [i]);
  });
  diagnostics.push(
    ...unmatchedRows(
      unmatched.map((i) => [rows[i]!, matches[i]!.reason] as const),
      actionFiles,
    ),
  );
  const matrixFiles = [...new Set(rows.map((r) => r.source.file))].join(', ');
  const outActions = actions.map((action) => {
    const own = rowsByAction.get(action.name);
    if (own) return withSupport(action, rows[own.find((i) => rows[i]!.name === action.name) ?? own[0]!]!);
    diagnostics.push({
      severity: 'warning',
      code: 'matrix-action-missing',
      message: `action \`${action.name}\` has no row in the support matrix (${matrixFiles}); it keeps the availability its tag gives: ${labels(action.availability)}`,
      source: action.source,
    });
    return action;
  });
  const outRows = rows.map((row, i) => {
    const action = matches[i]!.action;
    return action ? { ...row, action: action.name } : row;
  });
  return { actions: outActions, rows: outRows };
}

/** The row decides gocq/napcat/lagrange where it states a level; onebot11 keeps what the tag says. */
function withSupport(action: Action, row: MatrixRow): Action {
  const has = (impl: ImplId): boolean => {
    const level = impl === 'onebot11' ? undefined : row.support[impl];
    return level ? AVAILABLE_LEVELS.has(level) : action.availability.includes(impl);
  };
  const levels: Partial<Record<ImplId, SupportLevel>> = {
    ...(action.tag === 'none' ? { onebot11: 'standard' } : {}),
    ...row.support,
  };
  const support: Partial<Record<ImplId, SupportLevel>> = {};
  for (const impl of IMPLEMENTATIONS) if (levels[impl]) support[impl] = levels[impl];
  return { ...action, availability: IMPLEMENTATIONS.filter(has), support, supportSource: row.source };
}

// ---- matching -----------------------------------------------------------------------------------

interface Match {
  readonly action?: Action;
  /** Why a row has no action although a rule found one: a row that is no alias already holds it. */
  readonly reason?: { readonly taken: Action; readonly by: MatrixRow };
}

type Rule = (row: MatrixRow) => readonly Action[];

function matchRows(actions: readonly Action[], rows: readonly MatrixRow[]): Match[] {
  const byName = new Map(actions.map((a) => [a.name, a]));
  const byAnchor = groupBy(actions, (a) => anchorKey(a.source.file, slug(a.title)));
  const byAlias = groupBy(actions, (a) => aliasKey(a.name));
  const rules: Rule[] = [
    (row) => (byName.has(row.name) ? [byName.get(row.name)!] : []),
    (row) => actionsAtLink(row, byAnchor),
    (row) => (byAlias.get(aliasKey(row.name)) ?? []).filter((a) => a.name !== row.name),
  ];
  const matches: Match[] = rows.map(() => ({}));
  const holders = new Map<string, MatrixRow[]>();
  for (const rule of rules) {
    rows.forEach((row, i) => {
      if (matches[i]!.action) return;
      const candidates = rule(row);
      const free = candidates.find((a) => (holders.get(a.name) ?? []).every((h) => aliases(h.name, row.name)));
      if (free) {
        matches[i] = { action: free };
        const held = holders.get(free.name);
        if (held) held.push(row);
        else holders.set(free.name, [row]);
      } else if (candidates.length > 0 && !matches[i]!.reason) {
        const taken = candidates[0]!;
        matches[i] = { reason: { taken, by: holders.get(taken.name)![0]! } };
      }
    });
  }
  return matches;
}

/** Items by key, each list in the items' order: the index every rule looks rows up in. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Where a section sits, as links name it: the page and the slug without separators, since an
 * anchor matches a heading when the two slugs agree once `-` is dropped.
 */
function anchorKey(file: string, headingSlug: string): string {
  return `${file}#${headingSlug.replaceAll('-', '')}`;
}

/** Actions of the page the row links to whose section title slugs to the link's anchor. */
function actionsAtLink(row: MatrixRow, byAnchor: ReadonlyMap<string, readonly Action[]>): Action[] {
  const target = linkTarget(row);
  if (!target?.anchor) return [];
  return [...(byAnchor.get(anchorKey(target.file, slug(target.anchor))) ?? [])].sort(
    (a, b) => Number(aliases(b.name, row.name)) - Number(aliases(a.name, row.name)),
  );
}

/** `./bot.md#获取语音` from `docs/api/README.md` → `{ file: 'docs/api/bot.md', anchor: '获取语音' }`. */
export function linkTarget(row: MatrixRow): { href: string; file: string; anchor?: string } | undefined {
  const href = row.link;
  if (href === undefined || /^[a-z][a-z\d+.-]*:/i.test(href)) return undefined;
  const [page = '', ...rest] = href.split('#');
  const file = page
    ? path.posix.normalize(path.posix.join(path.posix.dirname(row.source.file), decode(page)))
    : row.source.file;
  const anchor = rest.length > 0 ? decode(rest.join('#')) : undefined;
  return { href, file, ...(anchor ? { anchor } : {}) };
}

/**
 * Heading → anchor as VitePress makes it: `获取 CSRF Token` → `获取-csrf-token`. Links in the docs
 * are not always exact slugs (`获取-CSRF-Token`, `获取群@全体成员剩余次数`), so anchors are slugged
 * too and compared without separators (anchorKey).
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/** `_get_model_show`, `.get_model_show`, `nc_get_model_show` → `get_model_show`. */
function aliasKey(name: string): string {
  return name.replace(/^[_.]+/, '').replace(/^nc_/, '');
}

function aliases(a: string, b: string): boolean {
  return aliasKey(a) === aliasKey(b);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---- messages -----------------------------------------------------------------------------------

/**
 * One warning per unmatched row, except rows whose links point at one page that is not among the
 * inputs: the missing page is the one oddity, so they share one warning at the first of them.
 */
function unmatchedRows(
  unmatched: readonly (readonly [MatrixRow, Match['reason']])[],
  actionFiles: ReadonlySet<string>,
): Diagnostic[] {
  const byMissingPage = new Map<string, MatrixRow[]>();
  const out: Diagnostic[] = [];
  for (const [row, reason] of unmatched) {
    const file = reason ? undefined : linkTarget(row)?.file;
    if (file !== undefined && !actionFiles.has(file))
      byMissingPage.set(file, [...(byMissingPage.get(file) ?? []), row]);
    else out.push(unmatchedRow(row, reason, actionFiles));
  }
  for (const [page, group] of byMissingPage) {
    if (group.length === 1) {
      out.push(unmatchedRow(group[0]!, undefined, actionFiles));
      continue;
    }
    out.push({
      severity: 'warning',
      code: 'matrix-row-unmatched',
      message: `${group.length} matrix rows match no action: ${group.map((r) => `\`${r.name}\``).join(', ')}; their links point at ${page}, a page that is not among the inputs (or declares no actions), and no action has their names (even with a leading \`_\`/\`.\`/\`nc_\` added or removed)`,
      source: group[0]!.source,
      related: group.slice(1).map((r) => r.source),
    });
  }
  return out;
}

function unmatchedRow(row: MatrixRow, reason: Match['reason'], actionFiles: ReadonlySet<string>): Diagnostic {
  const named = `matrix row \`${row.name}\`${row.title ? ` (${row.title})` : ''}`;
  if (reason)
    return {
      severity: 'warning',
      code: 'matrix-row-unmatched',
      message: `${named} matches no action: it would describe \`${reason.taken.name}\`, which row \`${reason.by.name}\` already describes, and only aliases (names differing by a leading \`_\`/\`.\`/\`nc_\`) may share an action`,
      source: row.source,
      related: [reason.by.source],
    };
  const target = linkTarget(row);
  const href = row.link;
  let where: string;
  if (href === undefined) where = 'it has no link to a section';
  else if (!target) where = `its link ${href} points outside the docs`;
  else if (!actionFiles.has(target.file))
    where = `its link ${href} points at ${target.file}, a page that is not among the inputs (or declares no actions)`;
  else if (!target.anchor) where = `its link ${href} names no heading of ${target.file}`;
  else where = `its link ${href} points at ${target.file}, where no action section has the heading #${target.anchor}`;
  return {
    severity: 'warning',
    code: 'matrix-row-unmatched',
    message: `${named} matches no action: ${where}, and no action is named \`${row.name}\` (even with a leading \`_\`/\`.\`/\`nc_\` added or removed)`,
    source: row.source,
  };
}

function labels(impls: readonly ImplId[]): string {
  return impls.length ? impls.map((i) => IMPLEMENTATION_LABELS[i]).join(', ') : 'none';
}
