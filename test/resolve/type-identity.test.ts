/**
 * Type identity: a sub-type is known by where it is defined (page, then name as anchor), actions
 * and sub-types that would share a TypeScript name get distinct ones (`tsNames`) with a `type-name`
 * info, and no docs name takes one the generated code declares or imports itself. Table-driven over
 * snippets written for the test; every emitted file of every row is checked for a name bound twice.
 */
import { describe, expect, test } from 'vitest';
import { emit } from '../../generator/emit/index.js';
import { type TsNames, tsNames } from '../../generator/emit/ts/names.js';
import type { Model, TypeRef } from '../../generator/model/types.js';
import { repeatedNames } from '../support/declarations.js';
import { buildPages, diagnosticLines, md } from '../support/helpers.js';

const PARAMS = ['| 字段名 | 数据类型 | 默认值 | 说明 |', '| --- | --- | --- | --- |'];
const FIELDS = ['| 字段名 | 数据类型 | 说明 |', '| --- | --- | --- |'];
const page = (...lines: string[]) => md('# 页面', '', ...lines);
/** `## title`, a bullet, one params field, one response field, a blank: 16 lines; bullet at +2, response row at +14. */
const action = (title: string, bullet: string, param: string, field: string, type = 'string') => [
  `## ${title}`,
  '',
  `- ${bullet}`,
  '',
  '### 参数',
  '',
  ...PARAMS,
  `| \`${param}\` | string | - | 参数 |`,
  '',
  '### 响应数据',
  '',
  ...FIELDS,
  `| \`${field}\` | ${type} | 字段 |`,
  '',
];
/** `**name**` and a one-row table: 5 lines and a blank. */
const subType = (name: string, field: string) => [`**${name}**`, '', ...FIELDS, `| \`${field}\` | string | 值 |`, ''];
const shared = (title: string, ...types: string[][]) => [`## ${title}`, '', ...types.flat()];

interface Want {
  /** Action name → the stem of its TypeScript names. */
  actions?: Record<string, string>;
  /** `file name=TypeScriptName` for every sub-type (shared sections, then actions'), in page order. */
  types?: string[];
  /** Action name → response as `field: target`, refs by their target's TypeScript name. */
  responses?: Record<string, string>;
  /** Action name → params field names. */
  params?: Record<string, string>;
  diagnostics: string[];
}

type Pages = { file: string; text: string }[];

const cases: [string, { given: Pages; want: Want }][] = [
  [
    'a same-page link means that page’s own sub-type; a cross-page link the linked page’s',
    {
      given: [
        {
          file: 'docs/api/shelf.md',
          text: page(
            ...shared('共用', subType('Item', 'shelf_no')),
            ...action('列书架', '`list_shelf`', 'q', 'items', '[Item[]](#item)'),
          ),
        },
        {
          file: 'docs/api/shop.md',
          text: page(
            ...shared('共用', subType('Item', 'price')),
            ...action('列商品', '`list_goods`', 'q', 'item', '[Item](#item)'),
            ...action('看书架', '`peek_shelf`', 'q', 'item', '[Item](./shelf.md#item)'),
          ),
        },
      ],
      want: {
        types: ['docs/api/shelf.md Item=Item', 'docs/api/shop.md Item=Item2'],
        responses: { list_shelf: 'items: Item[]', list_goods: 'item: Item2', peek_shelf: 'item: Item' },
        diagnostics: ['info type-name @ docs/api/shop.md:5:1 (see docs/api/shelf.md:5:1)'],
      },
    },
  ],
  [
    'a bare type word is the nearest definition: the action’s own, then its page’s, then its page’s other actions’',
    {
      given: [
        {
          file: 'docs/api/a.md',
          text: page(
            ...shared('共用', subType('Card', 'shared_no')),
            ...action('自带', '`own_card`', 'q', 'card', 'Card'),
            ...subType('Card', 'own_no'),
            ...action('借用', '`lent_badge`', 'q', 'badge', 'Badge'),
            ...action('发牌', '`give_badge`', 'q', 'x'),
            ...subType('Badge', 'badge_no'),
            ...action('共用牌', '`shared_card`', 'q', 'card', '[Card](#card)'),
          ),
        },
      ],
      want: {
        types: ['docs/api/a.md Card=Card', 'docs/api/a.md Card=OwnCardCard', 'docs/api/a.md Badge=Badge'],
        responses: {
          own_card: 'card: OwnCardCard',
          lent_badge: 'badge: Badge',
          shared_card: 'card: Card',
          give_badge: 'x: string',
        },
        diagnostics: ['info type-name @ docs/api/a.md:27:1 (see docs/api/a.md:5:1)'],
      },
    },
  ],
  [
    'a bare word no page of its own defines, defined on two other pages: the first is used, with a warning',
    {
      given: [
        { file: 'docs/api/a.md', text: page(...shared('共用', subType('Coin', 'a'))) },
        { file: 'docs/api/b.md', text: page(...shared('共用', subType('Coin', 'b'))) },
        { file: 'docs/api/c.md', text: page(...action('付款', '`pay`', 'q', 'coin', 'Coin')) },
      ],
      want: {
        responses: { pay: 'coin: Coin' },
        diagnostics: [
          'info type-name @ docs/api/b.md:5:1 (see docs/api/a.md:5:1)',
          'warning unresolved-link @ docs/api/c.md:17:1 (see docs/api/a.md:5:1, docs/api/b.md:5:1)',
        ],
      },
    },
  ],
  [
    'actions whose names differ by a leading `_`, by `-` or by case keep their own types, in a fixed order',
    {
      given: [
        {
          file: 'docs/api/a.md',
          text: page(
            ...action('旧标签', '`_get_tag` (NapCat拓展)', 'legacy_id', 'shown'),
            ...action('标签', '`get_tag`', 'tag', 'variants'),
            ...action('短横', '`fetch-note`', 'dash', 'a'),
            ...action('驼峰', '`fetchNote`', 'camel', 'b'),
            ...action('笔记', '`fetch_note`', 'snake', 'c'),
            ...action('隐藏', '`.get_tag`', 'hidden', 'd'),
          ),
        },
      ],
      want: {
        actions: {
          '.get_tag': 'HiddenGetTag',
          _get_tag: 'UnderscoreGetTag',
          'fetch-note': 'FetchNote2',
          fetchNote: 'FetchNote3',
          fetch_note: 'FetchNote',
          get_tag: 'GetTag',
        },
        params: {
          _get_tag: 'legacy_id',
          get_tag: 'tag',
          'fetch-note': 'dash',
          fetchNote: 'camel',
          fetch_note: 'snake',
          '.get_tag': 'hidden',
        },
        diagnostics: [
          'info type-name @ docs/api/a.md:5:1 (see docs/api/a.md:21:1)',
          'info type-name @ docs/api/a.md:37:1 (see docs/api/a.md:69:1)',
          'info type-name @ docs/api/a.md:53:1 (see docs/api/a.md:69:1)',
        ],
      },
    },
  ],
  [
    'docs names never take a name of the generated code: globals, helpers, unions, another action’s names',
    {
      given: [
        {
          file: 'docs/api/a.md',
          text: page(
            ...shared(
              '共用',
              subType('Promise', 'p'),
              subType('Actions', 'a'),
              subType('ParamsOf', 'o'),
              subType('MessageEvent', 'm'),
              subType('GetTagParams', 'g'),
            ),
            ...action('标签', '`get_tag`', 'tag', 'x'),
          ),
        },
      ],
      want: {
        types: [
          'docs/api/a.md Promise=PromiseType',
          'docs/api/a.md Actions=ActionsType',
          'docs/api/a.md ParamsOf=ParamsOfType',
          'docs/api/a.md MessageEvent=MessageEventType',
          'docs/api/a.md GetTagParams=GetTagParamsType',
        ],
        diagnostics: [5, 11, 17, 23, 29].map((line) => `info type-name @ docs/api/a.md:${line}:1`),
      },
    },
  ],
  [
    'a sub-type named like a post_type union (which a types file imports) keeps clear of it; one named like an event interface keeps its name, which lives in the events module only',
    {
      given: [
        {
          file: 'docs/event/a.md',
          text: md(
            '# 事件',
            '',
            '## 敲门',
            '',
            '### 上报数据',
            '',
            '| 字段名 | 数据类型 | 可能的值 | 说明 |',
            '| --- | --- | --- | --- |',
            '| `post_type` | string | `notice` | 类型 |',
            '| `notice_type` | string | `knock` | 类型 |',
          ),
        },
        {
          file: 'docs/api/b.md',
          text: page(
            ...action('最近敲门', '`last_knock`', 'q', 'e', '[KnockNoticeEvent](#knocknoticeevent)'),
            ...subType('KnockNoticeEvent', 'who'),
            ...action('任一通知', '`any_notice`', 'q', 'e', '[NoticeEvent](#noticeevent)'),
            ...subType('NoticeEvent', 'what'),
          ),
        },
      ],
      want: {
        types: ['docs/api/b.md KnockNoticeEvent=KnockNoticeEvent', 'docs/api/b.md NoticeEvent=NoticeEventType'],
        responses: { last_knock: 'e: KnockNoticeEvent', any_notice: 'e: NoticeEventType' },
        diagnostics: ['info type-name @ docs/api/b.md:41:1'],
      },
    },
  ],
];

const refText = (t: TypeRef, names: TsNames): string =>
  t.kind === 'ref' ? names.type(t.target) : t.kind === 'array' ? `${refText(t.element, names)}[]` : t.kind;

function observe(model: Model, want: Want): Omit<Want, 'diagnostics'> {
  const names = tsNames(model);
  const fieldsOf = (name: string, part: 'params' | 'response') => {
    const body = model.actions.find((a) => a.name === name)?.[part];
    return body?.kind === 'type' && body.type.kind === 'object' ? body.type.fields : [];
  };
  const typeSections = model.pages.flatMap((p) => p.typeSections.flatMap((s) => s.types));
  const local = [...new Set(model.actions.flatMap((a) => a.types))];
  return {
    actions: Object.fromEntries(model.actions.map((a) => [a.name, names.action(a.name)])),
    types: [...typeSections, ...local]
      .sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line)
      .map((t) => `${t.source.file} ${t.name}=${names.type(t.id)}`),
    responses: Object.fromEntries(
      Object.keys(want.responses ?? {}).map((n) => [
        n,
        fieldsOf(n, 'response')
          .map((f) => `${f.name}: ${refText(f.type, names)}`)
          .join('; '),
      ]),
    ),
    params: Object.fromEntries(
      Object.keys(want.params ?? {}).map((n) => [
        n,
        fieldsOf(n, 'params')
          .map((f) => f.name)
          .join(' '),
      ]),
    ),
  };
}

describe('type identity', () => {
  test.each(cases)('%s', async (_name, { given, want }) => {
    const { model, diagnostics } = buildPages(given);
    const got = { ...observe(model, want), diagnostics: diagnosticLines(diagnostics) };
    expect(Object.fromEntries(Object.keys(want).map((k) => [k, got[k as keyof Want]]))).toEqual(want);
    // Every artefact's sources; the compiled twins (no package) declare what their sources do.
    expect(repeatedNames(await emit(model, { package: false }))).toEqual([]);
  });

  test('action stems do not depend on page order', () => {
    const pages = cases.find(([name]) => name.startsWith('actions whose names'))![1].given;
    const text = pages[0]!.text.split(/(?=^## )/m);
    const reversed = [{ file: 'docs/api/a.md', text: [text[0], ...text.slice(1).reverse()].join('') }];
    const ids = (p: Pages) => {
      const { model } = buildPages(p);
      return model.actions.map((a) => `${a.name}=${tsNames(model).action(a.name)}`);
    };
    expect(ids(reversed)).toEqual(ids(pages));
  });
});
