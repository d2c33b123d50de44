/**
 * Sentences about one implementation, wherever they stand (its bullet, another bullet naming it, a
 * tip, a quote), each in several wordings written for this test: a table that is its own, replacing
 * or extending the base. Its params and examples: implementation-deltas.test.ts.
 */
import { fields, meaningTable, params, section } from '../../support/shapes.js';

const none = ['', '### 响应数据', '', '无'];

meaningTable('a table belongs to one implementation', [
  [
    '以下参数仅 `X` 可用',
    {
      given: section(
        '### 参数',
        '',
        ...params('id number'),
        '',
        '- 以下参数仅 `NapCat` 可用',
        '',
        ...params('id number', 'deep boolean false'),
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,lagrange': '{ id: number } → none', napcat: '{ id: number, deep?: boolean } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    '下表适用于`X`',
    {
      given: section(
        '### 参数',
        '',
        ...params('id number'),
        '',
        '- 下表适用于`Lagrange`',
        '',
        ...params('uid string'),
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,napcat': '{ id: number } → none', lagrange: '{ uid: string } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    '为 `X` 独有',
    {
      given: section(
        '### 参数',
        '',
        ...params('id number'),
        '',
        '- 为 `NapCat` 独有',
        '',
        ...params('nc number'),
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,lagrange': '{ id: number } → none', napcat: '{ nc: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'the name without code',
    {
      given: section(
        '### 参数',
        '',
        ...params('id number'),
        '',
        '- 对于 Lagrange：',
        '',
        ...params('lg number'),
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,napcat': '{ id: number } → none', lagrange: '{ lg: number } → none' },
        diagnostics: [],
      },
    },
  ],
  [
    'a paragraph that points at the table',
    {
      given: section(
        '### 参数',
        '',
        ...params('id number'),
        '',
        '以下为 `Lagrange` 的参数：',
        '',
        ...params('lg number'),
        ...none,
      ),
      want: {
        views: { 'onebot11,gocq,napcat': '{ id: number } → none', lagrange: '{ lg: number } → none' },
        diagnostics: [],
      },
    },
  ],
]);

meaningTable('its table adds to the base', [
  [
    '在上表基础上额外返回以下字段',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('a number', 'b string'),
        '',
        '- `NapCat`: 在上表基础上额外返回以下字段',
        '',
        ...fields('c boolean'),
      ),
      want: {
        views: {
          'onebot11,gocq,lagrange': 'none → { a: number, b: string }',
          napcat: 'none → { a: number, b: string, c: boolean }',
        },
        diagnostics: [],
      },
    },
  ],
  [
    '还会返回以下字段; a field in both takes the variant’s row',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('a number', 'b string'),
        '',
        '- `NapCat`：还会返回以下字段',
        '',
        ...fields('b number', 'c boolean'),
      ),
      want: {
        views: {
          'onebot11,gocq,lagrange': 'none → { a: number, b: string }',
          napcat: 'none → { a: number, b: number, c: boolean }',
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a bullet naming the implementation later in the sentence',
    {
      given: section(
        '### 响应数据',
        '',
        ...fields('a number'),
        '',
        '- 除上表外，`Lagrange` 还有下列字段',
        '',
        ...fields('z string'),
      ),
      want: {
        views: { 'onebot11,gocq,napcat': 'none → { a: number }', lagrange: 'none → { a: number, z: string }' },
        diagnostics: [],
      },
    },
  ],
  [
    'array bodies extend their element',
    {
      given: section(
        '### 响应数据',
        '',
        '返回一个数组，每个元素如下：',
        '',
        ...fields('a number'),
        '',
        '- `NapCat`: 额外返回下列字段',
        '',
        ...fields('q number'),
      ),
      want: {
        views: { 'onebot11,gocq,lagrange': 'none → { a: number }[]', napcat: 'none → { a: number, q: number }[]' },
        diagnostics: [],
      },
    },
  ],
  [
    'a base that is not a table: its own table alone, reported',
    {
      given: section('### 响应数据', '', '无', '', '- `NapCat`: 在此基础上新增以下字段', '', ...fields('q number')),
      want: {
        views: { 'onebot11,gocq,lagrange': 'none → none', napcat: 'none → { q: number }' },
        diagnostics: ['note-delta@9'],
      },
    },
  ],
]);
