/**
 * Nested tables in action sections: a sentence naming a field (`其中 \`x\` 字段的内容如下`, `\`xs\` 的每个
 * 元素如下`) makes the next table that field's type — in params, responses (object and array
 * element), variant tables and sub-types — as it does in events.
 */
import { actionTable } from '../../support/actions.js';
import { at, md, obj, row, str, num } from '../../support/helpers.js';
import { fields, meaningTable, params, section } from '../../support/shapes.js';

meaningTable('a nested table types the field it names', [
  [
    'response: an object field',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('id number', 'owner object'),
        '',
        '`owner` 的结构如下：',
        '',
        ...fields('uid number', 'nick string'),
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': 'none → { id: number, owner: { uid: number, nick: string } }' },
        diagnostics: [],
      },
    },
  ],
  [
    'response: every element of an array field',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('total number', 'pets array'),
        '',
        '`pets` 中的每一项如下：',
        '',
        ...fields('name string'),
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': 'none → { total: number, pets: { name: string }[] }' },
        diagnostics: [],
      },
    },
  ],
  [
    'response: a field of the element of an array body',
    {
      given: section(
        '### 响应数据',
        '',
        '返回一个列表，每个元素包含：',
        '',
        ...fields('id number', 'box object'),
        '',
        '另外，`box` 字段的内容如下：',
        '',
        ...fields('w number'),
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': 'none → { id: number, box: { w: number } }[]' },
        diagnostics: [],
      },
    },
  ],
  [
    'params: an object param',
    {
      given: section(
        '### 参数',
        '',
        ...params('filter object'),
        '',
        '其中 `filter` 参数的字段：',
        '',
        ...params('kw string', 'page number 1'),
        '',
        '### 响应数据',
        '',
        '无',
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': '{ filter: { kw: string, page?: number } } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'a variant table: the field of that implementation',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('id number'),
        '',
        '- `NapCat`',
        '',
        ...fields('id number', 'ext object'),
        '',
        '`ext` 对象的内容如下',
        '',
        ...fields('level number'),
      ),
      want: {
        views: {
          'onebot11,gocq,lagrange': 'none → { id: number }',
          napcat: 'none → { id: number, ext: { level: number } }',
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a dotted path reaches a field of a field',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('a object', 'a.b object'),
        '',
        '其中 `a.b` 字段的内容如下：',
        '',
        ...fields('c string'),
      ),
      want: { views: { 'onebot11,gocq,napcat,lagrange': 'none → { a: { b: { c: string } } }' }, diagnostics: [] },
    },
  ],
  [
    'a field with no stated type and 每个元素: an array of the table',
    {
      given: section('### 响应数据', '', ...fields('list -'), '', '`list` 的每个元素如下', '', ...fields('k string')),
      want: { views: { 'onebot11,gocq,napcat,lagrange': 'none → { list: { k: string }[] }' }, diagnostics: [] },
    },
  ],
  [
    'a field the table does not list: the table is ignored, reported with the sentence',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('id number'),
        '',
        '其中 `ghost` 字段的内容如下：',
        '',
        ...fields('k string'),
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': 'none → { id: number }' },
        diagnostics: ['unexpected-construct@13'],
      },
    },
  ],
  [
    'a field that is a string: the table is ignored, reported',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('name string'),
        '',
        '`name` 字段的内容如下：',
        '',
        ...fields('k string'),
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': 'none → { name: string }' },
        diagnostics: ['unexpected-construct@13'],
      },
    },
  ],
  [
    'no table after the sentence: reported at the sentence',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('info object'),
        '',
        '其中 `info` 字段的内容如下：',
        '',
        '以后再补。',
      ),
      want: {
        views: { 'onebot11,gocq,napcat,lagrange': 'none → { info: { … } }' },
        diagnostics: ['unexpected-construct@11'],
      },
    },
  ],
]);

actionTable('nested tables: descriptions, sub-types', [
  [
    'a list after the sentence lists the field’s values (its description)',
    {
      given: md(
        '## 动作',
        '',
        '- `act_now`',
        '',
        '### 响应数据',
        '',
        ...fields('mode string'),
        '',
        '`mode` 字段的取值如下：',
        '',
        '- `fast` 快',
        '- `slow` 慢',
      ),
      want: {
        actions: {
          act_now: {
            description: '',
            response: {
              kind: 'type',
              type: obj([row(9, 'mode', str, 'string', '说明\nmode 字段的取值如下：\n- fast 快\n- slow 慢')]),
              origin: 'table',
              source: at(7),
            },
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a sub-type’s field',
    {
      given: md(
        '## 动作',
        '',
        '- `act_now`',
        '',
        '### 响应数据',
        '',
        ...fields('pet Pet'),
        '',
        '**Pet**',
        '',
        ...fields('toy object'),
        '',
        '其中 `toy` 字段的内容如下：',
        '',
        ...fields('size number'),
      ),
      want: {
        actions: {
          act_now: {
            types: [
              {
                name: 'Pet',
                description: '',
                type: obj([row(15, 'toy', obj([row(21, 'size', num, 'number', '说明')]), 'object', '说明')]),
                source: at(11),
                id: 'Pet',
              },
            ],
          },
        },
        diagnostics: [],
      },
    },
  ],
]);
