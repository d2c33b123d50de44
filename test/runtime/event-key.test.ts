/** The runtime's event key: table-driven over names lists and detail-field tables of its own. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type DetailFields, eventKeyIn } from '../../generator/runtime/event-key.js';

const NAMES = [
  'chat.room',
  'chat.room.whisper',
  'chat_echo.room',
  'alert.bell.ring',
  'alert.bell.chime',
  'alert',
  'tick.pulse',
] as const;
const FIELDS: DetailFields = {
  chat: 'chat_type',
  // the bot's own chats carry chat_type too: there is no `chat_echo_type`
  chat_echo: 'chat_type',
  alert: 'alert_type',
  tick: 'tick_type',
};

type Given = { names?: readonly string[]; fields?: DetailFields; event: Record<string, unknown> };

const cases: [string, { given: Given; want: string | undefined }][] = [
  ['post_type and detail', { given: { event: { post_type: 'chat', chat_type: 'room' } }, want: 'chat.room' }],
  [
    'a sub_type the docs key by wins over the shorter key',
    { given: { event: { post_type: 'chat', chat_type: 'room', sub_type: 'whisper' } }, want: 'chat.room.whisper' },
  ],
  [
    'an unknown sub_type falls back to post_type.detail',
    { given: { event: { post_type: 'chat', chat_type: 'room', sub_type: 'shout' } }, want: 'chat.room' },
  ],
  [
    'a post_type whose detail field is not `<post_type>_type` is read through the table',
    { given: { event: { post_type: 'chat_echo', chat_type: 'room', sub_type: 'x' } }, want: 'chat_echo.room' },
  ],
  [
    'the `<post_type>_type` spelling is not guessed when the table says otherwise',
    { given: { event: { post_type: 'chat_echo', chat_echo_type: 'room' } }, want: undefined },
  ],
  [
    'a three-part key',
    { given: { event: { post_type: 'alert', alert_type: 'bell', sub_type: 'chime' } }, want: 'alert.bell.chime' },
  ],
  [
    'an unknown detail falls back to a bare post_type key when the docs have one',
    { given: { event: { post_type: 'alert', alert_type: 'siren' } }, want: 'alert' },
  ],
  ['no detail field at all', { given: { event: { post_type: 'alert' } }, want: 'alert' }],
  ['an undocumented event', { given: { event: { post_type: 'tick', tick_type: 'late' } }, want: undefined }],
  ['an unknown post_type', { given: { event: { post_type: 'weather' } }, want: undefined }],
  [
    'a post_type missing from the table is looked up alone',
    { given: { fields: {}, event: { post_type: 'chat', chat_type: 'room' } }, want: undefined },
  ],
  [
    'only string values make keys',
    { given: { event: { post_type: 'chat', chat_type: 1, sub_type: 'whisper' } }, want: undefined },
  ],
  [
    'a numeric sub_type is not part of a key',
    { given: { event: { post_type: 'chat', chat_type: 'room', sub_type: 7 } }, want: 'chat.room' },
  ],
  [
    "Object.prototype's names are no post_types",
    {
      given: { names: ['__proto__.x'], event: { post_type: '__proto__', '[object Object]': 'x' } },
      want: undefined,
    },
  ],
  ['a value that is no event', { given: { event: { post_type: 5 } }, want: undefined }],
];

describe('eventKeyIn', () => {
  test.each(cases)('%s', (_name, { given, want }) => {
    const event = given.event as { readonly post_type: string };
    expect(eventKeyIn(given.names ?? NAMES, given.fields ?? FIELDS, event)).toBe(want);
  });

  test('whatever it is given, it answers one of the names or undefined, and never throws', () => {
    const value = fc.oneof(
      fc.constantFrom('chat', 'room', 'whisper', 'alert', 'bell', 'chime', 'toString'),
      fc.string(),
    );
    const event = fc.record({
      post_type: value,
      chat_type: value,
      alert_type: value,
      sub_type: fc.oneof(value, fc.integer()),
    });
    fc.assert(
      fc.property(event, (e) => {
        const key = eventKeyIn(NAMES, FIELDS, e);
        return key === undefined || (NAMES as readonly string[]).includes(key);
      }),
    );
  });
});
