/**
 * Typed events: each event construct as a small snippet (table-driven, one assertion helper), then
 * the whole docs family under ../shared/onebot-11-docs when it exists (its `common/events.ts`
 * compiles with test/consumer/events.ts in test/e2e/compile.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { emit } from '../../../generator/emit/index.js';
import { tsNames } from '../../../generator/emit/ts/names.js';
import type { GenerateResult } from '../../../generator/generate.js';
import type { Diagnostic } from '../../../generator/model/diagnostics.js';
import type { Field, Model, TypeRef } from '../../../generator/model/types.js';
import { buildPages, diagnosticLines, FIXTURE, md } from '../../support/helpers.js';
import { TYPES_ONLY } from '../../support/generate.js';
import { CORPUS, onDisk } from '../../support/paths.js';
import { describeCorpus } from '../../support/corpus.js';
import { sharedGenerate } from '../../support/shared-run.js';

// ---- compact spellings of model values ---------------------------------------------------------

/** `int64`, `"message"`, `{ uid: int64 }[]`, `{ … } | null`, `events message`. */
function shape(t: TypeRef): string {
  switch (t.kind) {
    case 'literal':
      return JSON.stringify(t.value);
    case 'number':
      return t.format ?? 'number';
    case 'array':
      return `${shape(t.element)}[]`;
    case 'union':
      return t.members.map(shape).join(' | ');
    case 'object':
      return `{ ${[...t.fields.map(fieldLine), ...(t.open ? ['…'] : [])].join('; ')} }`;
    case 'ref':
      return `ref ${t.target}`;
    case 'events':
      return `events ${t.postType}`;
    case 'link':
      return `link ${t.href}`;
    default:
      return t.kind;
  }
}

/** `reply?: message = 不回复` */
const fieldLine = (f: Field) =>
  `${f.name}${f.required ? '' : '?'}: ${shape(f.type)}${f.default !== undefined ? ` = ${f.default}` : ''}`;

// ---- the table ---------------------------------------------------------------------------------

interface Want {
  /** `key id` per event, in model order. */
  events?: string[];
  /** Event key → its fields as `fieldLine`s. */
  fields?: Record<string, string[]>;
  quick?: Record<string, string[]>;
  common?: string[];
  /** `key` → event description; `key field` → field description; `* field` → common field description. */
  text?: Record<string, string>;
  /** Action name → its response type as a `shape`. */
  responses?: Record<string, string>;
  /** Substrings of `common/events.ts`, or `none` when the file must not be emitted. */
  emitted?: string[] | 'none';
  diagnostics: string[];
}

type Given = string | { file: string; text: string }[];

const TABLE = ['| 字段名 | 数据类型 | 可能的值 | 说明 |', '| --- | --- | --- | --- |'];
const NESTED = ['| 字段名 | 数据类型 | 说明 |', '| --- | --- | --- |'];
/** A page whose first `##` heading is on line 3. */
const page = (...lines: string[]) => md('# 测试事件', '', ...lines);
/** An event section with a data table whose first row is on line 9. */
const event = (title: string, ...rows: string[]) => [`## ${title}`, '', '### 事件数据', '', ...TABLE, ...rows];

const cases: [string, { given: Given; want: Want }][] = [
  [
    "a note naming an implementation's extension marks the event",
    {
      given: page(
        '## 扩展通知',
        '',
        '> [!note] 拓展字段',
        '> NapCat',
        '',
        '### 上报数据',
        '',
        ...TABLE,
        '| `post_type` | string | `notice` | 大类 |',
        '| `notice_type` | string | `custom` | 小类 |',
      ),
      want: {
        events: ['notice.custom CustomNoticeEvent'],
        emitted: ['An extension of NapCat, not sent by the others.'],
        diagnostics: [],
      },
    },
  ],
  [
    'an event table: key, id, literal unions, message field',
    {
      given: page(
        ...event(
          '频道消息',
          '| `time` | number (int64) | - | 时刻 |',
          '| `post_type` | string | `message` | 大类 |',
          '| `message_type` | string | `channel` | 小类 |',
          '| `sub_type` | string | `text`、`image` | 子类 |',
          '| `content` | message | - | 内容 |',
          '| `level` | number | `1`、`2` | 等级 |',
        ),
      ),
      want: {
        events: ['message.channel ChannelMessageEvent'],
        fields: {
          'message.channel': [
            'time: int64',
            'post_type: "message"',
            'message_type: "channel"',
            'sub_type: "text" | "image"',
            'content: message',
            'level: 1 | 2',
          ],
        },
        emitted: [
          "import type { ReceivedMessage } from './message.js';",
          'export interface ChannelMessageEvent {',
          'content: ReceivedMessage;',
          'export type MessageEvent = ChannelMessageEvent;',
          "'message.channel': ChannelMessageEvent;",
          "export type EventPrefix = 'message' | 'message.channel';",
          '@see fixture.md:3',
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'header words 字段/类型, bare int64, 上报数据, and a single sub_type joins the key',
    {
      given: page(
        '## 拍一拍',
        '',
        '### 上报数据',
        '',
        '| 字段 | 类型 | 可能的值 | 说明 |',
        '| --- | --- | --- | --- |',
        '| `post_type` | string | `notice` | 大类 |',
        '| `notice_type` | string | `notify` | 小类 |',
        '| `sub_type` | string | `pat` | 子类 |',
        '| `target_id` | int64 | | 对方 |',
      ),
      want: {
        events: ['notice.notify.pat PatNotifyNoticeEvent'],
        fields: {
          'notice.notify.pat': ['post_type: "notice"', 'notice_type: "notify"', 'sub_type: "pat"', 'target_id: int64'],
        },
        diagnostics: [],
      },
    },
  ],
  [
    'nested tables replace object and array fields; a note after one describes that field',
    {
      given: page(
        ...event(
          '帖子消息',
          '| `post_type` | string | `message` | 大类 |',
          '| `message_type` | string | `post` | 小类 |',
          '| `author` | object | - | 作者 |',
          '| `replies` | array | - | 回复 |',
        ),
        '',
        '其中 `author` 字段的内容如下：',
        '',
        ...NESTED,
        '| `uid` | number (int64) | 账号 |',
        '| `alias` | string | 称呼 |',
        '',
        '这些信息可能过时。',
        '',
        '`replies` 字段的内容如下：',
        '',
        ...NESTED,
        '| `text` | string | 回复文本 |',
      ),
      want: {
        fields: {
          'message.post': [
            'post_type: "message"',
            'message_type: "post"',
            'author: { uid: int64; alias: string }',
            'replies: { text: string }[]',
          ],
        },
        text: { 'message.post': '', 'message.post author': '作者\n这些信息可能过时。' },
        diagnostics: [],
      },
    },
  ],
  [
    'no sub-heading: the post_type literal makes it an event; "same as" keeps an open object',
    {
      given: page(
        '## 脉搏',
        '',
        ...TABLE,
        '| `post_type` | string | `meta_event` | 大类 |',
        '| `meta_event_type` | string | `pulse` | 小类 |',
        '| `stats` | object | - | 统计 |',
        '',
        '其中 `stats` 字段的内容和 `get_stats` 接口的响应相同。',
        '',
        '**仅在开启时上报。**',
      ),
      want: {
        events: ['meta_event.pulse PulseMetaEvent'],
        fields: { 'meta_event.pulse': ['post_type: "meta_event"', 'meta_event_type: "pulse"', 'stats: { … }'] },
        text: {
          'meta_event.pulse': '仅在开启时上报。',
          'meta_event.pulse stats': '统计\n其中 stats 字段的内容和 get_stats 接口的响应相同。',
        },
        diagnostics: [],
      },
    },
  ],
  [
    'quick operation: every field optional, 默认情况 is the default, message is Message',
    {
      given: page(
        ...event(
          '好友申请',
          '| `post_type` | string | `request` | 大类 |',
          '| `request_type` | string | `buddy` | 小类 |',
        ),
        '',
        '### 快速操作',
        '',
        '| 字段名 | 数据类型 | 说明 | 默认情况 |',
        '| --- | --- | --- | --- |',
        '| `accept` | boolean | 是否接受 | 忽略 |',
        '| `answer` | message | 附言 | - |',
      ),
      want: {
        quick: { 'request.buddy': ['accept?: boolean = 忽略', 'answer?: message'] },
        emitted: [
          "import type { Message } from './message.js';",
          'export interface BuddyRequestEventQuickOperation {',
          '@default 忽略',
          'answer?: Message;',
          "'request.buddy': BuddyRequestEventQuickOperation;",
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'a blockquote naming an implementation is description; "为 null" makes a field nullable',
    {
      given: page(
        '## 离线文件',
        '',
        '> [!note] 拓展字段',
        '> SomeBot',
        '',
        '### 上报数据',
        '',
        ...TABLE,
        '| `post_type` | string | `notice` | 大类 |',
        '| `notice_type` | string | `offline` | 小类 |',
        '| `extra` | object | - | 附加信息，没有时为 null |',
      ),
      want: {
        fields: { 'notice.offline': ['post_type: "notice"', 'notice_type: "offline"', 'extra: { … } | null'] },
        text: { 'notice.offline': '拓展字段\nSomeBot' },
        diagnostics: [],
      },
    },
  ],
  [
    'the common fields: eventCommon, a value list in its description, filled into events that omit them',
    {
      given: page(
        '## 共有字段',
        '',
        ...NESTED,
        '| `time` | number (int64) | 时刻 |',
        '| `self_id` | number (int64) | 机器人账号 |',
        '| `post_type` | string | 大类 |',
        '',
        '其中 `post_type` 不同字段值的含义如下：',
        '',
        '- `message`：消息',
        '- `notice`：通知',
        '',
        ...event(
          '好友增加',
          '| `post_type` | string | `notice` | 大类 |',
          '| `notice_type` | string | `buddy_add` | 小类 |',
        ),
      ),
      want: {
        common: ['time: int64', 'self_id: int64', 'post_type: string'],
        fields: {
          'notice.buddy_add': ['time: int64', 'self_id: int64', 'post_type: "notice"', 'notice_type: "buddy_add"'],
        },
        text: { '* post_type': '大类\n- message：消息\n- notice：通知' },
        emitted: ['export interface EventBase {', 'post_type: string;'],
        diagnostics: [],
      },
    },
  ],
  [
    'a config section is ignored without warnings (an info names the unused page), and no events module is emitted',
    {
      given: page(
        '## 相关配置',
        '',
        '| 配置项名称 | 默认值 | 说明 |',
        '| --- | --- | --- |',
        '| `event.format` | `string` | 格式 |',
      ),
      want: { events: [], common: [], emitted: 'none', diagnostics: ['info unused-page @ fixture.md:1:1'] },
    },
  ],
  [
    'an action whose response lists the common fields is not an event',
    {
      given: page(
        '## 取消息',
        '',
        '- `fetch_msg`',
        '',
        '### 响应数据',
        '',
        ...NESTED,
        '| `time` | number | 时刻 |',
        '| `self_id` | number | 账号 |',
        '| `post_type` | string | 大类 |',
      ),
      want: {
        events: [],
        common: [],
        responses: { fetch_msg: '{ time: number; self_id: number; post_type: string }' },
        diagnostics: [],
      },
    },
  ],
  [
    'no post_type literal: the event is dropped',
    {
      given: page(...event('神秘事件', '| `post_type` | string | - | 大类 |', '| `x_type` | string | `y` | 小类 |')),
      want: { events: [], diagnostics: ['warning event-key @ fixture.md:9:1'] },
    },
  ],
  [
    'no single detail-type literal: the key stops at post_type, and the id avoids the union name',
    {
      given: page(
        ...event(
          '宽泛通知',
          '| `post_type` | string | `notice` | 大类 |',
          '| `notice_type` | string | `a`、`b` | 小类 |',
        ),
      ),
      want: {
        events: ['notice NoticeEvent2'],
        diagnostics: ['info type-name @ fixture.md:3:1', 'warning event-key @ fixture.md:10:1'],
      },
    },
  ],
  [
    'a duplicate key: the later section is dropped',
    {
      given: page(
        ...event('撤回甲', '| `post_type` | string | `notice` | 大类 |', '| `notice_type` | string | `undo` | 小类 |'),
        '',
        ...event('撤回乙', '| `post_type` | string | `notice` | 大类 |', '| `notice_type` | string | `undo` | 小类 |'),
      ),
      want: {
        events: ['notice.undo UndoNoticeEvent'],
        diagnostics: ['warning duplicate-event @ fixture.md:12:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'keys that spell the same identifier get numbered ids',
    {
      given: page(
        ...event(
          '甲',
          '| `post_type` | string | `notice` | 大类 |',
          '| `notice_type` | string | `group_upload` | 小类 |',
        ),
        '',
        ...event(
          '乙',
          '| `post_type` | string | `notice` | 大类 |',
          '| `notice_type` | string | `upload` | 小类 |',
          '| `sub_type` | string | `group` | 子类 |',
        ),
      ),
      want: {
        events: ['notice.group_upload GroupUploadNoticeEvent', 'notice.upload.group GroupUploadNoticeEvent2'],
        diagnostics: ['info type-name @ fixture.md:12:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'a paragraph about a field the table does not list: it and its table are ignored, reported once',
    {
      given: page(
        ...event('杂项', '| `post_type` | string | `notice` | 大类 |', '| `notice_type` | string | `misc` | 小类 |'),
        '',
        '其中 `ghost` 字段的内容如下：',
        '',
        ...NESTED,
        '| `a` | string | 甲 |',
      ),
      want: { events: ['notice.misc MiscNoticeEvent'], diagnostics: ['warning event-layout @ fixture.md:12:1'] },
    },
  ],
  [
    'layout problems: nested table under a string, a table without a paragraph, an unknown sub-heading, a dangling 如下',
    {
      given: page(
        ...event(
          '杂项',
          '| `post_type` | string | `notice` | 大类 |',
          '| `notice_type` | string | `misc` | 小类 |',
          '| `label` | string | - | 标签 |',
        ),
        '',
        '其中 `label` 字段的内容如下：', // 13
        '',
        ...NESTED, // 15
        '| `a` | string | 甲 |',
        '',
        ...NESTED, // 19
        '| `b` | string | 乙 |',
        '',
        '### 示例', // 23
        '',
        ...NESTED,
        '| `c` | string | 丙 |',
        '',
        '### 快速操作', // 29
        '',
        '`label` 字段的内容如下：', // 31
      ),
      want: {
        fields: { 'notice.misc': ['post_type: "notice"', 'notice_type: "misc"', 'label: string'] },
        diagnostics: [
          'warning event-layout @ fixture.md:15:1',
          'warning event-layout @ fixture.md:19:1',
          'warning event-layout @ fixture.md:23:1',
          'warning event-layout @ fixture.md:31:1',
        ],
      },
    },
  ],
  [
    'a link to a page of one post_type is that union; a page of mixed post_types is not a link target',
    {
      given: [
        {
          file: 'docs/event/chat.md',
          text: page(
            ...event(
              '私信',
              '| `post_type` | string | `message` | 大类 |',
              '| `message_type` | string | `direct` | 小类 |',
            ),
          ),
        },
        {
          file: 'docs/event/mixed.md',
          text: page(
            ...event(
              '一',
              '| `post_type` | string | `message` | 大类 |',
              '| `message_type` | string | `room` | 小类 |',
            ),
            '',
            ...event(
              '二',
              '| `post_type` | string | `notice` | 大类 |',
              '| `notice_type` | string | `room_add` | 小类 |',
            ),
          ),
        },
        {
          file: 'docs/api/recent.md',
          text: page(
            '## 最近',
            '',
            '- `get_last`',
            '',
            '### 响应数据',
            '',
            ...NESTED,
            '| `last` | [chat](../event/chat.md#私信) | 最后一条 |',
            '| `other` | [mixed](../event/mixed.md) | 其他 |',
          ),
        },
      ],
      want: {
        responses: { get_last: '{ last: events message; other: unknown }' },
        diagnostics: ['warning unresolved-link @ docs/api/recent.md:12:1'],
      },
    },
  ],
];

/** Everything a row may ask about, computed from the model; only the asked-for keys are compared. */
async function observe(model: Model, diagnostics: readonly Diagnostic[], want: Want): Promise<Want> {
  const byKey = (pick: (e: Model['events'][number]) => readonly Field[] | undefined) =>
    Object.fromEntries(model.events.flatMap((e) => (pick(e) ? [[e.key, pick(e)!.map(fieldLine)]] : [])));
  const text: Record<string, string> = {};
  for (const e of model.events) {
    text[e.key] = e.description;
    for (const f of e.fields) text[`${e.key} ${f.name}`] = f.description;
  }
  for (const f of model.eventCommon) text[`* ${f.name}`] = f.description;
  const responses = Object.fromEntries(
    model.actions.map((a) => [a.name, a.response.kind === 'type' ? shape(a.response.type) : 'none']),
  );
  const emitted = want.emitted === undefined ? undefined : (await emit(model, TYPES_ONLY)).get('common/events.ts');
  return {
    events: model.events.map((e) => `${e.key} ${tsNames(model).event(e.key)}`),
    fields: byKey((e) => e.fields),
    quick: byKey((e) => e.quickOperation),
    common: model.eventCommon.map(fieldLine),
    text: Object.fromEntries(Object.keys(want.text ?? {}).map((k) => [k, text[k] ?? '(absent)'])),
    responses,
    emitted:
      want.emitted === 'none'
        ? emitted === undefined
          ? 'none'
          : ['(emitted anyway)']
        : (want.emitted ?? []).filter((s) => emitted?.includes(s)),
    diagnostics: diagnosticLines(diagnostics),
  };
}

describe('events', () => {
  test.each(cases)('%s', async (_name, { given, want }) => {
    const pages = typeof given === 'string' ? [{ file: FIXTURE, text: given }] : given;
    const { model, diagnostics } = buildPages(pages);
    const got = await observe(model, diagnostics, want);
    const asked = Object.fromEntries(Object.keys(want).map((k) => [k, got[k as keyof Want]]));
    expect(asked).toEqual(want);
  });
});

// ---- the docs family ---------------------------------------------------------------------------

const corpus = CORPUS;

/** Keys each event page must produce, in page order. */
const EXPECTED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'message.md': ['message.private', 'message.group'],
  'notice.md': [
    'notice.group_upload',
    'notice.group_admin',
    'notice.group_decrease',
    'notice.group_increase',
    'notice.group_ban',
    'notice.friend_add',
    'notice.group_recall',
    'notice.friend_recall',
    'notice.notify.poke',
    'notice.notify.lucky_king',
    'notice.notify.honor',
    'notice.offline_file',
  ],
  'request.md': ['request.friend', 'request.group'],
  'meta.md': ['meta_event.lifecycle', 'meta_event.heartbeat'],
};

/** Lines of `##` headings whose section has a table row for `post_type`, read line by line. */
function dataSectionLines(file: string): number[] {
  const out: number[] = [];
  let heading = 0;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.startsWith('## ')) heading = i + 1;
      else if (heading && /^\|\s*`post_type`\s*\|/.test(line) && out.at(-1) !== heading) out.push(heading);
    });
  return out;
}

describeCorpus('events from ../shared/onebot-11-docs', () => {
  let result: GenerateResult;
  beforeAll(async () => {
    result = await sharedGenerate(corpus);
  });

  test.each(Object.entries(EXPECTED_KEYS))('every data section of event/%s is an event with its key', (name, keys) => {
    const file = path.join(corpus, 'event', name);
    const events = result.model.events.filter((e) => onDisk(e.source.file) === file);
    expect(events.map((e) => e.key)).toEqual(keys);
    expect(events.map((e) => e.source.line)).toEqual(dataSectionLines(file));
  });

  test('no warning comes from the event pages (infos name their config sections)', () => {
    const fromEvents = result.diagnostics.filter(
      (d) => d.severity !== 'info' && onDisk(d.source.file).startsWith(path.join(corpus, 'event')),
    );
    expect(diagnosticLines(fromEvents)).toEqual([]);
  });

  test("get_recent_contact's lastestMsg is a message event, without an unresolved-link warning", () => {
    const action = result.model.actions.find((a) => a.name === 'get_recent_contact')!;
    const body = action.variants.napcat?.response ?? action.response;
    expect(body.kind === 'type' ? shape(body.type) : 'none').toContain('lastestMsg: events message');
    const unresolved = result.diagnostics.filter((d) => d.code === 'unresolved-link' && d.message.includes('event/'));
    expect(unresolved).toEqual([]);
  });
});
