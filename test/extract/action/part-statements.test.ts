/**
 * Sentences about a whole part, in the places the docs put them (a paragraph, a tip, a quote, a
 * bullet), each in several wordings written for this test: the part is empty, a scalar, an array,
 * given by an example, or documented elsewhere. The intent reader itself is tested sentence by
 * sentence in test/extract/mdast/prose/intents.test.ts; here the meaning must land on the right part.
 */
import { fields, meaningTable, params, section } from '../../support/shapes.js';

const ALL = 'onebot11,gocq,napcat,lagrange';
const example = (summary: string, json: string) => [
  '::: details ' + summary,
  '',
  '```json',
  json,
  '```',
  '',
  ':::',
  '',
];

meaningTable('the part is empty', [
  [
    'a paragraph that is only 无, in both parts',
    {
      given: section('### 参数', '', '无', '', '### 响应数据', '', '无。'),
      want: { views: { [ALL]: 'none → none' }, diagnostics: [] },
    },
  ],
  [
    'tips in other wordings',
    {
      given: section(
        '### 参数',
        '',
        '::: tip',
        '此接口不需要传入任何参数',
        ':::',
        '',
        '### 响应数据',
        '',
        '::: tip 提示',
        '调用后不返回任何数据',
        ':::',
      ),
      want: { views: { [ALL]: 'none → none' }, diagnostics: [] },
    },
  ],
  [
    'a quote',
    {
      given: section('### 参数', '', '> 无需参数', '', '### 响应数据', '', '> 没有返回值'),
      want: { views: { [ALL]: 'none → none' }, diagnostics: [] },
    },
  ],
  [
    'for one implementation named in a tip',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('ok boolean'),
        '',
        '::: tip',
        '该 API 在 `NapCat` 中无响应数据',
        ':::',
      ),
      want: { views: { 'onebot11,gocq,lagrange': 'none → { ok: boolean }', napcat: 'none → none' }, diagnostics: [] },
    },
  ],
  [
    'under the other heading: read for the heading it is under, reported',
    {
      given: section(
        '### 参数',
        '',
        '::: tip',
        '该 API 没有响应数据',
        ':::',
        '',
        '### 响应数据',
        '',
        ...fields('ok boolean'),
      ),
      want: { views: { [ALL]: 'none → { ok: boolean }' }, diagnostics: ['part-mismatch@7'] },
    },
  ],
  [
    'before any heading, the part the sentence names',
    {
      given: section('此接口不返回数据。', '', '### 参数', '', ...params('id number')),
      want: { views: { [ALL]: '{ id: number } → none' }, diagnostics: [] },
    },
  ],
  [
    'not: a sentence that only shares words (没有参数校验)',
    {
      given: section('### 参数', '', '该接口没有参数校验', '', '### 响应数据', '', '无'),
      want: { views: { [ALL]: 'unknown → none' }, diagnostics: ['prose-only@7'] },
    },
  ],
]);

meaningTable('the body is a scalar', [
  [
    '响应为一个字符串',
    {
      given: section('### 参数', '', '无', '', '### 响应数据', '', '响应为一个字符串，即文件路径。'),
      want: { views: { [ALL]: 'none → string' }, diagnostics: [] },
    },
  ],
  [
    '返回值是 `boolean`',
    {
      given: section('### 参数', '', '无', '', '### 响应数据', '', '返回值是 `boolean`'),
      want: { views: { [ALL]: 'none → boolean' }, diagnostics: [] },
    },
  ],
  [
    'an array of a scalar',
    {
      given: section('### 参数', '', '无', '', '### 响应数据', '', '返回一个整数数组'),
      want: { views: { [ALL]: 'none → number[]' }, diagnostics: [] },
    },
  ],
  [
    'one implementation’s note gives its type',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '无',
        '',
        '- `Lagrange`: 返回一个字符串，表示会话 ID',
      ),
      want: { views: { 'onebot11,gocq,napcat': 'none → none', lagrange: 'none → string' }, diagnostics: [] },
    },
  ],
  [
    'not: a note that repeats the table (同样是)',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        ...fields('token number'),
        '',
        '- `Lagrange`: 返回值同样是 `number` 类型',
      ),
      want: { views: { [ALL]: 'none → { token: number }' }, diagnostics: [] },
    },
  ],
]);

meaningTable('the body is an array, and where that ends', [
  [
    '响应内容是一个 JSON 列表，其中每一项如下',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '响应内容是一个 JSON 列表，其中每一项如下：',
        '',
        ...fields('id number'),
      ),
      want: { views: { [ALL]: 'none → { id: number }[]' }, diagnostics: [] },
    },
  ],
  [
    'not: 列表 in a warning box before the table',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '::: warning',
        '列表很长时可能分页返回',
        ':::',
        '',
        ...fields('page number', 'rows string[]'),
      ),
      want: { views: { [ALL]: 'none → { page: number, rows: string[] }' }, diagnostics: [] },
    },
  ],
  [
    'not: 数组 in a field’s description',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `ids` | number[] | 数组中的每一项是编号 |',
      ),
      want: { views: { [ALL]: 'none → { ids: number[] }' }, diagnostics: [] },
    },
  ],
  [
    'not: 列表 in an implementation’s note, for a later variant table',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        ...fields('n number'),
        '',
        '- `NapCat`: 列表为空时返回 null',
        '',
        '- `Lagrange`',
        '',
        ...fields('n number', 'm number'),
      ),
      want: {
        views: { 'onebot11,gocq,napcat': 'none → { n: number }', lagrange: 'none → { n: number, m: number }' },
        diagnostics: [],
      },
    },
  ],
]);

meaningTable('the body is given by an example, or elsewhere', [
  [
    'a sentence pointing at the example: typed from it, no warning',
    {
      given: section(
        ...example('点击查看响应示例数据', '{ "id": 1 }'),
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '结构请见上面的响应示例',
      ),
      want: { views: { [ALL]: 'none → { id: number }' }, diagnostics: [] },
    },
  ],
  [
    '参考源码, with an example: an open object, reported',
    {
      given: section(
        ...example('点击查看请求示例数据', '{ "a": 1 }'),
        '### 参数',
        '',
        '参数请参考源码',
        '',
        '### 响应数据',
        '',
        '无',
      ),
      want: { views: { [ALL]: '{ a: number, … } → none' }, diagnostics: ['prose-only@15'] },
    },
  ],
  [
    'a link, no example: unknown, reported',
    {
      given: section('### 参数', '', '参考 [说明](https://example.com/doc)', '', '### 响应数据', '', '无'),
      want: { views: { [ALL]: 'unknown → none' }, diagnostics: ['prose-only@7'] },
    },
  ],
  [
    'a link before a table: the table, nothing reported',
    {
      given: section(
        '### 参数',
        '',
        '- 详见 [说明](https://example.com/doc)',
        '',
        ...params('q string'),
        '',
        '### 响应数据',
        '',
        '无',
      ),
      want: { views: { [ALL]: '{ q: string } → none' }, diagnostics: [] },
    },
  ],
]);
