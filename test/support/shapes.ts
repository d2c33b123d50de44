/**
 * What each implementation sees of an action, compactly, for tables whose rows are about meaning
 * rather than positions:
 *
 *     { 'onebot11,gocq': '{ room_id: number, name: string } → null',
 *       'napcat': '{ room_id: number } → null' }
 *
 * Implementations that see the same are grouped, in IMPLEMENTATIONS order; `?` marks an optional
 * field, `…` an open object; diagnostics are `code@line`.
 */
import { sortDiagnostics } from '../../generator/model/diagnostics.js';
import type { Body, Model, TypeRef } from '../../generator/model/types.js';
import { bodyFor } from '../../generator/model/views.js';
import { buildOne, md } from './helpers.js';
import { type Row, table } from './table.js';

export function typeShape(t: TypeRef): string {
  switch (t.kind) {
    case 'object': {
      const fields = t.fields.map((f) => `${f.name}${f.required ? '' : '?'}: ${typeShape(f.type)}`);
      if (t.open) fields.push('…');
      return `{ ${fields.join(', ')} }`;
    }
    case 'array':
      return t.element.kind === 'union' ? `(${typeShape(t.element)})[]` : `${typeShape(t.element)}[]`;
    case 'union':
      return t.members.map(typeShape).join(' | ');
    case 'literal':
      return JSON.stringify(t.value);
    case 'ref':
      return t.target;
    case 'link':
      return `link(${t.text})`;
    default:
      return t.kind;
  }
}

export function bodyShape(b: Body): string {
  return b.kind === 'none' ? 'none' : typeShape(b.type);
}

/** Per group of implementations: `params → response` of the named action (the first one by default). */
export function viewsOf(model: Model, name?: string): Record<string, string> {
  const action = name ? model.actions.find((a) => a.name === name) : model.actions[0];
  if (!action) return {};
  const groups = new Map<string, string[]>();
  for (const impl of action.availability) {
    const view = `${bodyShape(bodyFor(action, impl, 'params'))} → ${bodyShape(bodyFor(action, impl, 'response'))}`;
    groups.set(view, [...(groups.get(view) ?? []), impl]);
  }
  return Object.fromEntries([...groups].map(([view, impls]) => [impls.join(','), view]));
}

export interface MeaningWant {
  readonly views: Record<string, string>;
  /** `code@line`, in order. */
  readonly diagnostics: string[];
}

/** One page (as `fixture.md`) → the views of its first action and its diagnostics. */
export function observeMeaning({ given }: { given: string }): MeaningWant {
  const { model, diagnostics } = buildOne(given);
  return {
    views: viewsOf(model),
    diagnostics: sortDiagnostics(diagnostics).map((d) => `${d.code}@${d.source.line}`),
  };
}

/** A table of meaning rows. */
export function meaningTable(title: string, rows: readonly Row<string, MeaningWant>[]): void {
  table(title, rows, observeMeaning);
}

/** `## 动作` + `- \`act_now\``, then the given lines (line 5 onwards). */
export function section(...lines: string[]): string {
  return md('## 动作', '', '- `act_now`', '', ...lines);
}

/** A Markdown table: header `| 字段名 | 数据类型 | 默认值 | 说明 |` and one row per `name type [default]`. */
export function params(...rows: string[]): string[] {
  return [
    '| 字段名 | 数据类型 | 默认值 | 说明 |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => {
      const [name, type, def] = r.split(' ');
      return `| \`${name}\` | ${type} | ${def ?? '-'} | 说明 |`;
    }),
  ];
}

/** A response table: `| 字段名 | 数据类型 | 说明 |` and one row per `name type`. */
export function fields(...rows: string[]): string[] {
  return [
    '| 字段名 | 数据类型 | 说明 |',
    '| --- | --- | --- |',
    ...rows.map((r) => {
      const [name, type] = r.split(' ');
      return `| \`${name}\` | ${type} | 说明 |`;
    }),
  ];
}
