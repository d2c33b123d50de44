/**
 * The standard quick operations as action calls (pure; the HTTP POST round trip is in events.test.ts).
 */
import { describe, it } from 'vitest';
import { quickOperationCalls, type QuickOperationCall } from '../../../generator/runtime/server/index.js';
import { check } from './helpers.js';

const PRIVATE = { post_type: 'message', message_type: 'private', user_id: 7, message_id: 1 };
const GROUP = { post_type: 'message', message_type: 'group', group_id: 9, user_id: 7, message_id: 2, anonymous: null };
const ANONYMOUS = { ...GROUP, anonymous: { id: 1, name: 'a', flag: 'fl' } };
const AT_7 = [
  { type: 'at', data: { qq: '7' } },
  { type: 'text', data: { text: ' ' } },
];

const rows: Array<[string, { given: [Record<string, unknown>, Record<string, unknown>]; want: QuickOperationCall[] }]> =
  [
    [
      'private reply with auto_escape',
      {
        given: [PRIVATE, { reply: 'hi', auto_escape: true }],
        want: [
          { action: 'send_msg', params: { message_type: 'private', user_id: 7, message: 'hi', auto_escape: true } },
        ],
      },
    ],
    [
      'group reply ats the sender by default, CQ codes parsed',
      {
        given: [GROUP, { reply: 'a[CQ:face,id=1]' }],
        want: [
          {
            action: 'send_msg',
            params: {
              message_type: 'group',
              group_id: 9,
              message: [...AT_7, { type: 'text', data: { text: 'a' } }, { type: 'face', data: { id: '1' } }],
            },
          },
        ],
      },
    ],
    [
      'group reply with at_sender false and a segment array',
      {
        given: [GROUP, { reply: [{ type: 'text', data: { text: 'x' } }], at_sender: false }],
        want: [
          {
            action: 'send_msg',
            params: { message_type: 'group', group_id: 9, message: [{ type: 'text', data: { text: 'x' } }] },
          },
        ],
      },
    ],
    [
      'group reply as one segment follows the at',
      {
        given: [GROUP, { reply: { type: 'face', data: { id: '2' } } }],
        want: [
          {
            action: 'send_msg',
            params: { message_type: 'group', group_id: 9, message: [...AT_7, { type: 'face', data: { id: '2' } }] },
          },
        ],
      },
    ],
    [
      'group reply as segments follows the at',
      {
        given: [GROUP, { reply: [{ type: 'face', data: { id: '3' } }] }],
        want: [
          {
            action: 'send_msg',
            params: { message_type: 'group', group_id: 9, message: [...AT_7, { type: 'face', data: { id: '3' } }] },
          },
        ],
      },
    ],
    [
      'group reply with auto_escape keeps CQ text literal after the at',
      {
        given: [GROUP, { reply: '[CQ:face,id=1]', auto_escape: true }],
        want: [
          {
            action: 'send_msg',
            params: {
              message_type: 'group',
              group_id: 9,
              message: [...AT_7, { type: 'text', data: { text: '[CQ:face,id=1]' } }],
            },
          },
        ],
      },
    ],
    [
      'delete, kick and ban with the default duration, in that order',
      {
        given: [GROUP, { delete: true, kick: true, ban: true }],
        want: [
          { action: 'delete_msg', params: { message_id: 2 } },
          { action: 'set_group_kick', params: { group_id: 9, user_id: 7, reject_add_request: false } },
          { action: 'set_group_ban', params: { group_id: 9, user_id: 7, duration: 1800 } },
        ],
      },
    ],
    [
      'anonymous sender: no at, no kick, anonymous ban',
      {
        given: [ANONYMOUS, { reply: 'r', kick: true, ban: true, ban_duration: 60 }],
        want: [
          { action: 'send_msg', params: { message_type: 'group', group_id: 9, message: 'r' } },
          { action: 'set_group_anonymous_ban', params: { group_id: 9, anonymous: ANONYMOUS.anonymous, duration: 60 } },
        ],
      },
    ],
    ['private messages have no kick or ban', { given: [PRIVATE, { kick: true, ban: true, delete: true }], want: [] }],
    [
      'friend request approved with a remark',
      {
        given: [
          { post_type: 'request', request_type: 'friend', flag: 'f' },
          { approve: true, remark: 'r' },
        ],
        want: [{ action: 'set_friend_add_request', params: { flag: 'f', approve: true, remark: 'r' } }],
      },
    ],
    [
      'group request refused with a reason',
      {
        given: [
          { post_type: 'request', request_type: 'group', sub_type: 'add', flag: 'g' },
          { approve: false, reason: 'no' },
        ],
        want: [
          { action: 'set_group_add_request', params: { flag: 'g', sub_type: 'add', approve: false, reason: 'no' } },
        ],
      },
    ],
    [
      'a request without approve asks for nothing',
      { given: [{ post_type: 'request', request_type: 'friend' }, {}], want: [] },
    ],
    ['notices have no quick operations', { given: [{ post_type: 'notice' }, { reply: 'x' }], want: [] }],
  ];

describe('quickOperationCalls', () => {
  for (const [name, { given, want }] of rows) it(name, () => check(quickOperationCalls(...given), want));
});
