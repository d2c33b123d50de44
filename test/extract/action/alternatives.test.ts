/**
 * Bullets that are not implementation names and introduce tables are alternative bodies (a union),
 * in the wordings docs use for them; and the action bullet's tag keeps its kind whatever follows it.
 */
import { actionTable } from '../../support/actions.js';
import { md } from '../../support/helpers.js';
import { fields, meaningTable, params, section } from '../../support/shapes.js';

const ALL = 'onebot11,gocq,napcat,lagrange';
const none = ['', '### 响应数据', '', '无'];
const two = (a: string, b: string) => [
  '### 参数',
  '',
  `- ${a}`,
  '',
  ...params('by number', 'q string'),
  '',
  `- ${b}`,
  '',
  ...params('by number', 'name string'),
  ...none,
];

meaningTable('alternative bodies', [
  [
    '模板A / 模板B',
    {
      given: section(...two('模板A', '模板B')),
      want: { views: { [ALL]: '{ by: number, q: string } | { by: number, name: string } → none' }, diagnostics: [] },
    },
  ],
  [
    '方式一：… / 方式二：…',
    {
      given: section(...two('方式一：按号码', '方式二：按名称')),
      want: { views: { [ALL]: '{ by: number, q: string } | { by: number, name: string } → none' }, diagnostics: [] },
    },
  ],
  [
    'a flag in code',
    {
      given: section(...two('`by: 1`', '`by: 2`')),
      want: { views: { [ALL]: '{ by: number, q: string } | { by: number, name: string } → none' }, diagnostics: [] },
    },
  ],
  [
    '当 `x` 为 `v` 时',
    {
      given: section(...two('当 `by` 为 `1` 时', '当 `by` 为 `2` 时')),
      want: { views: { [ALL]: '{ by: number, q: string } | { by: number, name: string } → none' }, diagnostics: [] },
    },
  ],
  [
    'short phrases right before the tables',
    {
      given: section(...two('按号码', '按名称')),
      want: { views: { [ALL]: '{ by: number, q: string } | { by: number, name: string } → none' }, diagnostics: [] },
    },
  ],
  [
    'under array prose: an array of the union',
    {
      given: section(
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '返回一个数组，元素是以下两种之一',
        '',
        '- 情况1',
        '',
        ...fields('a number'),
        '',
        '- 情况2',
        '',
        ...fields('b string'),
      ),
      want: { views: { [ALL]: 'none → ({ a: number } | { b: string })[]' }, diagnostics: [] },
    },
  ],
  [
    'not: a sentence before a second table (reported, the first table is kept)',
    {
      given: section(
        '### 参数',
        '',
        ...params('a number'),
        '',
        '- 注意：这些字段会随版本变化，请以实际为准',
        '',
        ...params('b number'),
        ...none,
      ),
      want: { views: { [ALL]: '{ a: number } → none' }, diagnostics: ['unexpected-construct@13'] },
    },
  ],
]);

actionTable('the tag keeps its kind whatever follows it', [
  [
    'more words and a link with parentheses in its URL',
    {
      given: md(
        '## 卡',
        '',
        '- `act_x` (gocq拓展 尚未收录 [代码](https://example.com/a_(b).go#L3))',
        '',
        '### 参数',
        '',
        '无',
        '',
        '### 响应数据',
        '',
        '无',
      ),
      want: {
        actions: {
          act_x: {
            tag: 'gocq',
            description: '尚未收录 代码 (https://example.com/a_(b).go#L3)',
            availability: ['gocq', 'napcat', 'lagrange'],
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'a space, 扩展 and a comma',
    {
      given: md('## 卡', '', '- `act_y` (NapCat 扩展，实验性)', '', '### 参数', '', '无', '', '### 响应数据', '', '无'),
      want: { actions: { act_y: { tag: 'napcat', description: '实验性', availability: ['napcat'] } }, diagnostics: [] },
    },
  ],
  [
    'full-width parentheses',
    {
      given: md('## 卡', '', '- `act_z` （社区拓展）', '', '### 参数', '', '无', '', '### 响应数据', '', '无'),
      want: {
        actions: { act_z: { tag: 'community', description: '', availability: ['napcat', 'lagrange'] } },
        diagnostics: [],
      },
    },
  ],
]);
