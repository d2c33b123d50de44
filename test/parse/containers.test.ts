/**
 * `:::` containers (generator/parse/containers.ts) through the real processor: each case is a
 * Markdown snippet and the root's children reduced to type, position and the fields that matter.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { md } from '../support/helpers.js';

/** A root child as the tests see it; `at` is the start `line:column`. */
type Shape =
  | { type: 'container'; kind: string; title: string; unclosed: boolean; at: string; children: Shape[] }
  | { type: 'paragraph'; text: string; at: string }
  | { type: 'code'; lang: string | null; value: string; at: string }
  | { type: 'heading'; depth: number; text: string; at: string }
  | { type: 'table'; rows: number; at: string };

interface Case {
  given: string;
  want: Shape[];
}

function start(node: { position?: { start: { line: number; column: number } } }): string {
  const p = node.position?.start;
  return p ? `${p.line}:${p.column}` : '?';
}

function shape(node: RootContent): Shape {
  switch (node.type) {
    case 'container':
      return {
        type: 'container',
        kind: node.kind,
        title: node.title,
        unclosed: node.unclosed,
        at: start(node),
        children: node.children.map(shape),
      };
    case 'paragraph':
      return { type: 'paragraph', text: toString(node), at: start(node) };
    case 'code':
      return { type: 'code', lang: node.lang ?? null, value: node.value, at: start(node) };
    case 'heading':
      return { type: 'heading', depth: node.depth, text: toString(node), at: start(node) };
    case 'table':
      return { type: 'table', rows: node.children.length, at: start(node) };
    default:
      throw new Error(`shape: unexpected ${node.type} node at ${start(node)}`);
  }
}

/** The one assertion: the whole root, reduced. */
function check({ given, want }: Case): void {
  expect(parseMarkdown(given).children.map(shape)).toStrictEqual(want);
}

function table(title: string, cases: [string, Case][]): void {
  describe(title, () => {
    for (const [name, c] of cases) test(name, () => check(c));
  });
}

const para = (text: string, at: string): Shape => ({ type: 'paragraph', text, at });
const code = (value: string, at: string, lang: string | null = 'json'): Shape => ({ type: 'code', lang, value, at });
const heading = (depth: number, text: string, at: string): Shape => ({ type: 'heading', depth, text, at });
const container = (kind: string, title: string, at: string, children: Shape[], unclosed = false): Shape => ({
  type: 'container',
  kind,
  title,
  unclosed,
  at,
  children,
});

table('closed containers', [
  [
    'details with a json block, blank lines around',
    {
      given: md('::: details 展开看看返回值', '', '```json', '{ "k": 1 }', '```', '', ':::'),
      want: [container('details', '展开看看返回值', '1:1', [code('{ "k": 1 }', '3:1')])],
    },
  ],
  [
    'details with the code block right under the fence and the closer right after it',
    {
      given: md('::: details Show me', '```json', '[1, 2]', '```', ':::'),
      want: [container('details', 'Show me', '1:1', [code('[1, 2]', '2:1')])],
    },
  ],
  [
    'tip written as one paragraph is split into fence, body, fence',
    {
      given: md('::: tip 小贴士', '本接口不收任何参数', ':::'),
      want: [container('tip', '小贴士', '1:1', [para('本接口不收任何参数', '2:1')])],
    },
  ],
  [
    'tip body with inline code keeps its phrasing and position',
    {
      given: md('::: warning 小心', '调用前先设置 `token` 字段', ':::'),
      want: [container('warning', '小心', '1:1', [para('调用前先设置 token 字段', '2:1')])],
    },
  ],
  [
    'text before and after a container in the same paragraph stays outside it',
    {
      given: md('开头的话', '::: info 旁注', '中间的话', ':::', '结尾的话'),
      want: [
        para('开头的话', '1:1'),
        container('info', '旁注', '2:1', [para('中间的话', '3:1')]),
        para('结尾的话', '5:1'),
      ],
    },
  ],
  [
    'container without a title',
    {
      given: md('::: note', '', '随便写点', '', ':::'),
      want: [container('note', '', '1:1', [para('随便写点', '3:1')])],
    },
  ],
  [
    'more colons and no space before the kind',
    {
      given: md('::::tip 注意', '两行', '正文', '::::'),
      want: [container('tip', '注意', '1:1', [para('两行\n正文', '2:1')])],
    },
  ],
  [
    'an unknown kind still folds (the builder reports it)',
    {
      given: md('::: shout 喊一声', '哇', ':::'),
      want: [container('shout', '喊一声', '1:1', [para('哇', '2:1')])],
    },
  ],
  [
    'a `:::` line inside a fenced code block does not close the container',
    {
      given: md('::: details 代码', '', '```text', 'a', ':::', 'b', '```', '', ':::', '', '之后'),
      want: [container('details', '代码', '1:1', [code('a\n:::\nb', '3:1', 'text')]), para('之后', '11:1')],
    },
  ],
  [
    'a table inside details',
    {
      given: md('::: details 表格', '', '| 字段名 | 说明 |', '| --- | --- |', '| `x` | 叉 |', '', ':::'),
      want: [container('details', '表格', '1:1', [{ type: 'table', rows: 2, at: '3:1' }])],
    },
  ],
  [
    'two containers back to back',
    {
      given: md('::: details 一', '```json', '1', '```', ':::', '::: details 二', '```json', '2', '```', ':::'),
      want: [
        container('details', '一', '1:1', [code('1', '2:1')]),
        container('details', '二', '6:1', [code('2', '7:1')]),
      ],
    },
  ],
  [
    'a fence title with inline code is still a fence',
    {
      given: md('::: details 点击查看 `NapCat` 示例', '', '```json', '{}', '```', '', ':::'),
      want: [container('details', '点击查看 NapCat 示例', '1:1', [code('{}', '3:1')])],
    },
  ],
]);

table('nested containers (more colons outside)', [
  [
    'a `::::` details holding a `:::` tip: the tip closes first, then the details',
    {
      given: md(
        '::::  details 外层',
        '',
        '::: tip 里层',
        '说明',
        ':::',
        '',
        '```json',
        '{}',
        '```',
        '',
        '::::',
        '之后',
      ),
      want: [
        container('details', '外层', '1:1', [
          container('tip', '里层', '3:1', [para('说明', '4:1')]),
          code('{}', '7:1'),
        ]),
        para('之后', '12:1'),
      ],
    },
  ],
  [
    'three levels: `:::::` details, `::::` code-group, code blocks with labels',
    {
      given: md(
        '::::: details 请求',
        '',
        ':::: code-group',
        '',
        '```json [甲]',
        '1',
        '```',
        '',
        '```json [乙]',
        '2',
        '```',
        '',
        '::::',
        '',
        ':::::',
      ),
      want: [
        container('details', '请求', '1:1', [container('code-group', '', '3:1', [code('1', '5:1'), code('2', '9:1')])]),
      ],
    },
  ],
  [
    'the outer closer closes an inner container left open, which is marked unclosed',
    {
      given: md(':::: details 外', '::: warning 没关', '正文', '::::', '后文'),
      want: [
        container('details', '外', '1:1', [container('warning', '没关', '2:1', [para('正文', '3:1')], true)]),
        para('后文', '5:1'),
      ],
    },
  ],
  [
    'a closer with more colons than the open container still closes it',
    {
      given: md('::: tip', '短', '::::', '后文'),
      want: [container('tip', '', '1:1', [para('短', '2:1')]), para('后文', '4:1')],
    },
  ],
  [
    'a closer with fewer colons than any open container is stray inside it',
    {
      given: md(':::: details 外', '甲', ':::', '乙', '::::'),
      want: [container('details', '外', '1:1', [para('甲', '2:1'), para(':::', '3:1'), para('乙', '4:1')])],
    },
  ],
  [
    'a stray `::::` keeps its colons',
    { given: md('前', '', '::::', '', '后'), want: [para('前', '1:1'), para('::::', '3:1'), para('后', '5:1')] },
  ],
]);

table('unclosed containers', [
  [
    'closed at the next opening fence; the second one is closed normally',
    {
      given: md(
        '::: details 第一个',
        '',
        '```json',
        '{ "n": 1 }',
        '```',
        '',
        '::: details 第二个',
        '',
        '```json',
        '{ "n": 2 }',
        '```',
        '',
        ':::',
        '',
        '收尾',
      ),
      want: [
        container('details', '第一个', '1:1', [code('{ "n": 1 }', '3:1')], true),
        container('details', '第二个', '7:1', [code('{ "n": 2 }', '9:1')]),
        para('收尾', '15:1'),
      ],
    },
  ],
  [
    'closed at the next heading, which is not swallowed, nor is what follows',
    {
      given: md('::: tip 忘了关', '内容一', '', '## 新的一节', '', '普通段落', '', ':::'),
      want: [
        container('tip', '忘了关', '1:1', [para('内容一', '2:1')], true),
        heading(2, '新的一节', '4:1'),
        para('普通段落', '6:1'),
        para(':::', '8:1'),
      ],
    },
  ],
  [
    'closed at a deeper heading too',
    {
      given: md('::: warning', '正文', '', '#### 小标题', '', '后文'),
      want: [
        container('warning', '', '1:1', [para('正文', '2:1')], true),
        heading(4, '小标题', '4:1'),
        para('后文', '6:1'),
      ],
    },
  ],
  [
    'closed at the end of the text',
    {
      given: md('前文', '', '::: danger 危险', '最后一句'),
      want: [para('前文', '1:1'), container('danger', '危险', '3:1', [para('最后一句', '4:1')], true)],
    },
  ],
]);

table('stray fences', [
  [
    'a closing `:::` with nothing open is kept as a `:::` paragraph',
    {
      given: md('前面', '', ':::', '', '后面'),
      want: [para('前面', '1:1'), para(':::', '3:1'), para('后面', '5:1')],
    },
  ],
  [
    'a second closer after a closed container is stray',
    {
      given: md('::: tip', '好', ':::', ':::'),
      want: [container('tip', '', '1:1', [para('好', '2:1')]), para(':::', '4:1')],
    },
  ],
  [
    'text without fences is untouched',
    {
      given: md('这里有三个冒号 ::: 但不在行首', '', '## 标题'),
      want: [para('这里有三个冒号 ::: 但不在行首', '1:1'), heading(2, '标题', '3:1')],
    },
  ],
]);
