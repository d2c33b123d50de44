/** Implementation bullets: variant tables, notes, references to an implementation's example. */
import { actionTable as table, ALL, okResponse, withBullet } from '../../support/actions.js';
import {
  at,
  exampleBody,
  inferred,
  md,
  noneBody,
  num,
  obj,
  proseBody,
  row,
  str,
  tableBody,
  unknown,
} from '../../support/helpers.js';

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
