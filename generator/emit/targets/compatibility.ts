/**
 * Targets `compatibility.md` and `compatibility.json`: every action × every implementation, with
 * the support matrix's symbols.
 *
 *     | api              | action            | 名称         | tag  | OneBot 11 | go-cqhttp | NapCat | Lagrange | from   | source                 |
 *     | `get_model_show` | `_get_model_show` | 获取在线机型 | gocq | -         | ✅         | ✅      | ❌        | matrix | docs/api/README.md:153 |
 *
 * One entry per matrix row (page order), then one per action no row describes (by name). A row's
 * levels are the row's own; `OneBot 11` is the standard's, which follows from the action's tag. An
 * action without a row gets levels from its tag: ✅ where it is available, ✨ in the
 * implementation whose extension it is, - elsewhere. Without a matrix every entry is of the second
 * kind, and the `from` column says so.
 */
import { IMPLEMENTATION_LABELS } from '../../model/implementations.js';
import { MATRIX_SYMBOLS, SUPPORT_LEVEL_TEXT } from '../../model/implementations.js';
import type { Action, ActionTag, ImplId, MatrixRow, Model, SourceRef, SupportLevel } from '../../model/types.js';
import { IMPLEMENTATIONS } from '../../model/types.js';
import { tagLevel } from '../../model/views.js';
import { sourceLine } from '../ts/jsdoc.js';
import type { RawFile } from './types.js';

export interface CompatibilityEntry {
  /** The name the matrix row gives, or the action's name when no row describes it. */
  readonly name: string;
  readonly title: string;
  /** The action the entry describes; null for a matrix row that matched no action. */
  readonly action: string | null;
  readonly tag: ActionTag | null;
  /** Level per implementation; absent where the row states none and no action supplies one. */
  readonly levels: Readonly<Partial<Record<ImplId, SupportLevel>>>;
  /** `matrix`: a support matrix row; `tag`: derived from the action's extension tag. */
  readonly from: 'matrix' | 'tag';
  readonly note: string;
  readonly source: SourceRef;
}

export function compatibilityEntries(model: Model): CompatibilityEntry[] {
  const actions = new Map(model.actions.map((a) => [a.name, a]));
  const described = new Set(model.matrix.flatMap((r) => (r.action ? [r.action] : [])));
  return [
    ...model.matrix.map((row) => rowEntry(row, row.action ? actions.get(row.action) : undefined)),
    ...model.actions.filter((a) => !described.has(a.name)).map(tagEntry),
  ];
}

function rowEntry(row: MatrixRow, action: Action | undefined): CompatibilityEntry {
  const fromTag = action ? tagLevels(action) : {};
  const levels: Partial<Record<ImplId, SupportLevel>> = {};
  for (const impl of IMPLEMENTATIONS) {
    const level = impl === 'onebot11' ? fromTag[impl] : (row.support[impl] ?? fromTag[impl]);
    if (level) levels[impl] = level;
  }
  return {
    name: row.name,
    title: row.title,
    action: action?.name ?? null,
    tag: action?.tag ?? null,
    levels,
    from: 'matrix',
    note: row.note,
    source: row.source,
  };
}

function tagEntry(action: Action): CompatibilityEntry {
  return {
    name: action.name,
    title: action.title,
    action: action.name,
    tag: action.tag,
    levels: tagLevels(action),
    from: 'tag',
    note: '',
    source: action.source,
  };
}

function tagLevels(action: Action): Partial<Record<ImplId, SupportLevel>> {
  const levels: Partial<Record<ImplId, SupportLevel>> = {};
  for (const impl of IMPLEMENTATIONS) levels[impl] = tagLevel(action, impl);
  return levels;
}

export function compatibilityTargets(model: Model): RawFile[] {
  const entries = compatibilityEntries(model);
  const matrixFiles = [...new Set(model.matrix.map((r) => r.source.file))];
  const json = {
    levelsFrom: matrixFiles.length > 0 ? 'matrix-and-tags' : 'tags',
    matrixFiles,
    symbols: MATRIX_SYMBOLS,
    implementations: IMPLEMENTATIONS,
    entries,
  };
  return [
    { path: 'compatibility.json', text: `${JSON.stringify(json, null, 2)}\n` },
    { path: 'compatibility.md', text: markdown(entries, matrixFiles) },
  ];
}

function markdown(entries: readonly CompatibilityEntry[], matrixFiles: readonly string[]): string {
  const legend = (Object.keys(MATRIX_SYMBOLS) as SupportLevel[])
    .map((l) => `${MATRIX_SYMBOLS[l]} ${SUPPORT_LEVEL_TEXT[l]}`)
    .join(' · ');
  const origin =
    matrixFiles.length > 0
      ? `Levels come from the support matrix (${matrixFiles.join(', ')}) where a row describes the action (\`from\`: matrix), otherwise from the action's extension tag (\`from\`: tag). An empty cell: the row matched no action, or states no level there.`
      : "No support matrix is among the inputs: every level is derived from the action's extension tag (`from`: tag).";
  const header = [
    'api',
    'action',
    '名称',
    'tag',
    ...IMPLEMENTATIONS.map((i) => IMPLEMENTATION_LABELS[i]),
    'from',
    'source',
  ];
  const rows = entries.map((e) => [
    `\`${e.name}\``,
    e.action ? `\`${e.action}\`` : '',
    e.title,
    e.tag ?? '',
    ...IMPLEMENTATIONS.map((i) => (e.levels[i] ? MATRIX_SYMBOLS[e.levels[i]] : '')),
    e.from,
    sourceLine(e.source),
  ]);
  return [
    '# Support by implementation',
    '',
    'Generated by onebot-codegen. Do not edit: change the docs and run `npm run generate`.',
    '',
    `Levels: ${legend}.`,
    '',
    origin,
    '',
    tableLine(header),
    tableLine(header.map(() => '---')),
    ...rows.map(tableLine),
    '',
  ].join('\n');
}

function tableLine(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ')).join(' | ')} |`;
}
