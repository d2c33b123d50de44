/**
 * One table per Markdown construct: a small page written for the test goes through `buildModel`
 * and the test compares the exact model fragment it names plus every diagnostic (severity, code,
 * file:line:column and related positions).
 *
 * `want.actions` must list every action of the model by name; for each, only the properties
 * written are compared, but those exactly. `want.pages`, when given, lists every page the same way.
 */
import { describe, expect, test } from 'vitest';
import type { Action, ImplId, Page } from '../../../generator/model/types.js';
import {
  anyObject,
  arr,
  at,
  bool,
  buildOne,
  buildPages,
  diagnosticLines,
  exampleBody,
  inferred,
  lit,
  md,
  msg,
  noneBody,
  num,
  numf,
  obj,
  proseBody,
  ref,
  row,
  str,
  tableBody,
  undocumented,
  union,
  unknown,
} from '../../support/helpers.js';

interface Want {
  readonly actions: Record<string, Partial<Action>>;
  readonly pages?: Partial<Page>[];
  readonly diagnostics: string[];
}

interface Case {
  /** One page (built as `fixture.md`), or several pages. */
  given: string | { file: string; text: string }[];
  want: Want;
}

function pick<T extends object>(value: T | undefined, like: Partial<T>): Partial<T> | undefined {
  if (!value) return undefined;
  return Object.fromEntries(Object.keys(like).map((k) => [k, value[k as keyof T]])) as Partial<T>;
}

/** The one assertion of this file. */
function check({ given, want }: Case): void {
  const { model, diagnostics } = typeof given === 'string' ? buildOne(given) : buildPages(given);
  const got: Want = {
    actions: Object.fromEntries(model.actions.map((a) => [a.name, pick(a, want.actions[a.name] ?? {})!])),
    ...(want.pages ? { pages: model.pages.map((p, i) => pick(p, want.pages![i] ?? {})!) } : {}),
    diagnostics: diagnosticLines(diagnostics),
  };
  expect(got).toStrictEqual(want);
  // The model is written out as model.json: it must survive a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
}

function table(title: string, cases: [string, Case][]): void {
  describe(title, () => {
    for (const [name, c] of cases) test(name, () => check(c));
  });
}

const ALL: ImplId[] = ['onebot11', 'gocq', 'napcat', 'lagrange'];

/**
 * A complete section whose action bullet is line 3; no params (tip at line 7), a response table
 * at line 13 with one row at line 15; `after` starts at line 16.
 */
function withBullet(bullet: string, ...after: string[]): string {
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
const okResponse = tableBody(13, obj([row(15, 'ok', bool, 'boolean', '是否成功')]));

table('action bullet and tag', [
  [
    'no tag: the whole action',
    {
      given: withBullet('- `ping_me`'),
      want: {
        actions: {
          ping_me: {
            name: 'ping_me',
            title: '某个接口',
            tag: 'none',
            description: '',
            params: noneBody(7),
            response: okResponse,
            types: [],
            examples: [],
            variants: {},
            availability: ALL,
            source: at(3),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    '(gocq拓展)',
    {
      given: withBullet('- `ping_gocq` (gocq拓展)'),
      want: {
        actions: { ping_gocq: { tag: 'gocq', availability: ['gocq', 'napcat', 'lagrange'], source: at(3) } },
        diagnostics: [],
      },
    },
  ],
  [
    '(NapCat拓展)',
    {
      given: withBullet('- `ping_nc` (NapCat拓展)'),
      want: { actions: { ping_nc: { tag: 'napcat', availability: ['napcat'] } }, diagnostics: [] },
    },
  ],
  [
    '(Lagrange拓展)',
    {
      given: withBullet('- `ping_lg` (Lagrange拓展)'),
      want: { actions: { ping_lg: { tag: 'lagrange', availability: ['lagrange'] } }, diagnostics: [] },
    },
  ],
  [
    '(社区拓展)',
    {
      given: withBullet('- `ping_all` (社区拓展)'),
      want: { actions: { ping_all: { tag: 'community', availability: ['napcat', 'lagrange'] } }, diagnostics: [] },
    },
  ],
  [
    '扩展 spelling, lower case',
    {
      given: withBullet('- `ping_nc2` (napcat扩展)'),
      want: { actions: { ping_nc2: { tag: 'napcat', availability: ['napcat'] } }, diagnostics: [] },
    },
  ],
  [
    '(go-cqhttp拓展)',
    {
      given: withBullet('- `ping_gocq2` (go-cqhttp拓展)'),
      want: { actions: { ping_gocq2: { tag: 'gocq', availability: ['gocq', 'napcat', 'lagrange'] } }, diagnostics: [] },
    },
  ],
  [
    'unknown extension tag: standard, with a warning',
    {
      given: withBullet('- `ping_mars` (火星拓展)'),
      want: {
        actions: { ping_mars: { tag: 'none', availability: ALL } },
        diagnostics: ['warning unknown-implementation @ fixture.md:3:1'],
      },
    },
  ],
  [
    'a Lagrange note makes a NapCat-only action available to Lagrange too',
    {
      given: withBullet('- `ping_both` (NapCat拓展)', '', '- `Lagrange`: 行为与上面相同'),
      want: {
        actions: {
          ping_both: {
            tag: 'napcat',
            availability: ['napcat', 'lagrange'],
            response: okResponse,
            variants: { lagrange: { notes: [{ text: '行为与上面相同', source: at(17) }] } },
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'two bullets are aliases sharing one body',
    {
      given: md(
        '## 读取',
        '',
        '- `read_it`',
        '- `.read_it`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `text` | string | 内容 |',
      ),
      want: {
        actions: {
          '.read_it': {
            title: '读取',
            params: noneBody(1),
            response: tableBody(8, obj([row(10, 'text', str, 'string', '内容')])),
            source: at(4),
          },
          read_it: {
            title: '读取',
            params: noneBody(1),
            response: tableBody(8, obj([row(10, 'text', str, 'string', '内容')])),
            source: at(3),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'prose and a quote before the parts are the description',
    {
      given: md(
        '## 说明',
        '',
        '> [!TIP] 先登录再调用',
        '',
        '- `explained`',
        '',
        '这个接口   会 **清空** 缓存。',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `done` | boolean | 完成 |',
      ),
      want: {
        actions: { explained: { description: '先登录再调用\n这个接口 会 清空 缓存。', source: at(5) } },
        diagnostics: [],
      },
    },
  ],
  [
    'a code bullet under 响应数据 is prose, not another action',
    {
      given: withBullet('- `only_me`', '', '- `not_an_action` 也会返回'),
      want: { actions: { only_me: { response: okResponse } }, diagnostics: [] },
    },
  ],
]);

table('params table', [
  [
    'defaults, 可选, 二选一 and optional decide required',
    {
      given: md(
        '## 改名',
        '',
        '- `rename_me`',
        '',
        '### 参数',
        '',
        '| 参数名 | 类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `nick` | string | - | 新名字 |',
        '| `keep` | boolean | `true` | 是否保留旧名 |',
        '| `memo` | string | — | 可选，备注 |',
        '| `qq` | number | | 与 `uid` 二选一 |',
        '| `uid` | string | 无 | 与 `qq` 二选一 |',
        '| `lang` | string |  | Optional language |',
        '| `tag` | string | 空 | 标签 |',
        '',
        '### 响应数据',
        '',
        '::: tip 提示',
        '该 API 没有响应数据',
        ':::',
      ),
      want: {
        actions: {
          rename_me: {
            params: tableBody(
              7,
              obj([
                row(9, 'nick', str, 'string', '新名字'),
                row(10, 'keep', bool, 'boolean', '是否保留旧名', { required: false, default: 'true' }),
                row(11, 'memo', str, 'string', '可选，备注', { required: false }),
                row(12, 'qq', num, 'number', '与 uid 二选一', { required: false }),
                row(13, 'uid', str, 'string', '与 qq 二选一', { required: false }),
                row(14, 'lang', str, 'string', 'Optional language', { required: false }),
                row(15, 'tag', str, 'string', '标签', { required: false, default: '空' }),
              ]),
            ),
            response: noneBody(19),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'no default column: required unless the description says 选填; 请求参数 / 返回值 headings',
    {
      given: md(
        '## 搜索',
        '',
        '- `search_it`',
        '',
        '### 请求参数',
        '',
        '| 字段 | 数据类型 | 描述 |',
        '| --- | --- | --- |',
        '| `word` | string | 关键词 |',
        '| `page` | number | 选填，页码 |',
        '',
        '### 返回值',
        '',
        '| 字段 | 数据类型 | 描述 |',
        '| --- | --- | --- |',
        '| `hits` | number | 命中数 |',
      ),
      want: {
        actions: {
          search_it: {
            params: tableBody(
              7,
              obj([
                row(9, 'word', str, 'string', '关键词'),
                row(10, 'page', num, 'number', '选填，页码', { required: false }),
              ]),
            ),
            response: tableBody(14, obj([row(16, 'hits', num, 'number', '命中数')])),
          },
        },
        diagnostics: [],
      },
    },
  ],
]);

table('"none" tips', [
  [
    'one-paragraph tip for params, spaced tip for the response',
    {
      given: md(
        '## 心跳',
        '',
        '- `beat`',
        '',
        '### 参数',
        '',
        '::: tip 提示',
        '该 API 无需参数',
        ':::',
        '',
        '### 响应数据',
        '',
        '::: tip',
        '',
        '该 API 没有响应数据',
        '',
        ':::',
      ),
      want: { actions: { beat: { params: noneBody(7), response: noneBody(13) } }, diagnostics: [] },
    },
  ],
  [
    'no 参数 heading at all: params none at the section heading',
    {
      given: md(
        '## 只有响应',
        '',
        '- `only_response`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | string | 值 |',
      ),
      want: {
        actions: {
          only_response: {
            params: noneBody(1),
            response: tableBody(7, obj([row(9, 'v', str, 'string', '值')])),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a tip saying something else is prose',
    {
      given: md(
        '## 古怪',
        '',
        '- `odd_one`',
        '',
        '### 参数',
        '',
        '::: warning 注意',
        '参数格式随版本变化',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | string | 值 |',
      ),
      want: {
        actions: { odd_one: { params: proseBody(7, unknown('参数格式随版本变化')) } },
        diagnostics: ['warning prose-only @ fixture.md:7:1'],
      },
    },
  ],
]);

table('response table', [
  [
    '…… row makes the object open; int64 format kept',
    {
      given: md(
        '## 版本',
        '',
        '- `which_version`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `app` | string | 名称 |',
        '| `build` | number (int64) | 构建号 |',
        '| …… | - | 实现可以再加 |',
      ),
      want: {
        actions: {
          which_version: {
            response: tableBody(
              7,
              obj(
                [row(9, 'app', str, 'string', '名称'), row(10, 'build', numf('int64'), 'number (int64)', '构建号')],
                true,
              ),
            ),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    '... row too',
    {
      given: md(
        '## 版本2',
        '',
        '- `which_version2`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `app` | string | 名称 |',
        '| ... | | |',
      ),
      want: {
        actions: { which_version2: { response: tableBody(7, obj([row(9, 'app', str, 'string', '名称')], true)) } },
        diagnostics: [],
      },
    },
  ],
  [
    'dotted names nest, creating missing parents',
    {
      given: md(
        '## 群信息',
        '',
        '- `peek_group`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `group` | object | 群 |',
        '| `group.group_id` | number | 群号 |',
        '| `group.owner.nick` | string | 群主昵称 |',
        '| `members` | number | 人数 |',
      ),
      want: {
        actions: {
          peek_group: {
            response: tableBody(
              7,
              obj([
                row(
                  9,
                  'group',
                  obj([
                    row(10, 'group_id', num, 'number', '群号'),
                    row(11, 'owner', obj([row(11, 'nick', str, 'string', '群主昵称')]), 'object', ''),
                  ]),
                  'object',
                  '群',
                ),
                row(12, 'members', num, 'number', '人数'),
              ]),
            ),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a field listed twice: the later row wins in place',
    {
      given: md(
        '## 重复',
        '',
        '- `twice`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `a` | number | 甲 |',
        '| `b` | string | 乙 |',
        '| `a` | string | 甲改 |',
      ),
      want: {
        actions: {
          twice: {
            response: tableBody(7, obj([row(11, 'a', str, 'string', '甲改'), row(10, 'b', str, 'string', '乙')])),
          },
        },
        diagnostics: ['warning duplicate-field @ fixture.md:11:1 (see fixture.md:9:1)'],
      },
    },
  ],
]);

table('implementation bullets', [
  [
    '`NapCat` bullet + table: the NapCat variant',
    {
      given: md(
        '## 取饼干',
        '',
        '- `get_biscuit`',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `jar` | string | - | 罐子 |',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `biscuit` | string | 饼干 |',
        '',
        '- `NapCat`',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `biscuit` | string | 饼干 |',
        '| `crumbs` | number | 碎屑数 |',
      ),
      want: {
        actions: {
          get_biscuit: {
            params: tableBody(7, obj([row(9, 'jar', str, 'string', '罐子')])),
            response: tableBody(13, obj([row(15, 'biscuit', str, 'string', '饼干')])),
            variants: {
              napcat: {
                response: tableBody(
                  19,
                  obj([row(21, 'biscuit', str, 'string', '饼干'), row(22, 'crumbs', num, 'number', '碎屑数')]),
                ),
                notes: [],
              },
            },
            availability: ALL,
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    '`NapCat` params variant with 二选一; the next heading ends the variant',
    {
      given: md(
        '## 取文件',
        '',
        '- `get_file_x`',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `file` | string | - | 文件名 |',
        '',
        '- `NapCat`',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `file` | string | - | 与 `file_id` 二选一 |',
        '| `file_id` | string | - | 与 `file` 二选一 |',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `path` | string | 路径 |',
      ),
      want: {
        actions: {
          get_file_x: {
            params: tableBody(7, obj([row(9, 'file', str, 'string', '文件名')])),
            response: tableBody(20, obj([row(22, 'path', str, 'string', '路径')])),
            variants: {
              napcat: {
                params: tableBody(
                  13,
                  obj([
                    row(15, 'file', str, 'string', '与 file_id 二选一', { required: false }),
                    row(16, 'file_id', str, 'string', '与 file 二选一', { required: false }),
                  ]),
                ),
                notes: [],
              },
            },
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    '`Lagrange`: note is a note on lagrange',
    {
      given: withBullet('- `noted`', '', '- `Lagrange`: 返回值里 `ok` 可能缺失'),
      want: {
        actions: {
          noted: {
            response: okResponse,
            variants: { lagrange: { notes: [{ text: '返回值里 ok 可能缺失', source: at(17) }] } },
            availability: ALL,
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    '`NapCat`: 请参考上方 `NapCat` 的响应数据 types NapCat from its example',
    {
      given: md(
        '## 取路径',
        '',
        '- `get_path`',
        '',
        '::: details 点击查看 NapCat 响应示例数据',
        '',
        '```json',
        '{ "path": "/data/a.bin", "size": 2048 }',
        '```',
        '',
        ':::',
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
        '| `path` | string | 路径 |',
        '',
        '- `NapCat`: 请参考上方 `NapCat` 的响应数据',
      ),
      want: {
        actions: {
          get_path: {
            params: noneBody(15),
            response: tableBody(21, obj([row(23, 'path', str, 'string', '路径')])),
            examples: [
              {
                role: 'response',
                impl: 'napcat',
                value: { path: '/data/a.bin', size: 2048 },
                comments: [],
                source: at(8),
              },
            ],
            variants: {
              napcat: {
                response: exampleBody(8, obj([inferred('path', str, 8), inferred('size', num, 8)])),
                notes: [{ text: '请参考上方 NapCat 的响应数据', source: at(25) }],
              },
            },
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a reference to a missing example: unknown + prose-only at the bullet',
    {
      given: withBullet('- `no_sample`', '', '- `NapCat`: 请参考上方 `NapCat` 的响应数据'),
      want: {
        actions: {
          no_sample: {
            response: okResponse,
            variants: {
              napcat: {
                response: proseBody(17, unknown('referenced example missing')),
                notes: [{ text: '请参考上方 NapCat 的响应数据', source: at(17) }],
              },
            },
          },
        },
        diagnostics: ['warning prose-only @ fixture.md:17:1'],
      },
    },
  ],
]);

table('named types', [
  [
    '**Bold**, ### and #### names; refs resolve to ids',
    {
      given: md(
        '## 设备列表',
        '',
        '- `list_gadgets` (gocq拓展)',
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
        '| `gadgets` | Gadget[] | 设备 |',
        '| `keys` | [keyring](#keyring) | 钥匙 |',
        '| `likes` | [likeInfo](#likeInfo) | 点赞 |',
        '',
        '**Gadget**',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `gadget_id` | number (int64) | 编号 |',
        '',
        '### keyring',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `ttl` | number | 有效期 |',
        '',
        '#### likeInfo',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `fans` | [fanInfo[]](#fanInfo) | 粉丝 |',
        '',
        '#### fanInfo',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `uin` | number | 号 |',
      ),
      want: {
        actions: {
          list_gadgets: {
            params: noneBody(7),
            response: tableBody(
              13,
              obj([
                row(15, 'gadgets', arr(ref('Gadget')), 'Gadget[]', '设备'),
                row(16, 'keys', ref('keyring'), 'keyring', '钥匙'),
                row(17, 'likes', ref('likeInfo'), 'likeInfo', '点赞'),
              ]),
            ),
            types: [
              {
                name: 'Gadget',
                id: 'Gadget',
                description: '',
                type: obj([row(23, 'gadget_id', numf('int64'), 'number (int64)', '编号')]),
                source: at(19),
              },
              {
                name: 'keyring',
                id: 'keyring',
                description: '',
                type: obj([row(29, 'ttl', num, 'number', '有效期')]),
                source: at(25),
              },
              {
                name: 'likeInfo',
                id: 'likeInfo',
                description: '',
                type: obj([row(35, 'fans', arr(ref('fanInfo')), 'fanInfo[]', '粉丝')]),
                source: at(31),
              },
              {
                name: 'fanInfo',
                id: 'fanInfo',
                description: '',
                type: obj([row(41, 'uin', num, 'number', '号')]),
                source: at(37),
              },
            ],
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'unresolved anchor and unknown page: unknown + unresolved-link; `message` word',
    {
      given: md(
        '## 回声',
        '',
        '- `echo_back`',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `content` | message | - | 内容 |',
        '| `ghost` | [ghost](#ghost) | - | 不存在 |',
        '| `raw` | [message](../event/message.md) | - | 别页 |',
        '',
        '### 响应数据',
        '',
        '::: tip 提示',
        '该 API 没有响应数据',
        ':::',
      ),
      want: {
        actions: {
          echo_back: {
            params: tableBody(
              7,
              obj([
                row(9, 'content', msg, 'message', '内容'),
                row(10, 'ghost', unknown('sub-type `ghost` is not defined on this page'), 'ghost', '不存在'),
                row(
                  11,
                  'raw',
                  unknown('link [message](../event/message.md) does not point at a type defined by the inputs'),
                  'message',
                  '别页',
                ),
              ]),
            ),
            types: [],
          },
        },
        diagnostics: ['warning unresolved-link @ fixture.md:10:1', 'warning unresolved-link @ fixture.md:11:1'],
      },
    },
  ],
  [
    'the same sub-type name in two actions: ids qualified by action',
    {
      given: md(
        '## 一',
        '',
        '- `first_one`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `d` | [detail](#detail) | 详情 |',
        '',
        '### detail',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `x` | number | 叉 |',
        '',
        '## 二',
        '',
        '- `second_one`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `d` | [detail](#detail) | 详情 |',
        '',
        '### detail',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `y` | string | 歪 |',
      ),
      want: {
        actions: {
          first_one: {
            response: tableBody(7, obj([row(9, 'd', ref('first_one.detail'), 'detail', '详情')])),
            types: [
              {
                name: 'detail',
                id: 'first_one.detail',
                description: '',
                type: obj([row(15, 'x', num, 'number', '叉')]),
                source: at(11),
              },
            ],
          },
          second_one: {
            response: tableBody(23, obj([row(25, 'd', ref('second_one.detail'), 'detail', '详情')])),
            types: [
              {
                name: 'detail',
                id: 'second_one.detail',
                description: '',
                type: obj([row(31, 'y', str, 'string', '歪')]),
                source: at(27),
              },
            ],
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a `## 类型` section is a TypeSection other pages reference by anchor',
    {
      given: [
        {
          file: 'api/files.md',
          text: md(
            '## 取文件',
            '',
            '- `fetch_blob`',
            '',
            '### 响应数据',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `blob` | [Blob](#blob) | 文件 |',
            '| `tags` | Tag[] | 标签 |',
          ),
        },
        {
          file: 'api/shared.md',
          text: md(
            '# 公共类型',
            '',
            '## 类型',
            '',
            '### Blob',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `size` | number | 大小 |',
            '',
            '### Tag',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `label` | string | 标签 |',
            '| `blob` | [Blob](#blob) | 附件 |',
          ),
        },
      ],
      want: {
        actions: {
          fetch_blob: {
            response: tableBody(
              7,
              obj([
                row(9, 'blob', ref('Blob'), 'Blob', '文件', { file: 'api/files.md' }),
                row(10, 'tags', arr(ref('Tag')), 'Tag[]', '标签', { file: 'api/files.md' }),
              ]),
              'api/files.md',
            ),
            types: [],
          },
        },
        pages: [
          { file: 'api/files.md', title: '', actions: ['fetch_blob'], typeSections: [] },
          {
            file: 'api/shared.md',
            title: '公共类型',
            actions: [],
            typeSections: [
              {
                title: '类型',
                types: [
                  {
                    name: 'Blob',
                    id: 'Blob',
                    description: '',
                    type: obj([row(9, 'size', num, 'number', '大小', { file: 'api/shared.md' })]),
                    source: at(5, 1, 'api/shared.md'),
                  },
                  {
                    name: 'Tag',
                    id: 'Tag',
                    description: '',
                    type: obj([
                      row(15, 'label', str, 'string', '标签', { file: 'api/shared.md' }),
                      row(16, 'blob', ref('Blob'), 'Blob', '附件', { file: 'api/shared.md' }),
                    ]),
                    source: at(11, 1, 'api/shared.md'),
                  },
                ],
                source: at(3, 1, 'api/shared.md'),
              },
            ],
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'a cross-page link to a type another input page defines resolves',
    {
      given: [
        {
          file: 'api/files.md',
          text: md(
            '## 取文件',
            '',
            '- `fetch_linked`',
            '',
            '### 响应数据',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `blob` | [Blob](./shared.md#blob) | 文件 |',
          ),
        },
        {
          file: 'api/shared.md',
          text: md(
            '## 类型',
            '',
            '### Blob',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `size` | number | 大小 |',
          ),
        },
      ],
      want: {
        actions: {
          fetch_linked: {
            response: tableBody(
              7,
              obj([row(9, 'blob', ref('Blob'), 'Blob', '文件', { file: 'api/files.md' })]),
              'api/files.md',
            ),
          },
        },
        diagnostics: [],
      },
    },
  ],
]);

table('array bodies', [
  [
    '响应内容为 JSON 数组 + table: array of object',
    {
      given: md(
        '## 机型',
        '',
        '- `list_models`',
        '',
        '### 响应数据',
        '',
        '响应内容为 JSON 数组，每个元素如下：',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `model` | string | 机型 |',
      ),
      want: {
        actions: { list_models: { response: tableBody(9, arr(obj([row(11, 'model', str, 'string', '机型')]))) } },
        diagnostics: [],
      },
    },
  ],
  [
    'a NapCat table under the array prose describes elements too',
    {
      given: md(
        '## 机型2',
        '',
        '- `list_models2`',
        '',
        '### 响应数据',
        '',
        '响应内容为 JSON 数组，每个元素如下：',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `model` | string | 机型 |',
        '',
        '- `NapCat`',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `model` | string | 机型 |',
        '| `vendor` | string | 厂商 |',
      ),
      want: {
        actions: {
          list_models2: {
            response: tableBody(9, arr(obj([row(11, 'model', str, 'string', '机型')]))),
            variants: {
              napcat: {
                response: tableBody(
                  15,
                  arr(obj([row(17, 'model', str, 'string', '机型'), row(18, 'vendor', str, 'string', '厂商')])),
                ),
                notes: [],
              },
            },
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    '- 对象1 / - 对象2 tables after array prose: array of union',
    {
      given: md(
        '## 片段',
        '',
        '- `list_pieces`',
        '',
        '### 响应数据',
        '',
        '返回一个数组，元素为下列对象之一',
        '',
        '- 对象1',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `kind` | `text` | 类型 |',
        '| `text` | string | 文本 |',
        '',
        '- 对象2',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `kind` | `image` | 类型 |',
        '| `url` | string | 地址 |',
      ),
      want: {
        actions: {
          list_pieces: {
            response: tableBody(
              11,
              arr(
                union(
                  obj([row(13, 'kind', lit('text'), 'text', '类型'), row(14, 'text', str, 'string', '文本')]),
                  obj([row(20, 'kind', lit('image'), 'image', '类型'), row(21, 'url', str, 'string', '地址')]),
                ),
              ),
            ),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'labelled tables without array prose: a plain union',
    {
      given: md(
        '## 二选一',
        '',
        '- `one_of_two`',
        '',
        '### 响应数据',
        '',
        '- 对象 1',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `a` | string | 甲 |',
        '',
        '- 对象 2',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `b` | number | 乙 |',
      ),
      want: {
        actions: {
          one_of_two: {
            response: tableBody(
              9,
              union(obj([row(11, 'a', str, 'string', '甲')]), obj([row(17, 'b', num, 'number', '乙')])),
            ),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a table after array prose following a vague array field: its elements (ambiguous-table)',
    {
      given: md(
        '## 条目',
        '',
        '- `list_items`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `total` | number | 总数 |',
        '| `items` | array | 条目 |',
        '',
        '条目数组的每个元素：',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `id` | number | 编号 |',
      ),
      want: {
        actions: {
          list_items: {
            response: tableBody(
              7,
              obj([
                row(9, 'total', num, 'number', '总数'),
                row(10, 'items', arr(obj([row(16, 'id', num, 'number', '编号')])), 'array', '条目'),
              ]),
            ),
          },
        },
        diagnostics: ['warning ambiguous-table @ fixture.md:14:1 (see fixture.md:10:1)'],
      },
    },
  ],
]);

table('examples', [
  [
    'role and implementation from the summary; [!code ++] marker kept',
    {
      given: md(
        '## 取值',
        '',
        '- `get_value`',
        '',
        '::: details 点击查看请求示例数据',
        '',
        '```json',
        '{ "key": "k1" }',
        '```',
        '',
        ':::',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{ "value": "v1" }',
        '```',
        '',
        ':::',
        '',
        '::: details 点击查看 NapCat 响应示例数据',
        '',
        '```json',
        '{',
        '  "value": "v1",',
        '  "ttl": 60 // [!code ++] 仅 NapCat 返回',
        '}',
        '```',
        '',
        ':::',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `key` | string | - | 键 |',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `value` | string | 值 |',
      ),
      want: {
        actions: {
          get_value: {
            params: tableBody(34, obj([row(36, 'key', str, 'string', '键')])),
            response: tableBody(40, obj([row(42, 'value', str, 'string', '值')])),
            examples: [
              { role: 'request', value: { key: 'k1' }, comments: [], source: at(8) },
              { role: 'response', value: { value: 'v1' }, comments: [], source: at(16) },
              {
                role: 'response',
                impl: 'napcat',
                value: { value: 'v1', ttl: 60 },
                comments: [{ path: 'ttl', text: '仅 NapCat 返回', marker: '++' }],
                source: at(24),
              },
            ],
            variants: {},
            availability: ALL,
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'two values in one block: `// lagrange` names the second one',
    {
      given: md(
        '## 拿号',
        '',
        '- `get_number`',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{ "n": 1 }',
        '// lagrange',
        '{',
        '  "n": 1,',
        '  "extra": "x" // 拉格朗日多给一个字段',
        '}',
        '```',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `n` | number | 数 |',
      ),
      want: {
        actions: {
          get_number: {
            response: tableBody(20, obj([row(22, 'n', num, 'number', '数')])),
            examples: [
              { role: 'response', value: { n: 1 }, comments: [], source: at(8) },
              {
                role: 'response',
                impl: 'lagrange',
                value: { n: 1, extra: 'x' },
                comments: [{ path: 'extra', text: '拉格朗日多给一个字段' }],
                source: at(10),
              },
            ],
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'other summaries: Lagrange request, go-cqhttp response; an indented value keeps its column',
    {
      given: md(
        '## 别名',
        '',
        '- `alias_summaries`',
        '',
        '::: details 点击查看 Lagrange 请求示例数据',
        '',
        '```json',
        '  { "q": "x" }',
        '```',
        '',
        ':::',
        '',
        '::: details go-cqhttp 的返回示例',
        '',
        '```jsonc',
        '{ "a": true, }',
        '```',
        '',
        ':::',
      ),
      want: {
        actions: {
          alias_summaries: {
            examples: [
              { role: 'request', impl: 'lagrange', value: { q: 'x' }, comments: [], source: at(8, 3) },
              { role: 'response', impl: 'gocq', value: { a: true }, comments: [], source: at(16) },
            ],
            params: noneBody(1),
            response: undocumented(1),
          },
        },
        // examples that name an implementation do not type the base bodies, and without a
        // `- \`Lagrange\`` style bullet they make no variant either: the response is undocumented
        diagnostics: ['warning no-tables @ fixture.md:1:1'],
      },
    },
  ],
  [
    'an invalid value: warning at fence line + offset, the next value and the section still build',
    {
      given: md(
        '## 坏例子',
        '',
        '- `broken_sample`',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{',
        '  "first": 1,',
        '  "second": ,',
        '}',
        '{ "third": true }',
        '```',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `third` | boolean | 第三 |',
      ),
      want: {
        actions: {
          broken_sample: {
            response: tableBody(19, obj([row(21, 'third', bool, 'boolean', '第三')])),
            examples: [{ role: 'response', value: { third: true }, comments: [], source: at(12) }],
          },
        },
        diagnostics: ['warning invalid-example @ fixture.md:10:13'],
      },
    },
  ],
  [
    'bare code blocks: json under 参数 is a request, unlabelled [ under 响应数据 a response, ts ignored',
    {
      given: md(
        '## 裸代码',
        '',
        '- `bare_code`',
        '',
        '### 参数',
        '',
        '```json',
        '{ "q": "问" }',
        '```',
        '',
        '### 响应数据',
        '',
        '```ts',
        'const ignored = true;',
        '```',
        '',
        '```',
        '["答"]',
        '```',
      ),
      want: {
        actions: {
          bare_code: {
            params: exampleBody(8, obj([inferred('q', str, 8)])),
            response: exampleBody(18, arr(str)),
            examples: [
              { role: 'request', value: { q: '问' }, comments: [], source: at(8) },
              { role: 'response', value: ['答'], comments: [], source: at(18) },
            ],
          },
        },
        diagnostics: [
          'warning prose-only @ fixture.md:8:1 (see fixture.md:8:1)',
          'warning prose-only @ fixture.md:18:1 (see fixture.md:18:1)',
        ],
      },
    },
  ],
]);

table('tables refined and checked by examples', [
  [
    "vague array and object params take the request example's types",
    {
      given: md(
        '## 批量删',
        '',
        '- `delete_many`',
        '',
        '::: details 点击查看请求示例数据',
        '',
        '```json',
        '{ "ids": ["a1", "b2"], "meta": { "by": "me" } }',
        '```',
        '',
        ':::',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `ids` | array | - | 要删的编号 |',
        '| `meta` | object | - | 附加信息 |',
        '',
        '### 响应数据',
        '',
        '::: tip 提示',
        '该 API 没有响应数据',
        ':::',
      ),
      want: {
        actions: {
          delete_many: {
            params: tableBody(
              15,
              obj([
                row(17, 'ids', arr(str), 'array', '要删的编号'),
                row(18, 'meta', obj([inferred('by', str, 8)]), 'object', '附加信息'),
              ]),
            ),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a vague object with no example stays open',
    {
      given: md(
        '## 随意',
        '',
        '- `loose_bag`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `bag` | object | 随便装 |',
      ),
      want: {
        actions: { loose_bag: { response: tableBody(7, obj([row(9, 'bag', anyObject, 'object', '随便装')])) } },
        diagnostics: [],
      },
    },
  ],
  [
    'table and example disagree: the table wins, both positions reported',
    {
      given: md(
        '## 计数',
        '',
        '- `count_up`',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{ "count": "12", "name": "x" }',
        '```',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `count` | number | 计数 |',
        '| `name` | string | 名 |',
      ),
      want: {
        actions: {
          count_up: {
            response: tableBody(
              15,
              obj([row(17, 'count', num, 'number', '计数'), row(18, 'name', str, 'string', '名')]),
            ),
          },
        },
        diagnostics: ['warning example-mismatch @ fixture.md:17:1 (see fixture.md:8:1)'],
      },
    },
  ],
  [
    'a disagreement in every array element is reported once',
    {
      given: md(
        '## 编号',
        '',
        '- `list_ids`',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '[{ "id": 1 }, { "id": 2 }]',
        '```',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '响应内容为 JSON 数组，每个元素如下：',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `id` | string | 编号 |',
      ),
      want: {
        actions: { list_ids: { response: tableBody(17, arr(obj([row(19, 'id', str, 'string', '编号')]))) } },
        diagnostics: ['warning example-mismatch @ fixture.md:19:1 (see fixture.md:8:1)'],
      },
    },
  ],
]);

table('responses described only in prose', [
  [
    'with an example: typed from it, prose-only naming the example',
    {
      given: md(
        '## 只有文字',
        '',
        '- `prose_with_example`',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{ "ok": true, "tags": ["a"] }',
        '```',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '返回一个对象，字段见示例',
      ),
      want: {
        actions: {
          prose_with_example: {
            params: noneBody(1),
            response: exampleBody(15, obj([inferred('ok', bool, 8), inferred('tags', arr(str), 8)])),
          },
        },
        diagnostics: ['warning prose-only @ fixture.md:15:1 (see fixture.md:8:1)'],
      },
    },
  ],
  [
    'without an example: unknown with the prose as reason',
    {
      given: md('## 只有文字2', '', '- `prose_only`', '', '### 响应数据', '', '返回一串神秘字符'),
      want: {
        actions: { prose_only: { response: proseBody(7, unknown('返回一串神秘字符')) } },
        diagnostics: ['warning prose-only @ fixture.md:7:1'],
      },
    },
  ],
  [
    'only an example, no part headings: typed from it',
    {
      given: md(
        '## 只有示例',
        '',
        '- `example_only`',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{ "id": 7 }',
        '```',
        '',
        ':::',
      ),
      want: {
        actions: {
          example_only: { params: noneBody(1), response: exampleBody(8, obj([inferred('id', num, 8)])) },
        },
        diagnostics: ['warning prose-only @ fixture.md:8:1 (see fixture.md:8:1)'],
      },
    },
  ],
]);

table('bad input', [
  [
    'rows with missing, extra and no name cells',
    {
      given: md(
        '## 残表',
        '',
        '- `ragged`',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `short` | string | - |',
        '| `long` | number | - | 长 | 多出来 |',
        '|  | string | - | 没名字 |',
        '| `fine` | boolean | - | 正常 |',
        '',
        '### 响应数据',
        '',
        '::: tip 提示',
        '该 API 没有响应数据',
        ':::',
      ),
      want: {
        actions: {
          ragged: {
            params: tableBody(
              7,
              obj([
                row(9, 'short', str, 'string', ''),
                row(10, 'long', num, 'number', '长'),
                row(12, 'fine', bool, 'boolean', '正常'),
              ]),
            ),
            response: noneBody(16),
          },
        },
        diagnostics: [
          'warning table-cells @ fixture.md:9:1',
          'warning table-cells @ fixture.md:10:1',
          'warning table-cells @ fixture.md:11:1',
        ],
      },
    },
  ],
  [
    'duplicate action: an error, the first is kept',
    {
      given: md(
        '## 第一次',
        '',
        '- `same_name`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `first` | string | 一 |',
        '',
        '## 第二次',
        '',
        '- `same_name`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `second` | string | 二 |',
      ),
      want: {
        actions: {
          same_name: {
            title: '第一次',
            response: tableBody(7, obj([row(9, 'first', str, 'string', '一')])),
            source: at(3),
          },
        },
        diagnostics: ['error duplicate-action @ fixture.md:13:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'duplicate action: the dropped section is not listed on its page',
    {
      given: md('## 甲', '', '- `same_again`', '', '## 乙', '', '- `same_again`'),
      want: {
        actions: { same_again: { title: '甲' } },
        pages: [{ actions: ['same_again'] }],
        diagnostics: [
          'warning no-tables @ fixture.md:1:1',
          'warning no-tables @ fixture.md:5:1',
          'error duplicate-action @ fixture.md:7:1 (see fixture.md:3:1)',
        ],
      },
    },
  ],
  [
    'an action with no tables or notes',
    {
      given: md('## 空空', '', '- `empty_handed`', '', '只是一段说明文字'),
      want: {
        actions: {
          empty_handed: { description: '只是一段说明文字', params: noneBody(1), response: undocumented(1) },
        },
        diagnostics: ['warning no-tables @ fixture.md:1:1'],
      },
    },
  ],
  [
    'only params documented: the response is unknown, reported for the implementations using it',
    {
      given: md('## 半截', '', '- `half_done` (Lagrange拓展)', '', '### 参数', '', '::: tip', '该 API 没有参数', ':::'),
      want: {
        actions: { half_done: { params: noneBody(7), response: undocumented(1) } },
        diagnostics: ['warning no-tables @ fixture.md:1:1'],
      },
    },
  ],
  [
    'unknown type words',
    {
      given: md(
        '## 怪类型',
        '',
        '- `weird_types`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `weird` | blob | 怪 |',
        '| `odd` | 神秘类型 | 奇 |',
        '| `fmt` | number (int128) | 宽 |',
      ),
      want: {
        actions: {
          weird_types: {
            response: tableBody(
              7,
              obj([
                row(9, 'weird', unknown('unknown type word `blob`'), 'blob', '怪'),
                row(10, 'odd', unknown('unexpected `神秘类型`'), '神秘类型', '奇'),
                row(11, 'fmt', num, 'number (int128)', '宽'),
              ]),
            ),
          },
        },
        diagnostics: [
          'warning unknown-type @ fixture.md:9:1',
          'warning unknown-type @ fixture.md:10:1',
          'warning unknown-type @ fixture.md:11:1',
        ],
      },
    },
  ],
  [
    'headings out of place: ### before any ##, # inside a section',
    {
      given: md(
        '### 太早的标题',
        '',
        '# 页面名',
        '',
        '## 节',
        '',
        '- `misplaced`',
        '',
        '# 半路的一级标题',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | number | 值 |',
      ),
      want: {
        actions: { misplaced: { response: tableBody(13, obj([row(15, 'v', num, 'number', '值')])) } },
        pages: [{ title: '页面名', actions: ['misplaced'] }],
        diagnostics: ['warning misplaced-heading @ fixture.md:1:1', 'warning misplaced-heading @ fixture.md:9:1'],
      },
    },
  ],
  [
    'a section with parts but no action bullet; a prose-only section is silent',
    {
      given: md(
        '## 只是介绍',
        '',
        '这一节只有文字。',
        '',
        '## 缺了名字',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `q` | string | - | 问 |',
      ),
      want: {
        actions: {},
        pages: [{ actions: [], typeSections: [] }],
        diagnostics: ['warning no-action @ fixture.md:5:1'],
      },
    },
  ],
  [
    'a table before the parts, a table without a name column, an unknown container',
    {
      given: md(
        '## 杂乱',
        '',
        '- `messy`',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `early` | string | 太早 |',
        '',
        '::: shout 大喊',
        '别这样',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 名称 | 值 |',
        '| --- | --- |',
        '| a | b |',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `late` | string | 正好 |',
      ),
      want: {
        actions: {
          messy: {
            description: '别这样',
            response: tableBody(19, obj([row(21, 'late', str, 'string', '正好')])),
          },
        },
        diagnostics: [
          'warning unexpected-construct @ fixture.md:5:1',
          'warning unknown-container @ fixture.md:9:1',
          'warning table-header @ fixture.md:15:1',
        ],
      },
    },
  ],
  [
    'unclosed containers: closed at the next opening and at the next heading',
    {
      given: md(
        '## 没关好',
        '',
        '- `left_open`',
        '',
        '::: details 点击查看请求示例数据',
        '',
        '```json',
        '{ "q": 1 }',
        '```',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{ "a": 2 }',
        '```',
        '',
        ':::',
        '',
        '### 参数',
        '',
        '::: tip 提示',
        '该 API 没有参数',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `a` | number | 答 |',
      ),
      want: {
        actions: {
          left_open: {
            params: noneBody(21),
            response: tableBody(26, obj([row(28, 'a', num, 'number', '答')])),
            examples: [
              { role: 'request', value: { q: 1 }, comments: [], source: at(8) },
              { role: 'response', value: { a: 2 }, comments: [], source: at(14) },
            ],
          },
        },
        diagnostics: ['warning unclosed-container @ fixture.md:5:1', 'warning unclosed-container @ fixture.md:21:1'],
      },
    },
  ],
  [
    'a stray closing fence is reported, not kept as description',
    {
      given: md(
        '## 多余的关闭',
        '',
        '- `stray_fence`',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | string | 值 |',
      ),
      want: {
        actions: { stray_fence: { description: '', response: tableBody(9, obj([row(11, 'v', str, 'string', '值')])) } },
        diagnostics: ['warning unexpected-construct @ fixture.md:5:1'],
      },
    },
  ],
  [
    'a details summary with inline code still names its implementation',
    {
      given: md(
        '## 标题带代码',
        '',
        '- `code_title`',
        '',
        '::: details 点击查看 `NapCat` 响应示例数据',
        '',
        '```json',
        '{ "v": "x" }',
        '```',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | string | 值 |',
      ),
      want: {
        actions: {
          code_title: {
            description: '',
            examples: [{ role: 'response', impl: 'napcat', value: { v: 'x' }, comments: [], source: at(8) }],
          },
        },
        diagnostics: [],
      },
    },
  ],
]);

const emptyPage = (title = ''): Partial<Page> => ({ file: 'fixture.md', title, actions: [], typeSections: [] });

table('garbage never throws', [
  ['empty text', { given: '', want: { actions: {}, pages: [emptyPage()], diagnostics: [] } }],
  ['whitespace only', { given: '\n\n   \n\t\n', want: { actions: {}, pages: [emptyPage()], diagnostics: [] } }],
  [
    'only headings',
    {
      given: md('# 甲', '## 乙', '### 丙', '#### 丁', '## 戊', '##### 己'),
      want: { actions: {}, pages: [emptyPage('甲')], diagnostics: [] },
    },
  ],
  [
    'random tables everywhere',
    {
      given: md(
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '## 表',
        '',
        '| 字段名 | 类型 |',
        '|---|---|',
        '| `x` | number |',
        '',
        '| | |',
        '|-|-|',
        '| | |',
      ),
      want: { actions: {}, pages: [emptyPage()], diagnostics: [] },
    },
  ],
  [
    'fences and brackets with nothing around them',
    {
      given: md(':::', '::: details', '```json', '{ "a": [', '```', ':::', ':::', '::: tip'),
      want: { actions: {}, pages: [emptyPage()], diagnostics: [] },
    },
  ],
  [
    'an action whose only example never closes its brackets',
    {
      given: md('## 残缺', '', '- `cut_off`', '', '```json', '{ "a": [1,', '```'),
      want: {
        actions: { cut_off: { params: noneBody(1), response: undocumented(1), examples: [] } },
        diagnostics: ['warning no-tables @ fixture.md:1:1', 'warning invalid-example @ fixture.md:6:11'],
      },
    },
  ],
  [
    'control characters and lone pipes',
    {
      given: '\u0000|\u0001|\n|---|\n## \u0007\n- `\u0002`\n| 字段名 |\n|\n',
      want: { actions: {}, pages: [emptyPage()], diagnostics: [] },
    },
  ],
]);
