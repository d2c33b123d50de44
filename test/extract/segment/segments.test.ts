/**
 * Message segments: small pages written for the test go through the real pipeline and the test
 * compares the segments it names (only the properties written, but those exactly) plus every
 * diagnostic. Then the emitted `common/message.ts`: its text for a tiny page, a consumer file
 * compiled against it, the CQ-code round trip, and the docs family when it is present.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tsNames } from '../../../generator/emit/ts/names.js';
import { type GenerateResult, generateFromDocs } from '../../../generator/generate.js';
import type { Segment, SegmentField, TypeRef } from '../../../generator/model/types.js';
import { parseCQString, toCQString } from '../../../generator/runtime/cq-code.js';
import { at, buildOne, dedent, diagnosticLines, lit, md, msg, str, union } from '../../support/helpers.js';
import { removeTree, TYPES_ONLY, writeTempTree } from '../../support/generate.js';
import { typecheck } from '../../support/tsc.js';
import { CORPUS } from '../../support/paths.js';
import { describeCorpus } from '../../support/corpus.js';
import { sharedGenerate } from '../../support/shared-run.js';

interface Want {
  readonly segments: Partial<Segment>[];
  /** The TypeScript stems emit/ts derives from the ids (`contact.qq` → `ContactQq`), when asked. */
  readonly tsStems?: string[];
  readonly diagnostics: string[];
}

function pick<T extends object>(value: T, like: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, value[k as keyof T]])) as Partial<T>;
}

/** The one assertion of the model tables. */
function check({ given, want }: { given: string; want: Want }): void {
  const { model, diagnostics } = buildOne(given);
  const got: Want = {
    segments: model.segments.map((s, i) => pick(s, want.segments[i] ?? {})),
    ...(want.tsStems ? { tsStems: model.segments.map((s) => tsNames(model).segment(s.id)) } : {}),
    diagnostics: diagnosticLines(diagnostics),
  };
  expect(got).toStrictEqual(want);
  expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
}

function table(title: string, cases: [string, { given: string; want: Want }][]): void {
  describe(title, () => {
    for (const [name, c] of cases) test(name, () => check(c));
  });
}

/**
 * Lines of a segment section: heading on line 1, JSON example on line 4, table header on line 7,
 * `rows` from line 9, then one blank line (so a section with n rows has 9 + n lines).
 */
function section(type: string, rows: string[]): string[] {
  return [
    `## 段 ${type}`,
    '',
    '```json',
    `{ "type": "${type}", "data": {} }`,
    '```',
    '',
    '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

/**
 * A field from the row on `line`: received, sent and required unless `flags` says otherwise;
 * required on receive / send by default exactly when it is received / sent.
 */
function field(
  line: number,
  name: string,
  type: TypeRef,
  description: string,
  flags: {
    receive?: boolean;
    send?: boolean;
    required?: boolean;
    requiredOnReceive?: boolean;
    requiredOnSend?: boolean;
    rawType?: string;
  } = {},
): SegmentField {
  const receive = flags.receive ?? true;
  const send = flags.send ?? true;
  return {
    name,
    type,
    required: flags.required ?? true,
    description,
    rawType: flags.rawType ?? '',
    receive,
    send,
    requiredOnReceive: flags.requiredOnReceive ?? receive,
    requiredOnSend: flags.requiredOnSend ?? send,
    source: at(line),
  };
}

/** Optional in both directions. */
const OPTIONAL = { required: false, requiredOnReceive: false, requiredOnSend: false } as const;

const FLAG = union(...['0', '1', 'no', 'yes', 'false', 'true'].map(lit));

table('segment sections', [
  [
    'a section → one segment: type from the JSON example, title without badge, prose without labels',
    {
      given: md(
        '# 消息段',
        '',
        '## 表情 <Badge text="发"/>',
        '',
        '> **提示**',
        '>',
        '> 先看这里。',
        '',
        '```json',
        '{ "type": "face", "data": { "id": "1" } }',
        '```',
        '',
        '```',
        '[CQ:face,id=1]',
        '```',
        '',
        '**例 1**',
        '',
        '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
        '| --- | --- | --- | --- | --- |',
        '| `id` | ✓ | ✓ | - | 表情编号 |',
      ),
      want: {
        segments: [
          {
            type: 'face',
            title: '表情',
            description: '先看这里。',
            id: 'face',
            fields: [field(21, 'id', str, '表情编号')],
            source: at(3),
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    '收/发: ✓ is true, an empty cell false; a row ticked nowhere is reported',
    {
      given: md(
        ...section('pair', [
          '| `both` | ✓ | ✓ | - | 双向 |',
          '| `in` | ✓ |  | - | 只收 |',
          '| `out` |  | ✓ | - | 只发 |',
          '| `none` |  |  | - | 哪都不 |',
        ]),
      ),
      want: {
        segments: [
          {
            fields: [
              field(9, 'both', str, '双向'),
              field(10, 'in', str, '只收', { send: false }),
              field(11, 'out', str, '只发', { receive: false }),
              field(12, 'none', str, '哪都不', { receive: false, send: false }),
            ],
          },
        ],
        diagnostics: ['warning segment-field @ fixture.md:12:1'],
      },
    },
  ],
  [
    '✓<sup>[1]</sup> is ✓; footnote [1] and its list join the field, an unused footnote the segment',
    {
      given: md(
        ...section('pic', ['| `file` | ✓ | ✓<sup>[1]</sup> | - | 文件名 |']),
        '[1] 发送时还可以：',
        '',
        '- 本地路径',
        '- 网络地址',
        '',
        '[2] 无人引用。',
      ),
      want: {
        segments: [
          {
            description: '无人引用。',
            fields: [field(9, 'file', str, '文件名\n发送时还可以：\n- 本地路径\n- 网络地址')],
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    '可能的值: inline code → string literals, `0` `1` → every flag spelling, prose kept in the description',
    {
      given: md(
        ...section('vals', [
          '| `kind` | ✓ | ✓ | `a` `b` | 种类 |',
          '| `one` | ✓ | ✓ | `x` | 单值 |',
          '| `flag` | ✓ | ✓ | `0` `1` | 开关 |',
          '| `who` | ✓ | ✓ | 号码、`all` | 对象 |',
          '| `num` | ✓ | ✓ | `1` `2` | 数字也是字符串 |',
        ]),
      ),
      want: {
        segments: [
          {
            fields: [
              field(9, 'kind', union(lit('a'), lit('b')), '种类'),
              field(10, 'one', lit('x'), '单值'),
              field(11, 'flag', FLAG, '开关'),
              field(12, 'who', str, '对象\n可能的值：号码、all'),
              field(13, 'num', union(lit('1'), lit('2')), '数字也是字符串'),
            ],
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'required per direction: 可选/选填/默认/无此参数 make a sent field optional; 无此参数 or a bare 可选/选填 a received one',
    {
      given: md(
        ...section('req', [
          '| `must` | ✓ | ✓ | - | 一定有 |',
          '| `opt` |  | ✓ | - | 可选，附注 |',
          '| `dflt` |  | ✓ | - | 默认 `1` |',
          '| `absent` | ✓ | ✓ | - | 无此参数表示普通 |',
          '| `sendopt` | ✓ | ✓ | - | 发送时可选，附注 |',
          '| `inonly` | ✓ |  | - | 发送时可选 |',
          '| `inopt` | ✓ |  | - | 可选，收到时也许没有 |',
          '| `fill` | ✓ | ✓ | - | 选填 |',
          '| `sendfill` | ✓ | ✓ | - | 发送时选填 |',
        ]),
      ),
      want: {
        segments: [
          {
            fields: [
              field(9, 'must', str, '一定有'),
              field(10, 'opt', str, '可选，附注', { receive: false, ...OPTIONAL }),
              field(11, 'dflt', str, '默认 1', { receive: false, ...OPTIONAL }),
              field(12, 'absent', str, '无此参数表示普通', OPTIONAL),
              field(13, 'sendopt', str, '发送时可选，附注', { required: false, requiredOnSend: false }),
              field(14, 'inonly', str, '发送时可选', { send: false }),
              field(15, 'inopt', str, '可选，收到时也许没有', { send: false, ...OPTIONAL }),
              field(16, 'fill', str, '选填', OPTIONAL),
              field(17, 'sendfill', str, '发送时选填', { required: false, requiredOnSend: false }),
            ],
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    '发送时可选 on a field both ways: optional when sent, required when received (`share.content`)',
    {
      given: md(
        ...section('share', ['| `url` | ✓ | ✓ | - | URL |', '| `content` | ✓ | ✓ | - | 发送时可选，内容描述 |']),
      ),
      want: {
        segments: [
          {
            fields: [
              field(9, 'url', str, 'URL'),
              field(10, 'content', str, '发送时可选，内容描述', {
                required: false,
                requiredOnReceive: true,
                requiredOnSend: false,
              }),
            ],
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'a bare 可选 on a field both ways: optional when sent and when received',
    {
      given: md(...section('anon', ['| `ignore` | ✓ | ✓ | `0` `1` | 可选，无法匿名时是否继续发送 |'])),
      want: {
        segments: [{ fields: [field(9, 'ignore', FLAG, '可选，无法匿名时是否继续发送', OPTIONAL)] }],
        diagnostics: [],
      },
    },
  ],
  [
    'a field an example gives an array of segments is a message',
    {
      given: md(
        '## 节点',
        '',
        '```json',
        '{ "type": "node", "data": { "name": "甲", "content": "[CQ:face,id=1]" } }',
        '```',
        '',
        '```json',
        '{ "type": "node", "data": { "name": "甲", "content": [{ "type": "text", "data": { "text": "乙" } }] } }',
        '```',
        '',
        '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
        '| --- | --- | --- | --- | --- |',
        '| `name` | ✓ | ✓ | - | 名字 |',
        '| `content` | ✓ | ✓ | - | 内容 |',
      ),
      want: {
        segments: [
          {
            type: 'node',
            fields: [field(13, 'name', str, '名字'), field(14, 'content', msg, '内容', { rawType: 'example' })],
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'type from the CQ-code example when there is no JSON one',
    {
      given: md(
        '## 戳',
        '',
        '```',
        '[CQ:poke,id=1]',
        '```',
        '',
        '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
        '| --- | --- | --- | --- | --- |',
        '| `id` | ✓ | ✓ | - | 编号 |',
      ),
      want: { segments: [{ type: 'poke', id: 'poke', fields: [field(9, 'id', str, '编号')] }], diagnostics: [] },
    },
  ],
  [
    'no example names a type → warning at the heading, section skipped',
    {
      given: md(
        '## 无名',
        '',
        '```',
        '只是文字',
        '```',
        '',
        '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
        '| --- | --- | --- | --- | --- |',
        '| `id` | ✓ | ✓ | - | 编号 |',
      ),
      want: { segments: [], diagnostics: ['warning segment-type @ fixture.md:1:1'] },
    },
  ],
  [
    'examples naming different types → warning at the odd one, the JSON type wins',
    {
      given: md(
        '## 混',
        '',
        '```json',
        '{ "type": "face", "data": {} }',
        '```',
        '',
        '```',
        '[CQ:image,file=1]',
        '```',
        '',
        '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
        '| --- | --- | --- | --- | --- |',
        '| `id` | ✓ | ✓ | - | 编号 |',
      ),
      want: {
        segments: [{ type: 'face' }],
        diagnostics: ['warning segment-type @ fixture.md:8:1 (see fixture.md:4:1)'],
      },
    },
  ],
  [
    'an example data key the table does not list → warning at the example',
    {
      given: md(
        '## 表情',
        '',
        '```json',
        '{ "type": "face", "data": { "id": "1", "extra": "2" } }',
        '```',
        '',
        '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
        '| --- | --- | --- | --- | --- |',
        '| `id` | ✓ | ✓ | - | 编号 |',
      ),
      want: {
        segments: [{ fields: [field(9, 'id', str, '编号')] }],
        diagnostics: ['warning segment-field @ fixture.md:4:1'],
      },
    },
  ],
  [
    'no table: a `{ type, data }` example with its CQ-code twin is a segment without fields',
    {
      given: md('## 骰子', '', '```json', '{ "type": "dice", "data": {} }', '```', '', '```', '[CQ:dice]', '```'),
      want: { segments: [{ type: 'dice', title: '骰子', id: 'dice', fields: [], source: at(1) }], diagnostics: [] },
    },
  ],
  [
    'no table and no CQ-code twin: not a segment (a page explaining the format)',
    {
      given: md('## 概念', '', '```json', '{ "type": "image", "data": { "file": "1.jpg" } }', '```'),
      want: { segments: [], diagnostics: ['info unused-page @ fixture.md:1:1'] },
    },
  ],
  [
    'a repeated row: the later wins; stray tables and containers are reported',
    {
      given: md(
        ...section('odd', ['| `id` | ✓ | ✓ | - | 旧 |', '| `id` | ✓ | ✓ | - | 新 |']),
        '| 字段 | 说明 |',
        '| --- | --- |',
        '| `x` | 别的 |',
        '',
        '| 参数名 | 收 | 发 |',
        '| --- | --- | --- |',
        '| `z` | ✓ | ✓ |',
        '',
        '::: details 更多',
        '内容',
        ':::',
      ),
      want: {
        segments: [{ fields: [field(10, 'id', str, '新')] }],
        diagnostics: [
          'warning duplicate-field @ fixture.md:10:1 (see fixture.md:9:1)',
          'warning unexpected-construct @ fixture.md:12:1',
          'warning unexpected-construct @ fixture.md:16:1',
          'warning unexpected-construct @ fixture.md:20:1',
        ],
      },
    },
  ],
]);

table('segment ids', [
  [
    'one segment per type → the type; PascalCase in TypeScript',
    {
      given: md(...section('mini_app', ['| `id` | ✓ | ✓ | - | 编号 |'])),
      want: { segments: [{ id: 'mini_app' }], tsStems: ['MiniApp'], diagnostics: [] },
    },
  ],
  [
    'a shared type told apart by single literals → each named after its literal',
    {
      given: md(
        ...section('contact', ['| `type` | ✓ | ✓ | `qq` | 人 |', '| `id` | ✓ | ✓ | - | 号 |']),
        ...section('contact', ['| `type` | ✓ | ✓ | `group` | 群 |', '| `id` | ✓ | ✓ | - | 号 |']),
      ),
      want: {
        segments: [{ id: 'contact.qq' }, { id: 'contact.group' }],
        tsStems: ['ContactQq', 'ContactGroup'],
        diagnostics: [],
      },
    },
  ],
  [
    'one variant without a single literal keeps the bare name',
    {
      given: md(
        ...section('music', ['| `type` |  | ✓ | `qq` `163` | 平台 |']),
        ...section('music', ['| `type` |  | ✓ | `custom` | 自定义 |', '| `url` |  | ✓ | - | 地址 |']),
      ),
      want: { segments: [{ id: 'music' }, { id: 'music.custom' }], tsStems: ['Music', 'MusicCustom'], diagnostics: [] },
    },
  ],
  [
    'nothing tells a shared type apart → numbered, with a warning pointing at the first',
    {
      given: md(
        ...section('node', ['| `id` |  | ✓ | - | 编号 |']),
        ...section('node', ['| `user_id` | ✓ | ✓ | - | 号 |']),
      ),
      want: {
        segments: [{ id: 'node' }, { id: 'node~2' }],
        tsStems: ['Node', 'Node2'],
        diagnostics: ['warning segment-id @ fixture.md:11:1 (see fixture.md:1:1)'],
      },
    },
  ],
  [
    'a heading badge decides the direction over the ticks',
    {
      given: md(
        ...section('poke', ['| `id` | ✓ | ✓ | - | 编号 |']).map((l) =>
          l.replace('## 段 poke', '## 段 poke <Badge text="发"/>'),
        ),
        ...section('forward', ['| `id` | ✓ | ✓ | - | 编号 |']).map((l) =>
          l.replace('## 段 forward', '## 段 forward <Badge text="收"/>'),
        ),
        ...section('plain', ['| `id` | ✓ |  | - | 编号 |']),
      ),
      want: {
        segments: [
          { type: 'poke', receive: false, send: true },
          { type: 'forward', receive: true, send: false },
          { type: 'plain', receive: true, send: false },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'a title word names the variant when no field does',
    {
      given: md(
        ...section('node', ['| `id` |  | ✓ | - | 编号 |']),
        ...section('node', ['| `user_id` | ✓ | ✓ | - | 号 |']).map((l) => l.replace('## 段 node', '## 自定义段 node')),
      ),
      want: { segments: [{ id: 'node' }, { id: 'node.custom' }], tsStems: ['Node', 'NodeCustom'], diagnostics: [] },
    },
  ],
  [
    'TypeScript names the message module declares, or another segment already has, are numbered (a type-name info each); ids are not',
    {
      given: md(
        ...section('message', ['| `id` | ✓ | ✓ | - | 编号 |']),
        ...section('face', ['| `id` | ✓ | ✓ | - | 编号 |']),
        ...section('sent_face', ['| `id` | ✓ | ✓ | - | 编号 |']),
      ),
      want: {
        segments: [{ id: 'message' }, { id: 'face' }, { id: 'sent_face' }],
        tsStems: ['Message2', 'Face', 'SentFace2'],
        diagnostics: ['info type-name @ fixture.md:1:1', 'info type-name @ fixture.md:21:1 (see fixture.md:11:1)'],
      },
    },
  ],
]);

/** A page with every shape the emitter has to handle; the consumer below compiles against it. */
const PAGE = md(
  ...section('text', ['| `text` | ✓ | ✓ | - | 文字 |']),
  ...section('face', ['| `id` | ✓ | ✓ | - | 表情编号 |']),
  ...section('image', [
    '| `file` | ✓ | ✓ | - | 文件名 |',
    '| `type` | ✓ | ✓ | `flash` | 种类，无此参数表示普通 |',
    '| `url` | ✓ |  | - | 地址 |',
    '| `cache` |  | ✓ | `0` `1` | 用缓存，默认 `1` |',
  ]),
  '## 骰子',
  '',
  '```json',
  '{ "type": "dice", "data": {} }',
  '```',
  '',
  '```',
  '[CQ:dice]',
  '```',
  '',
  ...section('music', ['| `type` |  | ✓ | `qq` `163` | 平台 |', '| `id` |  | ✓ | - | 歌曲 |']),
  ...section('music', [
    '| `type` |  | ✓ | `custom` | 自定义 |',
    '| `url` |  | ✓ | - | 地址 |',
    '| `audio` |  | ✓ | - | 音频 |',
    '| `title` |  | ✓ | - | 标题 |',
  ]),
  '## 节点',
  '',
  '```json',
  '{ "type": "node", "data": { "name": "甲", "content": [{ "type": "text", "data": { "text": "乙" } }] } }',
  '```',
  '',
  '| 参数名 | 收 | 发 | 可能的值 | 说明 |',
  '| --- | --- | --- | --- | --- |',
  '| `name` | ✓ | ✓ | - | 名字 |',
  '| `content` | ✓ | ✓ | - | 内容 |',
  '',
  ...section('share', [
    '| `url` | ✓ | ✓ | - | URL |',
    '| `title` | ✓ | ✓ | - | 标题 |',
    '| `content` | ✓ | ✓ | - | 发送时可选，内容描述 |',
    '| `image` | ✓ | ✓ | - | 发送时可选，图片 URL |',
  ]),
);

/** Rows for the CQ-code round trip; each value is also compiled as a `SentSegment[]` below. */
const ROUND_TRIP: [string, { type: string; data: Record<string, string> }[]][] = [
  [
    'text around a code',
    [
      { type: 'text', data: { text: '前 [方括号] & 符号' } },
      { type: 'face', data: { id: '1' } },
      { type: 'text', data: { text: '后' } },
    ],
  ],
  ['values with , [ ] & and a flag', [{ type: 'image', data: { file: 'a,b[1]&c.jpg', cache: 'yes' } }]],
  [
    'a segment without data, a literal &amp;',
    [
      { type: 'dice', data: {} },
      { type: 'text', data: { text: '&amp;' } },
    ],
  ],
  [
    'a send-only variant',
    [{ type: 'music', data: { type: 'custom', url: 'https://example.com/?a=1&b=2', audio: 'a.mp3', title: '歌' } }],
  ],
];

describe('CQ-code round trip of sent segments', () => {
  for (const [name, value] of ROUND_TRIP)
    test(name, () => expect(parseCQString(toCQString(value))).toStrictEqual(value));
});

/**
 * Written next to the generated files and compiled with them: what an app does with segments, and
 * what must not compile.
 */
const CONSUMER = `
import { parseCQString, toCQString } from './common/message.js';
import type { Message, ReceivedMessage, ReceivedSegmentOf, SegmentOf, SentSegment } from './common/message.js';

export const face: SentSegment = { type: 'face', data: { id: '1' } };
export const message: Message = [face, { type: 'text', data: { text: 'hi' } }];
export const flag: SegmentOf<'image'> = { type: 'image', data: { file: 'a.jpg', cache: 'yes' } };
export const custom: SegmentOf<'music'> = { type: 'music', data: { type: 'custom', url: 'u', audio: 'a', title: 't' } };
export const roundTrip: SentSegment[][] = ${JSON.stringify(ROUND_TRIP.map(([, v]) => v))};
export const cq: string = toCQString([face]);

export function imageUrls(received: ReceivedMessage): string[] {
  if (typeof received === 'string') return parseCQString(received).map((s) => s.data['url'] ?? '');
  return received.flatMap((s) => (s.type === 'image' ? [s.data.url] : []));
}
export const url = (segment: ReceivedSegmentOf<'image'>): string => segment.data.url;
export const share: SegmentOf<'share'> = { type: 'share', data: { url: 'u', title: 't' } };
export const shareContent = (segment: ReceivedSegmentOf<'share'>): string => segment.data.content;

// @ts-expect-error no segment has this type
export const wrongType: SentSegment = { type: 'no_such_segment', data: {} };
// @ts-expect-error \`url\` is only received, never sent
export const sentUrl: SegmentOf<'image'> = { type: 'image', data: { file: 'a.jpg', url: 'x' } };
// @ts-expect-error \`cache\` takes the 0/1 spellings only
export const badFlag: SegmentOf<'image'> = { type: 'image', data: { file: 'a.jpg', cache: 'maybe' } };
// @ts-expect-error \`face\` needs its \`id\`
export const noId: SentSegment = { type: 'face', data: {} };
// @ts-expect-error music is never received
export type NoReceivedMusic = ReceivedSegmentOf<'music'>;
// @ts-expect-error a received share always has its \`content\` (发送时可选 is about sending)
export const receivedShare: ReceivedSegmentOf<'share'> = { type: 'share', data: { url: 'u', title: 't', image: 'i' } };
`;

/**
 * The generated message module plus the consumer, checked under strict tsc: no diagnostics. The
 * runtime it imports lends its types only; it and the rest of an output are checked by the corpus
 * and docs tests (test/e2e/compile.test.ts).
 */
async function compileWithConsumer(result: GenerateResult): Promise<string[]> {
  const dir = await writeTempTree(result.files);
  try {
    const consumer = path.join(dir, 'consumer.ts');
    await writeFile(consumer, CONSUMER);
    const roots = [path.join(dir, 'common/message.ts'), consumer];
    return typecheck(roots, { checked: 'roots' });
  } finally {
    await removeTree(dir);
  }
}

/** The segment declarations of a page's `common/message.ts`: after `MessageSegment`, before the CQ-code exports. */
async function segmentDeclarations(page: string): Promise<string> {
  const { files } = await generateFromDocs([{ file: 'fixture.md', text: page }], TYPES_ONLY);
  const text = files.get('common/message.ts')!;
  const start = text.indexOf('/**', text.indexOf('export interface MessageSegment'));
  return `${text.slice(start, text.indexOf('\nexport {', start)).trimEnd()}\n`;
}

describe('emitted segment forms: each direction optional as it says, an alias only for the same shape', () => {
  const rows: [string, { given: string; want: string }][] = [
    [
      '发送时可选: required in the received form, optional in the sent one, so no alias',
      {
        given: md(
          ...section('share', ['| `url` | ✓ | ✓ | - | URL |', '| `content` | ✓ | ✓ | - | 发送时可选，内容描述 |']),
        ),
        want: dedent`
          /**
           * 段 share: the received \`share\` segment.
           * @see fixture.md:1
           */
          export interface ShareSegment {
            type: 'share';
            data: {
              /**
               * URL
               * @see fixture.md:9
               */
              url: string;
              /**
               * 发送时可选，内容描述
               * @see fixture.md:10
               */
              content: string;
            };
          }

          /**
           * 段 share: the \`share\` segment to send.
           * @see fixture.md:1
           */
          export interface SentShareSegment {
            type: 'share';
            data: {
              /**
               * URL
               * @see fixture.md:9
               */
              url: string;
              /**
               * 发送时可选，内容描述
               * @see fixture.md:10
               */
              content?: string;
            };
          }
        `,
      },
    ],
    [
      'a bare 可选: optional in both forms, so the sent one is an alias',
      {
        given: md(...section('anon', ['| `ignore` | ✓ | ✓ | `0` `1` | 可选，无法匿名时是否继续发送 |'])),
        want: dedent`
          /**
           * 段 anon: the received \`anon\` segment.
           * @see fixture.md:1
           */
          export interface AnonSegment {
            type: 'anon';
            data: {
              /**
               * 可选，无法匿名时是否继续发送
               * @see fixture.md:9
               */
              ignore?: '0' | '1' | 'no' | 'yes' | 'false' | 'true';
            };
          }

          /**
           * 段 anon: the same as {@link AnonSegment} when sent.
           * @see fixture.md:1
           */
          export type SentAnonSegment = AnonSegment;
        `,
      },
    ],
  ];
  for (const [name, { given, want }] of rows)
    test(name, async () => expect(await segmentDeclarations(given)).toBe(want));
});

describe('emitted common/message.ts', () => {
  test('without segments: the generic segment', async () => {
    const { files } = await generateFromDocs([{ file: 'fixture.md', text: md('# 空') }], TYPES_ONLY);
    expect(files.get('common/message.ts')).toBe(dedent`
      // @generated by onebot-codegen
      // OneBot 11 messages and message segments. Do not edit: change the docs and run \`npm run generate\`.
      /* eslint-disable */
      /** One message segment: \`{ type, data }\`. */
      export interface MessageSegment {
        type: string;
        data: Record<string, unknown>;
      }

      /** A message as sent: a CQ-code string, one segment, or an array of segments. */
      export type Message = string | MessageSegment | MessageSegment[];
      /** A message as received: a CQ-code string or an array of segments (per \`event.message_format\`). */
      export type ReceivedMessage = string | MessageSegment[];
      export { escapeParam, escapeText, parseCQString, toCQString, unescapeParam, unescapeText } from '../runtime/cq-code.js';
    `);
  });

  test('one interface per direction, an alias when both are the same, unions in page order', async () => {
    const page = md(
      ...section('face', ['| `id` | ✓ | ✓ | - | 表情编号 |']),
      ...section('image', ['| `file` | ✓ | ✓ | - | 文件名 |', '| `url` | ✓ |  | - | 地址 |']),
      ...section('music', ['| `id` |  | ✓ | - | 歌曲 |']),
    );
    const { files } = await generateFromDocs([{ file: 'fixture.md', text: page }], TYPES_ONLY);
    const text = files.get('common/message.ts')!;
    expect(text.slice(text.indexOf('/** A message as sent'))).toBe(dedent`
      /** A message as sent: a CQ-code string, one segment, or an array of segments. */
      export type Message = string | SentSegment | SentSegment[];
      /** A message as received: a CQ-code string or an array of segments (per \`event.message_format\`). */
      export type ReceivedMessage = string | ReceivedSegment[];
      /** A message segment as received: one of the segment types the docs list. */
      export type ReceivedSegment = FaceSegment | ImageSegment;
      /** A message segment to send: one of the segment types the docs list. */
      export type SentSegment = SentFaceSegment | SentImageSegment | SentMusicSegment;
      /** The segment to send of type \`T\`: \`SegmentOf<'face'>\`. */
      export type SegmentOf<T extends SentSegment['type']> = Extract<SentSegment, { type: T }>;
      /** The received segment of type \`T\`: \`ReceivedSegmentOf<'image'>\`. */
      export type ReceivedSegmentOf<T extends ReceivedSegment['type']> = Extract<ReceivedSegment, { type: T }>;

      /** Any message segment, including types the docs do not list (implementation extensions). */
      export interface MessageSegment {
        type: string;
        data: Record<string, unknown>;
      }

      /**
       * 段 face: the received \`face\` segment.
       * @see fixture.md:1
       */
      export interface FaceSegment {
        type: 'face';
        data: {
          /**
           * 表情编号
           * @see fixture.md:9
           */
          id: string;
        };
      }

      /**
       * 段 face: the same as {@link FaceSegment} when sent.
       * @see fixture.md:1
       */
      export type SentFaceSegment = FaceSegment;

      /**
       * 段 image: the received \`image\` segment.
       * @see fixture.md:11
       */
      export interface ImageSegment {
        type: 'image';
        data: {
          /**
           * 文件名
           * @see fixture.md:19
           */
          file: string;
          /**
           * 地址
           * @see fixture.md:20
           */
          url: string;
        };
      }

      /**
       * 段 image: the \`image\` segment to send.
       * @see fixture.md:11
       */
      export interface SentImageSegment {
        type: 'image';
        data: {
          /**
           * 文件名
           * @see fixture.md:19
           */
          file: string;
        };
      }

      /**
       * 段 music: the \`music\` segment to send.
       * @see fixture.md:22
       */
      export interface SentMusicSegment {
        type: 'music';
        data: {
          /**
           * 歌曲
           * @see fixture.md:30
           */
          id: string;
        };
      }

      export { escapeParam, escapeText, parseCQString, toCQString, unescapeParam, unescapeText } from '../runtime/cq-code.js';
    `);
  });

  test('a consumer compiles against it, and what must not compile does not', async () => {
    const result = await generateFromDocs([{ file: 'fixture.md', text: PAGE }], TYPES_ONLY);
    expect(result.diagnostics).toEqual([]);
    expect(await compileWithConsumer(result)).toEqual([]);
  });
});

const corpus = CORPUS;
const segmentPage = path.join(corpus, 'message/segment.md');

/**
 * `##` sections of the segment page with a 收/发 table, found line by line independently of the
 * generator: heading line → the `type` of the section's first ```json block.
 */
function tableSections(file: string): { line: number; type: string }[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found: { line: number; type: string }[] = [];
  let heading = 0;
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('## ')) heading = i + 1;
    if (heading === 0 || !/^\|[^|]*\|\s*收\s*\|\s*发\s*\|/.test(line)) continue;
    const start = lines.findIndex((l, j) => j > heading - 1 && l.trim() === '```json');
    const end = lines.findIndex((l, j) => j > start && l.trim() === '```');
    found.push({ line: heading, type: JSON.parse(lines.slice(start + 1, end).join('\n')).type });
  }
  return found;
}

describeCorpus(
  'segments of ../shared/onebot-11-docs',
  () => {
    let result: GenerateResult;
    beforeAll(async () => {
      result = await sharedGenerate(corpus);
    });

    test('every ## section with a 收/发 table is a segment of the right type', () => {
      const want = tableSections(segmentPage);
      expect(want.length).toBeGreaterThanOrEqual(18);
      const lines = new Set(want.map((w) => w.line));
      const got = result.model.segments
        .filter((s) => s.source.file.endsWith('message/segment.md') && lines.has(s.source.line))
        .map((s) => ({ line: s.source.line, type: s.type }));
      expect(got).toStrictEqual(want);
    });

    test('segments without parameters are there too, and ids are unique', () => {
      const types = result.model.segments.map((s) => s.type);
      expect(types).toEqual(expect.arrayContaining(['rps', 'dice', 'shake']));
      const ids = result.model.segments.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    test('no segment warnings: the custom node is told apart by its title', () => {
      const codes = result.diagnostics.filter((d) => d.code.startsWith('segment-')).map((d) => d.message);
      expect(codes).toStrictEqual([]);
      expect(result.model.segments.filter((s) => s.type === 'node').map((s) => s.id)).toEqual(['node', 'node.custom']);
    });

    test('发送时可选 fields are required when received, optional when sent', () => {
      const flags = (type: string, name: string) => {
        const f = result.model.segments.find((s) => s.type === type)?.fields.find((g) => g.name === name);
        return f && { requiredOnReceive: f.requiredOnReceive, requiredOnSend: f.requiredOnSend };
      };
      const sendOptional = { requiredOnReceive: true, requiredOnSend: false };
      expect(flags('share', 'content')).toStrictEqual(sendOptional);
      expect(flags('location', 'title')).toStrictEqual(sendOptional);
      expect(flags('record', 'magic')).toStrictEqual(sendOptional);
      expect(flags('share', 'url')).toStrictEqual({ requiredOnReceive: true, requiredOnSend: true });
    });

    test('common/message.ts and the consumer compile under strict tsc (received share.content required, sent optional)', async () => {
      expect(await compileWithConsumer(result)).toEqual([]);
    });
  },
  segmentPage,
);
