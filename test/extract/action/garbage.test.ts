/** Garbage never throws (and is named in an `unused-page` info): empty pages, only headings, stray tables and fences, control characters. */
import { actionTable as table, emptyPage } from '../../support/actions.js';
import { md, noneBody, undocumented } from '../../support/helpers.js';

/** Nothing of a garbage page is generated, and the one info says so. */
const UNUSED = 'info unused-page @ fixture.md:1:1';

table('garbage never throws', [
  ['empty text', { given: '', want: { actions: {}, pages: [emptyPage()], diagnostics: [UNUSED] } }],
  ['whitespace only', { given: '\n\n   \n\t\n', want: { actions: {}, pages: [emptyPage()], diagnostics: [UNUSED] } }],
  [
    'only headings',
    {
      given: md('# 甲', '## 乙', '### 丙', '#### 丁', '## 戊', '##### 己'),
      want: { actions: {}, pages: [emptyPage('甲')], diagnostics: [UNUSED] },
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
      want: { actions: {}, pages: [emptyPage()], diagnostics: [UNUSED] },
    },
  ],
  [
    'fences and brackets with nothing around them',
    {
      given: md(':::', '::: details', '```json', '{ "a": [', '```', ':::', ':::', '::: tip'),
      want: { actions: {}, pages: [emptyPage()], diagnostics: [UNUSED] },
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
      want: { actions: {}, pages: [emptyPage()], diagnostics: [UNUSED] },
    },
  ],
]);
