/**
 * The action tables: a small page written for the test goes through `buildModel`, and the row
 * compares the exact model fragment it names plus every diagnostic (severity, code, file:line:col
 * and related positions).
 *
 * `want.actions` must list every action of the model by name; for each, only the properties
 * written are compared, but those exactly. `want.pages`, when given, lists every page the same way.
 */
import { expect } from 'vitest';
import type { Action, ImplId, Page } from '../../generator/model/types.js';
import { bool, buildOne, buildPages, diagnosticLines, md, obj, row, tableBody } from './helpers.js';
import { type Row, table } from './table.js';

export interface ActionWant {
  readonly actions: Record<string, Partial<Action>>;
  readonly pages?: Partial<Page>[];
  readonly diagnostics: string[];
}

/** One page (built as `fixture.md`), or several pages. */
export type ActionGiven = string | { file: string; text: string }[];

function pick<T extends object>(value: T | undefined, like: Partial<T>): Partial<T> | undefined {
  if (!value) return undefined;
  return Object.fromEntries(Object.keys(like).map((k) => [k, value[k as keyof T]])) as Partial<T>;
}

/** What a row's `want` is compared with: the same keys, read from the model built from `given`. */
export function observeActions({ given, want }: { given: ActionGiven; want: ActionWant }): ActionWant {
  const { model, diagnostics } = typeof given === 'string' ? buildOne(given) : buildPages(given);
  // The model is written out as model.json: it must survive a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
  return {
    actions: Object.fromEntries(model.actions.map((a) => [a.name, pick(a, want.actions[a.name] ?? {})!])),
    ...(want.pages ? { pages: model.pages.map((p, i) => pick(p, want.pages![i] ?? {})!) } : {}),
    diagnostics: diagnosticLines(diagnostics),
  };
}

/** A table of action rows. */
export function actionTable(title: string, rows: readonly Row<ActionGiven, ActionWant>[]): void {
  table(title, rows, observeActions);
}

export const ALL: ImplId[] = ['onebot11', 'gocq', 'napcat', 'lagrange'];

/**
 * A complete section whose action bullet is line 3; no params (tip at line 7), a response table
 * at line 13 with one row at line 15; `after` starts at line 16.
 */
export function withBullet(bullet: string, ...after: string[]): string {
  return md(
    '## 某个接口',
    '',
    bullet,
    '',
    '### 参数',
    '',
    '::: tip 提示',
    '该 API 没有参数',
    ':::',
    '',
    '### 响应数据',
    '',
    '| 字段名 | 数据类型 | 说明 |',
    '| --- | --- | --- |',
    '| `ok` | boolean | 是否成功 |',
    ...after,
  );
}

/** The response of `withBullet`. */
export const okResponse = tableBody(13, obj([row(15, 'ok', bool, 'boolean', '是否成功')]));

/** A page with no actions. */
export const emptyPage = (title = ''): Partial<Page> => ({ file: 'fixture.md', title, actions: [], typeSections: [] });
