/** Params and response tables: required and optional, defaults, formats, open objects, dotted names. */
import { actionTable as table } from '../../support/actions.js';
import { bool, md, noneBody, num, numf, obj, row, str, tableBody } from '../../support/helpers.js';

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
