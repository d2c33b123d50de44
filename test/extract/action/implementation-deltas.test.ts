/**
 * Sentences about one implementation's params (no effect, required, optional, a type, one more),
 * a body given by another implementation's, and its examples checked against the table it uses.
 */
import { fields, meaningTable, params, section } from '../../support/shapes.js';

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
const none = ['', '### 响应数据', '', '无'];

meaningTable('its params change', [
  [
    'one sentence, two implementations',
    {
      given: section(
        '### 参数',
        '',
        ...params('a number', 'b number'),
        '',
        '- 参数 `a` 在 `NapCat` 与 `Lagrange` 中均无效',
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq': '{ a: number, b: number } → none', 'napcat,lagrange': '{ b: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'a tip',
    {
      given: section(
        '### 参数',
        '',
        ...params('a number', 'b number'),
        '',
        '::: tip',
        '`Lagrange` 不支持 `b` 参数',
        ':::',
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,napcat': '{ a: number, b: number } → none', lagrange: '{ a: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'a quote',
    {
      given: section('### 参数', '', ...params('a number', 'c number'), '', '> `NapCat` 中 `c` 已废弃', ...none),
      want: {
        views: { 'onebot11,gocq,lagrange': '{ a: number, c: number } → none', napcat: '{ a: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'two clauses of one note',
    {
      given: section(
        '### 参数',
        '',
        ...params('a number 0', 'b number'),
        '',
        '- `NapCat`: `a` 为必填，`b` 无效',
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,lagrange': '{ a?: number, b: number } → none', napcat: '{ a: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'a type: the value must be a number, still optional',
    {
      given: section(
        '### 参数',
        '',
        ...params('n number/string 5'),
        '',
        '- `Lagrange`: `n` 必须是整数，字符串会报错',
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,napcat': '{ n?: number | string } → none', lagrange: '{ n?: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'an array body changes its element',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '返回一个列表',
        '',
        ...fields('x number', 'y number'),
        '',
        '- `NapCat`: `x` 字段不存在',
      ),
      want: {
        views: { 'onebot11,gocq,lagrange': 'none → { x: number, y: number }[]', napcat: 'none → { y: number }[]' },
        diagnostics: [],
      },
    },
  ],
  [
    'for everyone: optional applies, dropping a param is reported',
    {
      given: section('### 参数', '', ...params('a number', 'b number'), '', '`a` 为可选', '', '`b` 参数无效', ...none),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': '{ a?: number, b: number } → none' },
        diagnostics: ['note-delta@14'],
      },
    },
  ],
  [
    'a note after its own table changes that table',
    {
      given: section(
        '### 参数',
        '',
        ...params('a number'),
        '',
        '- `NapCat`',
        '',
        ...params('k number 1'),
        '',
        '- `NapCat`: `k` 为必填，`a` 无效',
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,lagrange': '{ a: number } → none', napcat: '{ k: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'a field the table does not have: reported, nothing changes',
    {
      given: section('### 参数', '', ...params('a number'), '', '- `NapCat`: `zz` 为必选', ...none),
      want: { views: { 'onebot11,gocq,napcat,lagrange': '{ a: number } → none' }, diagnostics: ['note-delta@11'] },
    },
  ],
]);

meaningTable('its body is given by another', [
  [
    'another implementation’s table',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        ...fields('a number'),
        '',
        '- `NapCat`',
        '',
        ...fields('b string'),
        '',
        '- `Lagrange`: 同上方 `NapCat` 的响应数据',
      ),
      want: {
        views: { 'onebot11,gocq': 'none → { a: number }', 'napcat,lagrange': 'none → { b: string }' },
        diagnostics: [],
      },
    },
  ],
  [
    'its own example',
    {
      given: section(
        ...example('点击查看 NapCat 响应示例数据', '{ "r": true }'),
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '无',
        '',
        '- `NapCat`: 结构见上方示例',
      ),
      want: { views: { 'onebot11,gocq,lagrange': 'none → none', napcat: 'none → { r: boolean }' }, diagnostics: [] },
    },
  ],
  [
    'an example that is not there: unknown, reported',
    {
      given: section('### 参数', '', '无', '', '### 响应数据', '', '无', '', '- `NapCat`: 见示例'),
      want: {
        views: { 'onebot11,gocq,lagrange': 'none → none', napcat: 'none → unknown' },
        diagnostics: ['prose-only@13'],
      },
    },
  ],
]);

meaningTable('its examples against the table it uses', [
  [
    'a vague field takes the shape its example shows, for that implementation only',
    {
      given: section(
        ...example('点击查看 NapCat 响应示例数据', '{ "data": { "k": 1 } }'),
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        ...fields('data object'),
      ),
      want: {
        views: { 'onebot11,gocq,lagrange': 'none → { data: { … } }', napcat: 'none → { data: { k: number } }' },
        diagnostics: [],
      },
    },
  ],
  [
    'an example that disagrees with the base table is reported',
    {
      given: section(
        ...example('点击查看 Lagrange 请求示例数据', '{ "id": "7" }'),
        '### 参数',
        '',
        ...params('id number'),
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': '{ id: number } → none' },
        diagnostics: ['example-mismatch@17'],
      },
    },
  ],
  [
    'a code group inside details: each tab names its implementation',
    {
      given: section(
        ':::: details 点击查看响应示例数据',
        '',
        '::: code-group',
        '',
        '```json [NapCat]',
        '{ "data": { "n": 1 } }',
        '```',
        '',
        '```json [Lagrange]',
        '{ "data": { "s": "x" } }',
        '```',
        '',
        ':::',
        '',
        '::::',
        '',
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        ...fields('data object'),
      ),
      want: {
        views: {
          'onebot11,gocq': 'none → { data: { … } }',
          napcat: 'none → { data: { n: number } }',
          lagrange: 'none → { data: { s: string } }',
        },
        diagnostics: [],
      },
    },
  ],
]);
