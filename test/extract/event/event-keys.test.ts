/**
 * How events are keyed and kept: the detail field each post_type takes its key from (and the
 * runtime `eventKey()` that must agree), several sections under one key (ids `key`, `key~2`),
 * repeated common-field sections. Table-driven over snippets written for the test; one tsc run over
 * an emitted module.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { emit } from '../../../generator/emit/index.js';
import { tsNames } from '../../../generator/emit/ts/names.js';
import type { Model } from '../../../generator/model/types.js';
import { detailFields } from '../../../generator/model/views.js';
import { eventKeyIn } from '../../../generator/runtime/event-key.js';
import { removeTree, TYPES_ONLY, tsFiles, writeTempTree } from '../../support/generate.js';
import { buildPages, diagnosticLines, FIXTURE, md } from '../../support/helpers.js';
import { typecheck } from '../../support/tsc.js';

const TABLE = ['| 字段名 | 数据类型 | 可能的值 | 说明 |', '| --- | --- | --- | --- |'];
/** A page whose first `##` heading is on line 3. */
const page = (...lines: string[]) => md('# 事件页', '', ...lines);
/** An event section (7 lines before its first row), then a blank line. */
const event = (title: string, ...rows: string[]) => [`## ${title}`, '', '### 上报数据', '', ...TABLE, ...rows, ''];
const post = (value: string) => `| \`post_type\` | string | \`${value}\` | 上报类型 |`;
const literal = (name: string, value: string) => `| \`${name}\` | string | \`${value}\` | 类型 |`;
const plain = (name: string, type = 'number') => `| \`${name}\` | ${type} | - | 值 |`;
const COMMON = ['| 字段名 | 数据类型 | 说明 |', '| --- | --- | --- |'];
const common = (title: string) => [
  `## ${title}`,
  '',
  ...COMMON,
  '| `time` | number (int64) | 时刻 |',
  '| `self_id` | number (int64) | 自己 |',
  '| `post_type` | string | 类型 |',
  '',
];

/** A `relay` event keyed by `channel_type` (there is no `relay_type`), with a sub_type. */
const RELAYED_DIRECT = event(
  '转发私信',
  post('relay'),
  literal('channel_type', 'direct'),
  literal('sub_type', 'peer'),
  plain('peer_id'),
);

interface Want {
  /** `id TypeScriptName [detailField]` per event, in model order. */
  events?: string[];
  /** post_type → the field `eventKey()` reads. */
  detailFields?: Record<string, string>;
  /** Field names of each event, by id. */
  fields?: Record<string, string[]>;
  common?: string[];
  /** Given wire event (JSON) → the key the runtime finds with the model's tables. */
  runtime?: Record<string, string | undefined>;
  /** Substrings of `common/events.ts`. */
  emitted?: string[];
  diagnostics: string[];
}

const cases: [string, { given: string | { file: string; text: string }[]; want: Want }][] = [
  [
    'a post_type with no `<post_type>_type` row keys by its one other single-literal `*_type` row',
    {
      given: page(
        ...event('转发频道', post('relay'), literal('channel_type', 'room'), plain('room_id')),
        ...RELAYED_DIRECT,
      ),
      want: {
        events: ['relay.room RoomRelayEvent channel_type', 'relay.direct.peer PeerDirectRelayEvent channel_type'],
        detailFields: { relay: 'channel_type' },
        runtime: {
          '{"post_type":"relay","channel_type":"room","sub_type":"x"}': 'relay.room',
          '{"post_type":"relay","channel_type":"direct","sub_type":"peer"}': 'relay.direct.peer',
          '{"post_type":"relay","relay_type":"room"}': undefined,
        },
        emitted: [
          "import { type DetailFields, eventKeyIn } from '../runtime/event-key.js';",
          "export const EVENT_DETAIL_FIELDS: DetailFields = { relay: 'channel_type' };",
          'return eventKeyIn(EVENT_NAMES, EVENT_DETAIL_FIELDS, event);',
        ],
        diagnostics: [],
      },
    },
  ],
  [
    '`<post_type>_type` wins over other single-literal `*_type` rows',
    {
      given: page(...event('上传', post('notice'), literal('notice_type', 'upload'), literal('file_type', 'image'))),
      want: {
        events: ['notice.upload UploadNoticeEvent notice_type'],
        detailFields: { notice: 'notice_type' },
        diagnostics: [],
      },
    },
  ],
  [
    'no `<post_type>_type` row and two other candidates: the key stops at post_type, with a warning',
    {
      given: page(...event('含糊', post('echo'), literal('room_type', 'a'), literal('user_type', 'b'))),
      want: {
        // The bare key spells the union's name: the event is numbered, and says so.
        events: ['echo EchoEvent2'],
        detailFields: {},
        diagnostics: ['warning event-key @ fixture.md:3:1', 'info type-name @ fixture.md:3:1'],
      },
    },
  ],
  [
    'events of one post_type naming different detail fields: reported, the first one is what eventKey reads',
    {
      given: page(
        ...event('甲', post('relay'), literal('relay_type', 'room')),
        ...event('乙', post('relay'), literal('channel_type', 'direct')),
      ),
      want: {
        events: ['relay.room RoomRelayEvent relay_type', 'relay.direct DirectRelayEvent channel_type'],
        detailFields: { relay: 'relay_type' },
        runtime: { '{"post_type":"relay","relay_type":"room"}': 'relay.room' },
        diagnostics: ['warning event-key @ fixture.md:12:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'two sections with one key and different fields are both kept: a union under the key',
    {
      given: page(
        ...event('群里敲门', post('notice'), literal('notice_type', 'knock'), plain('group_id'), plain('user_id')),
        ...event('私聊敲门', post('notice'), literal('notice_type', 'knock'), plain('sender_id'), plain('user_id')),
      ),
      want: {
        events: ['notice.knock KnockNoticeEvent notice_type', 'notice.knock~2 KnockNoticeEvent2 notice_type'],
        fields: {
          'notice.knock': ['post_type', 'notice_type', 'group_id', 'user_id'],
          'notice.knock~2': ['post_type', 'notice_type', 'sender_id', 'user_id'],
        },
        emitted: [
          "'notice.knock': KnockNoticeEvent | KnockNoticeEvent2;",
          'export type NoticeEvent = KnockNoticeEvent | KnockNoticeEvent2;',
          "export const EVENT_NAMES: readonly EventName[] = ['notice.knock'];",
        ],
        diagnostics: ['info type-name @ fixture.md:14:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'a section repeating an earlier one (same fields, same types) is dropped',
    {
      given: page(
        ...event('敲门', post('notice'), literal('notice_type', 'knock'), plain('user_id')),
        ...event('敲门（旧）', post('notice'), literal('notice_type', 'knock'), plain('user_id')),
      ),
      want: {
        events: ['notice.knock KnockNoticeEvent notice_type'],
        diagnostics: ['warning duplicate-event @ fixture.md:13:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'the same field names with other types: both kept, and reported (only the types tell them apart)',
    {
      given: page(
        ...event('敲门', post('notice'), literal('notice_type', 'knock'), plain('user_id')),
        ...event('敲门（字符串）', post('notice'), literal('notice_type', 'knock'), plain('user_id', 'string')),
      ),
      want: {
        events: ['notice.knock KnockNoticeEvent notice_type', 'notice.knock~2 KnockNoticeEvent2 notice_type'],
        diagnostics: [
          'warning duplicate-event @ fixture.md:13:1 (see fixture.md:3:1)',
          'info type-name @ fixture.md:13:1 (see fixture.md:3:1)',
        ],
      },
    },
  ],
  [
    'two post_types spelling one union (`ping`, `ping_event`) get distinct unions, the later numbered',
    {
      given: page(
        ...event('甲', post('ping'), literal('ping_type', 'a')),
        ...event('乙', post('ping_event'), literal('ping_event_type', 'b')),
      ),
      want: {
        events: ['ping.a APingEvent ping_type', 'ping_event.b BPingEvent ping_event_type'],
        emitted: ['export type PingEvent = APingEvent;', 'export type PingEvent2 = BPingEvent;'],
        diagnostics: ['info type-name @ fixture.md:12:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'two common-field sections on one page: the later is dropped, each field is listed once',
    {
      given: page(
        ...common('基本字段'),
        ...common('基本字段（再列一次）'),
        ...event('上线', post('meta'), literal('meta_type', 'up')),
      ),
      want: {
        common: ['time', 'self_id', 'post_type'],
        fields: { 'meta.up': ['time', 'self_id', 'post_type', 'meta_type'] },
        diagnostics: ['warning duplicate-event @ fixture.md:11:1 (see fixture.md:3:1)'],
      },
    },
  ],
  [
    'common-field sections on two pages: the first page wins',
    {
      given: [
        { file: 'docs/event/a.md', text: page(...common('字段')) },
        {
          file: 'docs/event/b.md',
          text: page(...common('字段'), ...event('上线', post('meta'), literal('meta_type', 'up'))),
        },
      ],
      want: {
        common: ['time', 'self_id', 'post_type'],
        diagnostics: ['warning duplicate-event @ docs/event/b.md:3:1 (see docs/event/a.md:3:1)'],
      },
    },
  ],
];

function observe(
  model: Model,
  diagnostics: Parameters<typeof diagnosticLines>[0],
  files: Map<string, string>,
  want: Want,
): Want {
  const keys = [...new Set(model.events.map((e) => e.key))];
  const detail = detailFields(model.events);
  const names = tsNames(model);
  const module = files.get('common/events.ts') ?? '';
  return {
    events: model.events.map((e) => [e.id, names.event(e.id), e.detailField].filter(Boolean).join(' ')),
    detailFields: detail,
    fields: Object.fromEntries(
      Object.keys(want.fields ?? {}).map((id) => [
        id,
        model.events.find((e) => e.id === id)?.fields.map((f) => f.name) ?? [],
      ]),
    ),
    common: model.eventCommon.map((f) => f.name),
    runtime: Object.fromEntries(
      Object.keys(want.runtime ?? {}).map((wire) => [
        wire,
        eventKeyIn(keys, detail, JSON.parse(wire) as { post_type: string }),
      ]),
    ),
    emitted: (want.emitted ?? []).filter((s) => module.replace(/\s+/g, ' ').includes(s)),
    diagnostics: diagnosticLines(diagnostics),
  };
}

describe('event keys and shapes', () => {
  test.each(cases)('%s', async (_name, { given, want }) => {
    const pages = typeof given === 'string' ? [{ file: FIXTURE, text: given }] : given;
    const { model, diagnostics } = buildPages(pages);
    const files = want.emitted ? await emit(model, TYPES_ONLY) : new Map<string, string>();
    const got = observe(model, diagnostics, files, want);
    expect(Object.fromEntries(Object.keys(want).map((k) => [k, got[k as keyof Want]]))).toEqual(want);
  });
});

/** What a bot written against the emitted module does: narrow by key, accept either shape, key a wire event. */
const CONSUMER = `import { type EventOf, eventKey } from './common/events.js';

const inGroup: EventOf<'notice.knock'> = { time: 1, self_id: 2, post_type: 'notice', notice_type: 'knock', group_id: 3, user_id: 4 };
const direct: EventOf<'notice.knock'> = { time: 1, self_id: 2, post_type: 'notice', notice_type: 'knock', sender_id: 3, user_id: 4 };
const relayed: EventOf<'relay.direct'> = { time: 1, self_id: 2, post_type: 'relay', channel_type: 'direct', sub_type: 'peer', peer_id: 5 };
// @ts-expect-error a knock has neither group_id nor sender_id
const neither: EventOf<'notice.knock'> = { time: 1, self_id: 2, post_type: 'notice', notice_type: 'knock', user_id: 4 };
export const keys: (string | undefined)[] = [inGroup, direct, relayed, neither].map(eventKey);
`;

test('the emitted module and its runtime compile with a consumer, and key wire events like the model says', async () => {
  const text = page(
    ...common('字段'),
    ...event('群里敲门', post('notice'), literal('notice_type', 'knock'), plain('group_id'), plain('user_id')),
    ...event('私聊敲门', post('notice'), literal('notice_type', 'knock'), plain('sender_id'), plain('user_id')),
    ...RELAYED_DIRECT,
  );
  const { model } = buildPages([{ file: FIXTURE, text }]);
  const files = await emit(model, TYPES_ONLY);
  expect([...files.keys()].filter((f) => f.startsWith('runtime/'))).toContain('runtime/event-key.ts');
  const dir = await writeTempTree(files, 'onebot-event-keys-');
  try {
    const consumer = path.join(dir, 'consumer.ts');
    await writeFile(consumer, CONSUMER);
    expect(typecheck([...tsFiles(dir, files), consumer])).toEqual([]);
  } finally {
    await removeTree(dir);
  }
});

test('without events, no events module is emitted', async () => {
  const { model } = buildPages([{ file: FIXTURE, text: page('## 说明', '', '只有文字。') }]);
  expect([...(await emit(model, TYPES_ONLY)).keys()]).not.toContain('common/events.ts');
});
