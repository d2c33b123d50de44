/**
 * Page-level reading: the OneBot 11 standard's own layout (the action named in the `##` heading),
 * name cells holding several names, and what a page leaves unused, which is always named in an
 * info. Table-driven over pages written for the test.
 */
import { describe, expect, test } from 'vitest';
import type { Body, Model } from '../../generator/model/types.js';
import { buildPages, diagnosticLines, FIXTURE, md } from '../support/helpers.js';

const PARAMS = ['| 字段名 | 数据类型 | 默认值 | 说明 |', '| --- | --- | --- | --- |'];
const FIELDS = ['| 字段名 | 数据类型 | 说明 |', '| --- | --- | --- |'];

interface Want {
  /** `name tag "title"` per action, sorted by name. */
  actions?: string[];
  /** `action.part` → `name?` per field (`?` when optional), or `none`. */
  bodies?: Record<string, string>;
  /** `action.part field` → its description. */
  descriptions?: Record<string, string>;
  diagnostics: string[];
}

const cases: [string, { given: string | { file: string; text: string }[]; want: Want }][] = [
  [
    'an action named in the heading is a standard action, titled by the rest of the heading',
    {
      given: md(
        '# 公开接口',
        '',
        '## `post_memo` 写备忘',
        '',
        '### 参数',
        '',
        ...PARAMS,
        '| `owner_id` | number | - | 主人 |',
        '| `body` | string | - | 正文 |',
        '',
        '### 响应数据',
        '',
        ...FIELDS,
        '| `memo_id` | number (int32) | 编号 |',
        '',
        '## `wipe_memos` 清空备忘 (gocq拓展)',
        '',
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '无。',
      ),
      want: {
        actions: ['post_memo none "写备忘"', 'wipe_memos gocq "清空备忘"'],
        bodies: {
          'post_memo.params': 'owner_id body',
          'post_memo.response': 'memo_id',
          'wipe_memos.params': 'none',
          'wipe_memos.response': 'none',
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a bullet naming the heading’s action again is one action, with the bullet’s tag',
    {
      given: md(
        '## `peek_memo` 偷看',
        '',
        '- `peek_memo` (NapCat拓展)',
        '',
        '### 响应数据',
        '',
        ...FIELDS,
        '| `text` | string | 文本 |',
      ),
      want: { actions: ['peek_memo napcat "偷看"'], diagnostics: [] },
    },
  ],
  [
    'a heading opening with something that is no action name is not an action',
    {
      given: md('# 接入', '', '## `/memo` 端点', '', '说明文字。', '', '## `memo list` 列表', '', '也是说明。'),
      want: { actions: [], diagnostics: ['info unused-page @ fixture.md:1:1'] },
    },
  ],
  [
    'an unknown tag after a heading name: standard, with a warning',
    {
      given: md('## `odd_memo` 怪 (火星拓展)', '', '### 参数', '', '无'),
      want: {
        actions: ['odd_memo none "怪"'],
        diagnostics: ['warning no-tables @ fixture.md:1:1', 'warning unknown-implementation @ fixture.md:1:1'],
      },
    },
  ],
  [
    'a name cell with two names gives two optional fields, each naming the other',
    {
      given: md(
        '## `accept_memo` 接收备忘',
        '',
        '### 参数',
        '',
        ...PARAMS,
        '| `memo_key` 或 `key` | string | - | 标识 |',
        '| `ok` | boolean | `true` | 是否 |',
        '',
        '### 响应数据',
        '',
        ...FIELDS,
        '| `by_id` 或者 `by` | number | 处理人 |',
      ),
      want: {
        bodies: { 'accept_memo.params': 'memo_key? key? ok?', 'accept_memo.response': 'by_id? by?' },
        descriptions: {
          'accept_memo.params memo_key': '标识\nAlternative name: `key`; give at least one of them.',
          'accept_memo.params key': '标识\nAlternative name: `memo_key`; give at least one of them.',
          'accept_memo.response by': '处理人\nAlternative name: `by_id`; at least one of them is present.',
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a name cell with one name and other words keeps the name',
    {
      given: md('## `tag_memo` 标记', '', '### 参数', '', ...PARAMS, '| `tag` (旧 `label`) | string | - | 标签 |'),
      want: { bodies: { 'tag_memo.params': 'tag' }, diagnostics: ['warning no-tables @ fixture.md:1:1'] },
    },
  ],
  [
    'an unused section among used ones is named in an info at its heading; a warned one is not',
    {
      given: md(
        '# 备忘',
        '',
        '## `read_memo` 读',
        '',
        '### 响应数据',
        '',
        ...FIELDS,
        '| `text` | string | 文本 |',
        '',
        '## 配置',
        '',
        '| 配置项 | 默认值 |',
        '| --- | --- |',
        '| `memo.dir` | `./memos` |',
        '',
        '## 缺名字',
        '',
        '### 参数',
        '',
        ...PARAMS,
        '| `q` | string | - | 问 |',
      ),
      want: {
        actions: ['read_memo none "读"'],
        diagnostics: ['info unused-section @ fixture.md:11:1', 'warning no-action @ fixture.md:17:1'],
      },
    },
  ],
  [
    'a page with prose only, and a page with no `##` at all, are each one info at the title',
    {
      given: [
        {
          file: 'docs/guide/connect.md',
          text: md('# 连接', '', '## 握手', '', '先握手。', '', '## 重连', '', '再重连。'),
        },
        { file: 'docs/guide/index.md', text: md('', '# 指南', '', '见各页。') },
      ],
      want: {
        diagnostics: ['info unused-page @ docs/guide/connect.md:1:1', 'info unused-page @ docs/guide/index.md:2:1'],
      },
    },
  ],
];

function bodyText(body: Body | undefined): string {
  if (!body) return '(absent)';
  if (body.kind === 'none') return 'none';
  return body.type.kind === 'object'
    ? body.type.fields.map((f) => f.name + (f.required ? '' : '?')).join(' ')
    : body.type.kind;
}

function observe(model: Model): Omit<Want, 'diagnostics'> {
  const parts = model.actions.flatMap((a) =>
    (['params', 'response'] as const).map((p) => [`${a.name}.${p}`, a[p]] as const),
  );
  const descriptions: Record<string, string> = {};
  for (const [key, body] of parts)
    if (body.kind === 'type' && body.type.kind === 'object')
      for (const f of body.type.fields) descriptions[`${key} ${f.name}`] = f.description;
  return {
    actions: model.actions.map((a) => `${a.name} ${a.tag} "${a.title}"`),
    bodies: Object.fromEntries(parts.map(([key, body]) => [key, bodyText(body)])),
    descriptions,
  };
}

describe('page layout', () => {
  test.each(cases)('%s', (_name, { given, want }) => {
    const pages = typeof given === 'string' ? [{ file: FIXTURE, text: given }] : given;
    const { model, diagnostics } = buildPages(pages);
    const got = { ...observe(model), diagnostics: diagnosticLines(diagnostics) };
    const pickKeys = (o: Record<string, string> | undefined, like: Record<string, string> | undefined) =>
      like && Object.fromEntries(Object.keys(like).map((k) => [k, o?.[k] ?? '(absent)']));
    expect({
      ...(want.actions ? { actions: got.actions } : {}),
      ...(want.bodies ? { bodies: pickKeys(got.bodies, want.bodies) } : {}),
      ...(want.descriptions ? { descriptions: pickKeys(got.descriptions, want.descriptions) } : {}),
      diagnostics: got.diagnostics,
    }).toEqual(want);
  });
});
