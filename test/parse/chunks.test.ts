/**
 * Parsing a page section by section gives exactly the tree a whole-page parse gives: for
 * constructs that could cross a `##` line (lists, quotes, fences, HTML, definitions, footnotes),
 * for pages stitched at random from them, and for every page of the docs. Also where pages are
 * cut, and that pages the scanner cannot place exactly are parsed whole.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { splitChunks } from '../../generator/parse/chunks.js';
import remarkContainers from '../../generator/parse/containers.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { CORPUS, FIXTURES } from '../support/paths.js';

/** The processor as it was before chunking: one parse of the whole page. */
const whole = unified().use(remarkParse).use(remarkGfm).use(remarkContainers).freeze();

function expectSameTree(text: string): void {
  const want = JSON.parse(JSON.stringify(whole.runSync(whole.parse(text)))) as unknown;
  expect(JSON.parse(JSON.stringify(parseMarkdown(text)))).toEqual(want);
}

/** Fragments that end right before a `##` line, each a way a block could leak into the next section. */
const FRAGMENTS = [
  '## 节 {n}',
  '- `get_{n}`\n- 第二项',
  '- 列表\n\n  续行（缩进）',
  '1. 有序\n2. 列表',
  '> 引用\n> 续',
  '> [!note] 提示\n懒续行',
  '```json\n{ "a": 1 }\n## 不是标题\n```',
  '~~~\n## 也不是\n~~~~',
  '````md\n```\n## 仍在代码里\n```\n````',
  '    缩进代码\n    ## 缩进里',
  '<div>\n## 在 HTML 块里\n</div>',
  '<!--\n\n## 在注释里\n\n-->',
  '<pre>\n\n## 在 pre 里\n</pre>',
  '[get_{n}]: ./x.md#节-{n}',
  '[带标题]: ./y.md "标题"',
  '见 [get_{n}] 与 [get_{n}][] 与 [带标题]',
  '脚注[^1]\n\n[^1]: 脚注正文',
  '段落\n## 紧跟段落的标题',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '::: details 示例\n\n```json\n{}\n```\n\n:::',
  '::: tip 未关闭',
  '文字 `代码` **粗** <https://example.com>',
  '标题\n---',
  '## ',
  '  ## 缩进两格的标题',
  '- 项\n\n  ```\n\n## 列表里的代码被标题结束\n```',
  '- 项\n  - 子项\n\n    ```\n\n## 更深的代码\n    ```',
  '- 项\n\n  [get_{n}]: ./z.md',
  '[get_{n}]: ./dup.md',
  '[多行]: ./m.md\n"多行标题"',
  '> ```\n> ## 引用里的代码\n\n## 引用后',
  ' ```\n## 缩进一格的围栏\n ```',
];

function page(picks: readonly number[], n: number): string {
  return picks.map((i) => FRAGMENTS[i % FRAGMENTS.length]!.replaceAll('{n}', String(n))).join('\n\n') + '\n';
}

describe('chunked parse', () => {
  test.each(FRAGMENTS.map((f, i) => [i, f] as const))(
    'fragment %i between sections parses as a whole page',
    (_i, f) => {
      const text = `# 页\n\n## 甲\n\n${f.replaceAll('{n}', '1')}\n\n## 乙\n\n- \`get_1\`\n\n[get_1]: ./x.md#乙\n`;
      expectSameTree(text);
    },
  );

  test('random pages of these fragments parse as whole pages', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(FRAGMENTS.length * 3), { minLength: 1, maxLength: 16 }), fc.nat(3), (picks, n) =>
        expectSameTree(page(picks, n)),
      ),
      { numRuns: 40 },
    );
  });

  test('every page of the docs and the fixtures parses as a whole page', async () => {
    for (const root of [CORPUS, FIXTURES]) {
      for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (e.isFile() && e.name.endsWith('.md'))
          expectSameTree((await readFile(path.join(e.parentPath, e.name), 'utf8')).replace(/\r\n?/g, '\n'));
      }
    }
  });
});

describe('where pages are cut', () => {
  const cases: [string, { given: string; want: number[] | undefined }][] = [
    ['at each `##` after a blank line', { given: '# t\n\n## a\n\ntext\n\n## b\n', want: [0, 2, 6] }],
    ['not at a `##` right after a paragraph', { given: '## a\ntext\n## b\n', want: [0] }],
    ['not inside a fence', { given: '## a\n\n```\n\n## b\n```\n\n## c\n', want: [0, 7] }],
    ['not at `###`', { given: '## a\n\n### b\n', want: [0] }],
    ['not at an indented `##`', { given: '- a\n\n  ## b\n', want: [0] }],
    ['whole: a fence opened with indentation', { given: '- a\n\n  ```\n\n## b\n```\n\n## c\n', want: undefined }],
    ['whole: a fence left open', { given: '## a\n\n```\n\n## b\n', want: undefined }],
    ['whole: a <pre> block', { given: '## a\n\n<pre>\n\n## b\n</pre>\n', want: undefined }],
    ['whole: a footnote', { given: '## a\n\nx[^1]\n\n## b\n\n[^1]: y\n', want: undefined }],
    ['whole: a definition continuing a paragraph', { given: '## a\n\ntext\n[x]: y\n\n## b\n', want: undefined }],
    [
      'a definition after a blank line is kept for every chunk',
      { given: '## a\n\n[x]: ./y.md\n\n## b\n', want: [0, 4] },
    ],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(splitChunks(given)?.chunks.map((c) => c.line)).toEqual(want);
  });

  test('chunks cover the page: offsets and lines add up', () => {
    const text = '# t\n\n## a\n\ntext\n\n## b\n\n[x]: ./y.md\n';
    const chunked = splitChunks(text)!;
    expect(chunked.chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunked.chunks) expect(text.slice(c.offset).startsWith(c.text)).toBe(true);
    expect(chunked.definitions).toBe('[x]: ./y.md');
  });
});
