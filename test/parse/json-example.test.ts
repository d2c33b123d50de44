import { describe, expect, it } from 'vitest';
import { parseJsonExample } from '../../generator/parse/json-example.js';

type Result = ReturnType<typeof parseJsonExample>;
type Case = [name: string, { given: string; want: Result }];

/** The one assertion every case goes through. */
function check(got: Result, want: Result): void {
  expect(got).toStrictEqual(want);
}

const none: Result = { values: [], problems: [] };

const cases: Case[] = [
  ['empty text', { given: '', want: none }],
  ['only whitespace', { given: '  \n\n', want: none }],
  [
    'plain object',
    {
      given: '{ "a": 1, "b": [true, null] }',
      want: { values: [{ value: { a: 1, b: [true, null] }, comments: [], line: 1, column: 1 }], problems: [] },
    },
  ],
  [
    '__proto__ stays an own key, like JSON.parse',
    {
      given: '{"__proto__": 1}',
      want: { values: [{ value: JSON.parse('{"__proto__": 1}'), comments: [], line: 1, column: 1 }], problems: [] },
    },
  ],
  [
    'top-level scalar',
    { given: '\n  "ok"', want: { values: [{ value: 'ok', comments: [], line: 2, column: 3 }], problems: [] } },
  ],
  [
    'trailing comma and a comment after it',
    {
      given: '{ "msg": "string", // 操作结果\n}',
      want: {
        values: [{ value: { msg: 'string' }, comments: [{ path: 'msg', text: '操作结果' }], line: 1, column: 1 }],
        problems: [],
      },
    },
  ],
  [
    'marker is split off the text',
    {
      given: '{\n  "bkn": "123456789" // [!code ++] 仅 napcat 存在此参数\n}',
      want: {
        values: [
          {
            value: { bkn: '123456789' },
            comments: [{ path: 'bkn', text: '仅 napcat 存在此参数', marker: '++' }],
            line: 1,
            column: 1,
          },
        ],
        problems: [],
      },
    },
  ],
  [
    'every marker kind, block comments, marker-only comment',
    {
      given:
        '{ "a": 1, /* [!code --] */\n "b": 2, // [!code warning] w\n "c": 3, // [!code focus:2] f\n "d": 4 // h [!code highlight]\n}',
      want: {
        values: [
          {
            value: { a: 1, b: 2, c: 3, d: 4 },
            comments: [
              { path: 'a', text: '', marker: '--' },
              { path: 'b', text: 'w', marker: 'warning' },
              { path: 'c', text: 'f', marker: 'focus' },
              { path: 'd', text: 'h', marker: 'highlight' },
            ],
            line: 1,
            column: 1,
          },
        ],
        problems: [],
      },
    },
  ],
  [
    'nested paths, array indexes as numbers',
    {
      given: [
        '{',
        '  "transGroupFileResult": { "result": { "retCode": 0 // 返回码',
        '  } },',
        '  "successFileIdList": [ "x", "y" // 第二个',
        '  ]',
        '}',
      ].join('\n'),
      want: {
        values: [
          {
            value: { transGroupFileResult: { result: { retCode: 0 } }, successFileIdList: ['x', 'y'] },
            comments: [
              { path: 'transGroupFileResult.result.retCode', text: '返回码' },
              { path: 'successFileIdList.1', text: '第二个' },
            ],
            line: 1,
            column: 1,
          },
        ],
        problems: [],
      },
    },
  ],
  [
    'object comments: the property before, or the object itself',
    {
      given: '{ "o": { // 开头\n  "a": 1,\n  // 在 a 之后\n  "b": /* 值前 */ 2 }, // 整个 o\n  "e": {} }',
      want: {
        values: [
          {
            value: { o: { a: 1, b: 2 }, e: {} },
            comments: [
              { path: 'o', text: '开头' },
              { path: 'o.a', text: '在 a 之后' },
              { path: 'o.b', text: '值前' },
              { path: 'o', text: '整个 o' },
            ],
            line: 1,
            column: 1,
          },
        ],
        problems: [],
      },
    },
  ],
  [
    'array comments label the element that follows',
    {
      given: '[\n  // 返回值1\n  { "peerUin": "1" }, // 返回值2\n  { "peerUin": "2" }\n  // 末尾\n]',
      want: {
        values: [
          {
            value: [{ peerUin: '1' }, { peerUin: '2' }],
            comments: [
              { path: '0', text: '返回值1' },
              { path: '1', text: '返回值2' },
              { path: '1', text: '末尾' },
            ],
            line: 1,
            column: 1,
          },
        ],
        problems: [],
      },
    },
  ],
  [
    'comment in an empty array labels the array',
    {
      given: '{ "list": [ /* 暂无 */ ] }',
      want: {
        values: [{ value: { list: [] }, comments: [{ path: 'list', text: '暂无' }], line: 1, column: 1 }],
        problems: [],
      },
    },
  ],
  [
    'several top-level values with lead comments',
    {
      given: [
        '// 特别声明一下 这个结果返回的参数非常多 请以实际为准',
        '{',
        '  "flag": "请求标识",',
        '  "approve": true',
        '} // 文档级',
        '',
        '// lagrange',
        '// 第二行',
        '{',
        '  "flag": "string",',
        '  "reason": "string" // [!code error] 可选 拒绝原因',
        '}',
        '// 结尾',
      ].join('\n'),
      want: {
        values: [
          {
            value: { flag: '请求标识', approve: true },
            comments: [{ path: '', text: '文档级' }],
            lead: '特别声明一下 这个结果返回的参数非常多 请以实际为准',
            line: 2,
            column: 1,
          },
          {
            value: { flag: 'string', reason: 'string' },
            comments: [
              { path: 'reason', text: '可选 拒绝原因', marker: 'error' },
              { path: '', text: '结尾' },
            ],
            lead: 'lagrange\n第二行',
            line: 9,
            column: 1,
          },
        ],
        problems: [],
      },
    },
  ],
  [
    'missing comma: problem, later values kept',
    {
      given: '{ "a": 1 "b": 2 }\n// lagrange\n{ "ok": true }',
      want: {
        values: [{ value: { ok: true }, comments: [], lead: 'lagrange', line: 3, column: 1 }],
        problems: [{ message: 'invalid JSON: comma expected', line: 1, column: 10 }],
      },
    },
  ],
  [
    'missing value after a good value',
    {
      given: '[1]\n{"a": }',
      want: {
        values: [{ value: [1], comments: [], line: 1, column: 1 }],
        problems: [{ message: 'invalid JSON: value expected', line: 2, column: 7 }],
      },
    },
  ],
  [
    'unclosed block',
    {
      given: '{ "ok": 1 }\n{\n  "x": [1, 2',
      want: {
        values: [{ value: { ok: 1 }, comments: [], line: 1, column: 1 }],
        problems: [{ message: 'invalid JSON: close bracket expected', line: 3, column: 13 }],
      },
    },
  ],
  [
    'stray closing brace',
    { given: '}', want: { values: [], problems: [{ message: 'invalid JSON: value expected', line: 1, column: 1 }] } },
  ],
];

describe('parseJsonExample', () => {
  for (const [name, { given, want }] of cases) it(name, () => check(parseJsonExample(given), want));
});
