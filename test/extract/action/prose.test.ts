/** Parts given in prose: "none" tips and bodies described only in words. */
import { actionTable as table } from '../../support/actions.js';
import {
  arr,
  bool,
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
        '返回一个对象，结构较复杂',
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
