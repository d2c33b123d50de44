/**
 * The HTTP API over a real socket with raw fetch: every status the docs give (and 405/413), each
 * params source, coercion driven by the params schema, and auth by header and by query.
 */
import { afterEach, describe, it } from 'vitest';
import { check, cleanup, startServer, type TestServer } from './helpers.js';

afterEach(cleanup);

interface Given {
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** A Uint8Array body gets no content type from fetch. */
  readonly body?: string | Uint8Array;
}
interface Want {
  readonly status: number;
  /** Fields of the answer's envelope to compare; undefined to skip. */
  readonly envelope?: Record<string, unknown>;
  /** Params the handler received; undefined when no handler may run. */
  readonly params?: unknown;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
const ok = (data: unknown): Record<string, unknown> => ({ status: 'ok', retcode: 0, data });
const failed = (retcode: number, message: string): Record<string, unknown> => ({
  status: 'failed',
  retcode,
  data: null,
  message,
});

async function request(server: TestServer, given: Given): Promise<{ status: number; envelope: unknown }> {
  const init: RequestInit = { method: given.method ?? 'GET', headers: given.headers ?? {} };
  if (given.body !== undefined) init.body = given.body;
  const response = await fetch(server.http + given.path, init);
  const text = await response.text();
  return { status: response.status, envelope: text === '' ? undefined : JSON.parse(text) };
}

function pick(envelope: unknown, keys: readonly string[]): Record<string, unknown> {
  const record = envelope as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]]));
}

function table(title: string, rows: Array<[string, { given: Given; want: Want }]>, token?: string): void {
  describe(title, () => {
    for (const [name, { given, want }] of rows) {
      it(name, async () => {
        const server = await startServer(token === undefined ? {} : { accessToken: token });
        const got = await request(server, given);
        check(got.status, want.status, 'HTTP status');
        if (want.envelope) check(pick(got.envelope, Object.keys(want.envelope)), want.envelope, 'envelope');
        check(
          server.runs.map((run) => run.params),
          want.params === undefined ? [] : [want.params],
          'params the handler got',
        );
      });
    }
  });
}

table('params sources and coercion', [
  [
    'query string, user_id coerced to a number',
    {
      given: { path: '/send_private_msg?user_id=123&message=hi' },
      want: { status: 200, envelope: ok({ message_id: 1 }), params: { user_id: 123, message: 'hi' } },
    },
  ],
  [
    'query string, no_cache=true coerced to a boolean',
    {
      given: { path: '/get_image?file=a.jpg&no_cache=true' },
      want: { status: 200, envelope: ok({ file: 'a.jpg' }), params: { file: 'a.jpg', no_cache: true } },
    },
  ],
  [
    'urlencoded form',
    {
      given: { path: '/send_private_msg', method: 'POST', headers: FORM_TYPE, body: 'user_id=5&message=a%20b' },
      want: { status: 200, params: { user_id: 5, message: 'a b' } },
    },
  ],
  [
    'JSON body with charset, strings in JSON coerced',
    {
      given: {
        path: '/send_private_msg/',
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"user_id":"77","message":"hi","auto_escape":"false"}',
      },
      want: { status: 200, params: { user_id: 77, message: 'hi', auto_escape: false } },
    },
  ],
  [
    'body fields win over query fields',
    {
      given: { path: '/get_image?file=q&no_cache=1', method: 'POST', headers: JSON_TYPE, body: '{"file":"b"}' },
      want: { status: 200, params: { file: 'b', no_cache: true } },
    },
  ],
  [
    'a repeated query field becomes an array (no schema)',
    {
      given: { path: '/send_msg?to=1&to=2&text=x' },
      want: { status: 200, envelope: ok({ message_id: 1 }), params: { to: ['1', '2'], text: 'x' } },
    },
  ],
  [
    'POST without a body takes the query',
    {
      given: { path: '/get_image?file=x', method: 'POST' },
      want: { status: 200, params: { file: 'x' } },
    },
  ],
]);

table('statuses', [
  ['unknown action → 404', { given: { path: '/no_such_action' }, want: { status: 404 } }],
  [
    'listed action without a handler → 404 (unsupported)',
    {
      given: { path: '/set_restart' },
      want: { status: 404, envelope: failed(1404, 'unsupported action: set_restart') },
    },
  ],
  ['no action in the path → 404', { given: { path: '/' }, want: { status: 404 } }],
  ['nested path → 404', { given: { path: '/get_status/extra' }, want: { status: 404 } }],
  [
    'unsupported content type → 406',
    {
      given: { path: '/get_status', method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' },
      want: { status: 406 },
    },
  ],
  [
    'a POST body without a content type → 406',
    {
      given: { path: '/get_status', method: 'POST', body: new Uint8Array([123, 125]) },
      want: { status: 406 },
    },
  ],
  [
    'malformed JSON body → 400',
    { given: { path: '/get_image', method: 'POST', headers: JSON_TYPE, body: '{"file":' }, want: { status: 400 } },
  ],
  [
    'JSON body that is not an object → 400',
    { given: { path: '/get_image', method: 'POST', headers: JSON_TYPE, body: '[1]' }, want: { status: 400 } },
  ],
  ['PUT → 405', { given: { path: '/get_status', method: 'PUT' }, want: { status: 405 } }],
  [
    'missing required param → 200 failed 1400 naming the field',
    {
      given: { path: '/send_private_msg?message=hi' },
      want: { status: 200, envelope: failed(1400, 'params.user_id: is required') },
    },
  ],
  [
    'param of the wrong type → 200 failed 1400 naming the field',
    {
      given: { path: '/send_private_msg?user_id=abc&message=hi' },
      want: { status: 200, envelope: failed(1400, 'params.user_id: must be integer') },
    },
  ],
  [
    'handler throwing OneBotActionError → 200 with its retcode',
    { given: { path: '/fail' }, want: { status: 200, envelope: failed(100, 'no such group') } },
  ],
  [
    'handler throwing an Error → 200 failed 1500',
    { given: { path: '/crash' }, want: { status: 200, envelope: failed(1500, 'handler bug') } },
  ],
  [
    'documented name ending in _async is not split',
    { given: { path: '/clean_cache_async' }, want: { status: 200, envelope: ok(null), params: {} } },
  ],
  [
    'percent-encoded action name',
    { given: { path: '/get%5Fstatus' }, want: { status: 200, envelope: ok({ online: true }), params: {} } },
  ],
]);

const TOKEN = 'kSLuTF2GC2Q4q4ugm3';
table(
  'access token',
  [
    ['no token → 401', { given: { path: '/get_status' }, want: { status: 401 } }],
    [
      'wrong header token → 403',
      { given: { path: '/get_status', headers: { authorization: 'Bearer nope' } }, want: { status: 403 } },
    ],
    ['wrong query token → 403', { given: { path: '/get_status?access_token=nope' }, want: { status: 403 } }],
    [
      'header token → 200',
      {
        given: { path: '/get_status', headers: { authorization: `Bearer ${TOKEN}` } },
        want: { status: 200, params: {} },
      },
    ],
    [
      'query token → 200, and it is not a param',
      { given: { path: `/get_image?file=f&access_token=${TOKEN}` }, want: { status: 200, params: { file: 'f' } } },
    ],
    [
      'auth comes before the body is looked at',
      { given: { path: '/get_image', method: 'POST', headers: JSON_TYPE, body: '{' }, want: { status: 401 } },
    ],
  ],
  TOKEN,
);

describe('serving on', () => {
  it('answers the next request after a handler threw, and reports the throw', async () => {
    const server = await startServer();
    check((await request(server, { path: '/crash' })).status, 200);
    check((await request(server, { path: '/get_status' })).envelope, ok({ online: true }));
    check(
      server.errors.map((e) => (e as Error).message),
      ['handler bug'],
    );
  });

  it('logs one line per call with transport, action, retcode and ms', async () => {
    const server = await startServer();
    await request(server, { path: '/send_private_msg?message=x' });
    check(server.logs.length, 1);
    check(/^http send_private_msg retcode=1400 \d+\.\dms$/.test(server.logs[0] ?? ''), true, server.logs[0]);
  });

  it('hands the handler its context', async () => {
    const server = await startServer();
    await request(server, { path: '/get_status' });
    const ctx = server.runs[0]?.ctx;
    check(
      {
        selfId: ctx?.selfId,
        transport: ctx?.transport,
        action: ctx?.action,
        mode: ctx?.mode,
        aborted: ctx?.signal.aborted,
      },
      { selfId: 10001000, transport: 'http', action: 'get_status', mode: 'sync', aborted: false },
    );
    check(ctx?.remoteAddress, '127.0.0.1');
  });
});
