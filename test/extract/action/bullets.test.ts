/** The action bullet: its name, aliases, the extension tag and what comes before the parts. */
import { actionTable as table, ALL, okResponse, withBullet } from '../../support/actions.js';
import { at, md, noneBody, obj, row, str, tableBody } from '../../support/helpers.js';

table('action bullet and tag', [
  [
    'no tag: the whole action',
    {
      given: withBullet('- `ping_me`'),
      want: {
        actions: {
          ping_me: {
            name: 'ping_me',
            title: '某个接口',
            tag: 'none',
            description: '',
            params: noneBody(7),
            response: okResponse,
            types: [],
            examples: [],
            variants: {},
            availability: ALL,
            source: at(3),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    '(gocq拓展)',
    {
      given: withBullet('- `ping_gocq` (gocq拓展)'),
      want: {
        actions: { ping_gocq: { tag: 'gocq', availability: ['gocq', 'napcat', 'lagrange'], source: at(3) } },
        diagnostics: [],
      },
    },
  ],
  [
    '(NapCat拓展)',
    {
      given: withBullet('- `ping_nc` (NapCat拓展)'),
      want: { actions: { ping_nc: { tag: 'napcat', availability: ['napcat'] } }, diagnostics: [] },
    },
  ],
  [
    '(Lagrange拓展)',
    {
      given: withBullet('- `ping_lg` (Lagrange拓展)'),
      want: { actions: { ping_lg: { tag: 'lagrange', availability: ['lagrange'] } }, diagnostics: [] },
    },
  ],
  [
    '(社区拓展)',
    {
      given: withBullet('- `ping_all` (社区拓展)'),
      want: { actions: { ping_all: { tag: 'community', availability: ['napcat', 'lagrange'] } }, diagnostics: [] },
    },
  ],
  [
    '扩展 spelling, lower case',
    {
      given: withBullet('- `ping_nc2` (napcat扩展)'),
      want: { actions: { ping_nc2: { tag: 'napcat', availability: ['napcat'] } }, diagnostics: [] },
    },
  ],
  [
    '(go-cqhttp拓展)',
    {
      given: withBullet('- `ping_gocq2` (go-cqhttp拓展)'),
      want: { actions: { ping_gocq2: { tag: 'gocq', availability: ['gocq', 'napcat', 'lagrange'] } }, diagnostics: [] },
    },
  ],
  [
    'unknown extension tag: standard, with a warning',
    {
      given: withBullet('- `ping_mars` (火星拓展)'),
      want: {
        actions: { ping_mars: { tag: 'none', availability: ALL } },
        diagnostics: ['warning unknown-implementation @ fixture.md:3:1'],
      },
    },
  ],
  [
    'a Lagrange note makes a NapCat-only action available to Lagrange too',
    {
      given: withBullet('- `ping_both` (NapCat拓展)', '', '- `Lagrange`: 行为与上面相同'),
      want: {
        actions: {
          ping_both: {
            tag: 'napcat',
            availability: ['napcat', 'lagrange'],
            response: okResponse,
            variants: { lagrange: { notes: [{ text: '行为与上面相同', source: at(17) }] } },
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'two bullets are aliases sharing one body',
    {
      given: md(
        '## 读取',
        '',
        '- `read_it`',
        '- `.read_it`',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `text` | string | 内容 |',
      ),
      want: {
        actions: {
          '.read_it': {
            title: '读取',
            params: noneBody(1),
            response: tableBody(8, obj([row(10, 'text', str, 'string', '内容')])),
            source: at(4),
          },
          read_it: {
            title: '读取',
            params: noneBody(1),
            response: tableBody(8, obj([row(10, 'text', str, 'string', '内容')])),
            source: at(3),
          },
        },
        diagnostics: [],
      },
    },
  ],
  [
    'prose and a quote before the parts are the description',
    {
      given: md(
        '## 说明',
        '',
        '> [!TIP] 先登录再调用',
        '',
        '- `explained`',
        '',
        '这个接口   会 **清空** 缓存。',
        '',
        '### 响应数据',
        '',
        '| 字段名 | 数据类型 | 说明 |',
        '| --- | --- | --- |',
        '| `done` | boolean | 完成 |',
      ),
      want: {
        actions: { explained: { description: '先登录再调用\n这个接口 会 清空 缓存。', source: at(5) } },
        diagnostics: [],
      },
    },
  ],
  [
    'a code bullet under 响应数据 is prose, not another action',
    {
      given: withBullet('- `only_me`', '', '- `not_an_action` 也会返回'),
      want: { actions: { only_me: { response: okResponse } }, diagnostics: [] },
    },
  ],
]);
