/** Array bodies: prose that says the body is an array, labelled element shapes, vague array fields. */
import { actionTable as table } from '../../support/actions.js';
import { arr, lit, md, num, obj, row, str, tableBody, union } from '../../support/helpers.js';

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
