/** Examples against tables: vague types refined from the example, disagreements reported once. */
import { actionTable as table } from '../../support/actions.js';
import { anyObject, arr, inferred, md, num, obj, row, str, tableBody } from '../../support/helpers.js';

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
