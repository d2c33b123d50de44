/** Bad input gets a diagnostic at file:line:col and never throws. */
import { actionTable as table, emptyPage } from '../../support/actions.js';
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
  [
    'headings out of place: ### before any ##, # inside a section',
    {
      given: md(
        '### 太早的标题',
        '',
        '# 页面名',
        '',
        '## 节',
        '',
        '- `misplaced`',
        '',
        '# 半路的一级标题',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | number | 值 |',
      ),
      want: {
        actions: { misplaced: { response: tableBody(13, obj([row(15, 'v', num, 'number', '值')])) } },
        pages: [{ title: '页面名', actions: ['misplaced'] }],
        diagnostics: ['warning misplaced-heading @ fixture.md:1:1', 'warning misplaced-heading @ fixture.md:9:1'],
      },
    },
  ],
  [
    'a section with parts but no action bullet; a prose-only section is silent',
    {
      given: md(
        '## 只是介绍',
        '',
        '这一节只有文字。',
        '',
        '## 缺了名字',
        '',
        '### 参数',
        '',
        '| 字段名 | 数据类型 | 默认值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `q` | string | - | 问 |',
      ),
      want: {
        actions: {},
        pages: [{ actions: [], typeSections: [] }],
        diagnostics: ['warning no-action @ fixture.md:5:1'],
      },
    },
  ],
  [
    'a table before the parts, a table without a name column, an unknown container',
    {
      given: md(
        '## 杂乱',
        '',
        '- `messy`',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `early` | string | 太早 |',
        '',
        '::: shout 大喊',
        '别这样',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 名称 | 值 |',
        '| --- | --- |',
        '| a | b |',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `late` | string | 正好 |',
      ),
      want: {
        actions: {
          messy: {
            description: '别这样',
            response: tableBody(19, obj([row(21, 'late', str, 'string', '正好')])),
          },
        },
        diagnostics: [
          'warning unexpected-construct @ fixture.md:5:1',
          'warning unknown-container @ fixture.md:9:1',
          'warning table-header @ fixture.md:15:1',
        ],
      },
    },
  ],
  [
    'unclosed containers: closed at the next opening and at the next heading',
    {
      given: md(
        '## 没关好',
        '',
        '- `left_open`',
        '',
        '::: details 点击查看请求示例数据',
        '',
        '```json',
        '{ "q": 1 }',
        '```',
        '',
        '::: details 点击查看响应示例数据',
        '',
        '```json',
        '{ "a": 2 }',
        '```',
        '',
        ':::',
        '',
        '### 参数',
        '',
        '::: tip 提示',
        '该 API 没有参数',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `a` | number | 答 |',
      ),
      want: {
        actions: {
          left_open: {
            params: noneBody(21),
            response: tableBody(26, obj([row(28, 'a', num, 'number', '答')])),
            examples: [
              { role: 'request', value: { q: 1 }, comments: [], source: at(8) },
              { role: 'response', value: { a: 2 }, comments: [], source: at(14) },
            ],
          },
        },
        diagnostics: ['warning unclosed-container @ fixture.md:5:1', 'warning unclosed-container @ fixture.md:21:1'],
      },
    },
  ],
  [
    'a stray closing fence is reported, not kept as description',
    {
      given: md(
        '## 多余的关闭',
        '',
        '- `stray_fence`',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | string | 值 |',
      ),
      want: {
        actions: { stray_fence: { description: '', response: tableBody(9, obj([row(11, 'v', str, 'string', '值')])) } },
        diagnostics: ['warning unexpected-construct @ fixture.md:5:1'],
      },
    },
  ],
  [
    'a details summary with inline code still names its implementation',
    {
      given: md(
        '## 标题带代码',
        '',
        '- `code_title`',
        '',
        '::: details 点击查看 `NapCat` 响应示例数据',
        '',
        '```json',
        '{ "v": "x" }',
        '```',
        '',
        ':::',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `v` | string | 值 |',
      ),
      want: {
        actions: {
          code_title: {
            description: '',
            examples: [{ role: 'response', impl: 'napcat', value: { v: 'x' }, comments: [], source: at(8) }],
          },
        },
        diagnostics: [],
      },
    },
  ],
]);

table('garbage never throws', [
  ['empty text', { given: '', want: { actions: {}, pages: [emptyPage()], diagnostics: [] } }],
  ['whitespace only', { given: '\n\n   \n\t\n', want: { actions: {}, pages: [emptyPage()], diagnostics: [] } }],
  [
    'only headings',
    {
      given: md('# 甲', '## 乙', '### 丙', '#### 丁', '## 戊', '##### 己'),
      want: { actions: {}, pages: [emptyPage('甲')], diagnostics: [] },
    },
  ],
  [
    'random tables everywhere',
    {
      given: md(
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '## 表',
        '',
        '| 字段名 | 类型 |',
        '|---|---|',
        '| `x` | number |',
        '',
        '| | |',
        '|-|-|',
        '| | |',
      ),
      want: { actions: {}, pages: [emptyPage()], diagnostics: [] },
    },
  ],
  [
    'fences and brackets with nothing around them',
    {
      given: md(':::', '::: details', '```json', '{ "a": [', '```', ':::', ':::', '::: tip'),
      want: { actions: {}, pages: [emptyPage()], diagnostics: [] },
    },
  ],
  [
    'an action whose only example never closes its brackets',
    {
      given: md('## 残缺', '', '- `cut_off`', '', '```json', '{ "a": [1,', '```'),
      want: {
        actions: { cut_off: { params: noneBody(1), response: undocumented(1), examples: [] } },
        diagnostics: ['warning no-tables @ fixture.md:1:1', 'warning invalid-example @ fixture.md:6:11'],
      },
    },
  ],
  [
    'control characters and lone pipes',
    {
      given: '\u0000|\u0001|\n|---|\n## \u0007\n- `\u0002`\n| 字段名 |\n|\n',
      want: { actions: {}, pages: [emptyPage()], diagnostics: [] },
    },
  ],
]);
