/** Bad input gets a diagnostic at file:line:col and never throws. */
import { actionTable as table } from '../../support/actions.js';
import { at, bool, md, noneBody, num, obj, row, str, tableBody, undocumented, unknown } from '../../support/helpers.js';

table('bad input', [
  [
    'rows with missing, extra and no name cells',
    {
      given: md(
        '## 残表',
        '',
        '- `ragged`',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `short` | string | - |',
        '| `long` | number | - | 长 | 多出来 |',
        '|  | string | - | 没名字 |',
        '| `fine` | boolean | - | 正常 |',
        '',
        '### 响应数据',
        '',
        '::: tip 提示',
        '该 API 没有响应数据',
        ':::',
      ),
      want: {
        actions: {
          ragged: {
            params: tableBody(
              7,
              obj([
                row(9, 'short', str, 'string', ''),
                row(10, 'long', num, 'number', '长'),
                row(12, 'fine', bool, 'boolean', '正常'),
              ]),
            ),
            response: noneBody(16),
          },
        },
        diagnostics: [
          'warning table-cells @ fixture.md:9:1',
          'warning table-cells @ fixture.md:10:1',
          'warning table-cells @ fixture.md:11:1',
        ],
      },
    },
  ],
  [
    'duplicate action: an error, the first is kept',
    {
      given: md(
        '## 第一次',
        '',
        '- `same_name`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `first` | string | 一 |',
        '',
        '## 第二次',
        '',
        '- `same_name`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `second` | string | 二 |',
      ),
      want: {
        actions: {
          same_name: {
            title: '第一次',
            response: tableBody(7, obj([row(9, 'first', str, 'string', '一')])),
            source: at(3),
          },
        },
        diagnostics: ['error duplicate-action @ fixture.md:13:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'duplicate action: the dropped section is not listed on its page',
    {
      given: md('## 甲', '', '- `same_again`', '', '## 乙', '', '- `same_again`'),
      want: {
        actions: { same_again: { title: '甲' } },
        pages: [{ actions: ['same_again'] }],
        diagnostics: [
          'warning no-tables @ fixture.md:1:1',
          'warning no-tables @ fixture.md:5:1',
          'error duplicate-action @ fixture.md:7:1 (see fixture.md:3:1)',
        ],
      },
    },
  ],
  [
    'an action with no tables or notes',
    {
      given: md('## 空空', '', '- `empty_handed`', '', '只是一段说明文字'),
      want: {
        actions: {
          empty_handed: { description: '只是一段说明文字', params: noneBody(1), response: undocumented(1) },
        },
        diagnostics: ['warning no-tables @ fixture.md:1:1'],
      },
    },
  ],
  [
    'only params documented: the response is unknown, reported for the implementations using it',
    {
      given: md('## 半截', '', '- `half_done` (Lagrange拓展)', '', '### 参数', '', '::: tip', '该 API 没有参数', ':::'),
      want: {
        actions: { half_done: { params: noneBody(7), response: undocumented(1) } },
        diagnostics: ['warning no-tables @ fixture.md:1:1'],
      },
    },
  ],
  [
    'unknown type words',
    {
      given: md(
        '## 怪类型',
        '',
        '- `weird_types`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `weird` | blob | 怪 |',
        '| `odd` | 神秘类型 | 奇 |',
        '| `fmt` | number (int128) | 宽 |',
      ),
      want: {
        actions: {
          weird_types: {
            response: tableBody(
              7,
              obj([
                row(9, 'weird', unknown('unknown type word `blob`'), 'blob', '怪'),
                row(10, 'odd', unknown('unexpected `神秘类型`'), '神秘类型', '奇'),
                row(11, 'fmt', num, 'number (int128)', '宽'),
              ]),
            ),
          },
        },
        diagnostics: [
          'warning unknown-type @ fixture.md:9:1',
          'warning unknown-type @ fixture.md:10:1',
          'warning unknown-type @ fixture.md:11:1',
        ],
      },
    },
  ],
]);
