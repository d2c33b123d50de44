/**
 * Forward WebSocket with raw `ws` clients: paths, upgrade auth, echo of every JSON type, retcodes
 * 1400/1404/1500, malformed frames, `/event` sockets, a dedicated port, and many connections at once.
 */
import { afterEach, describe, it } from 'vitest';
import { check, cleanup, connect, startServer } from './helpers.js';

afterEach(cleanup);

const TOKEN = 'secret-token';

describe('upgrade', () => {
  const rows: Array<[string, { path: string; headers?: Record<string, string>; want: string }]> = [
    ['/api', { path: '/api', want: 'open' }],
    ['/api/', { path: '/api/', want: 'open' }],
    ['/event/', { path: '/event/', want: 'open' }],
    ['/', { path: '/', want: 'open' }],
    ['unknown path → 404', { path: '/nope', want: 'refused 404' }],
  ];
  for (const [name, { path, want }] of rows) {
    it(name, async () => {
      const { ws } = await startServer();
      check(
        await connect(ws + path).then(
          () => 'open',
          (e: Error) => e.message,
        ),
        want,
      );
    });
  }

  const authRows: Array<[string, { path: string; headers?: Record<string, string>; want: string }]> = [
    ['no token → 401', { path: '/api', want: 'refused 401' }],
    ['wrong header token → 403', { path: '/api', headers: { Authorization: 'Bearer x' }, want: 'refused 403' }],
    ['wrong query token → 403', { path: '/api?access_token=x', want: 'refused 403' }],
    ['header token', { path: '/api', headers: { Authorization: `Bearer ${TOKEN}` }, want: 'open' }],
    ['query token', { path: `/?access_token=${TOKEN}`, want: 'open' }],
  ];
  for (const [name, { path, headers, want }] of authRows) {
    it(`access token: ${name}`, async () => {
      const { ws, server } = await startServer({ accessToken: TOKEN });
      check(
        await connect(ws + path, headers).then(
          () => 'open',
          (e: Error) => e.message,
        ),
        want,
      );
      check(server.stats().wsConnections, want === 'open' ? 1 : 0);
    });
  }

  it('serves on its own port, where plain HTTP gets 426', async () => {
    const { ws, http } = await startServer({ http: false, ws: { port: 0 } });
    check(http, 'http://127.0.0.1:undefined');
    const client = await connect(`${ws}/api`);
    check(await client.call({ action: 'get_status', echo: 1 }), {
      status: 'ok',
      retcode: 0,
      data: { online: true },
      echo: 1,
    });
    check((await fetch(ws.replace('ws:', 'http:') + '/get_status')).status, 426);
  });
});

describe('calls', () => {
  const echoes: Array<[string, unknown]> = [
    ['string', 'abc'],
    ['number 0', 0],
    ['false', false],
    ['null', null],
    ['object', { id: 7, nested: [1, { a: 'b' }] }],
    ['array', [1, 'two']],
  ];
  for (const [name, echo] of echoes) {
    it(`returns echo exactly: ${name}`, async () => {
      const { ws } = await startServer();
      const client = await connect(`${ws}/api`);
      check(await client.call({ action: 'get_status', echo }), {
        status: 'ok',
        retcode: 0,
        data: { online: true },
        echo,
      });
    });
  }

  const failures: Array<[string, { frame: unknown; want: unknown }]> = [
    [
      'unknown action → 1404',
      {
        frame: { action: 'nope', echo: 'e' },
        want: {
          status: 'failed',
          retcode: 1404,
          data: null,
          message: 'unknown action: nope',
          wording: 'unknown action: nope',
          echo: 'e',
        },
      },
    ],
    [
      'bad params → 1400 naming the field',
      {
        frame: { action: 'send_private_msg', params: { user_id: 'x', message: 'm' }, echo: 2 },
        want: {
          status: 'failed',
          retcode: 1400,
          data: null,
          message: 'params.user_id: must be integer',
          wording: 'params.user_id: must be integer',
          echo: 2,
        },
      },
    ],
    [
      'params that are not an object → 1400',
      {
        frame: { action: 'get_status', params: [1], echo: 3 },
        want: {
          status: 'failed',
          retcode: 1400,
          data: null,
          message: 'params: must be object',
          wording: 'params: must be object',
          echo: 3,
        },
      },
    ],
    [
      'a handler that throws → 1500',
      {
        frame: { action: 'crash', echo: 4 },
        want: { status: 'failed', retcode: 1500, data: null, message: 'handler bug', wording: 'handler bug', echo: 4 },
      },
    ],
  ];
  for (const [name, { frame, want }] of failures) {
    it(name, async () => {
      const { ws } = await startServer();
      const client = await connect(`${ws}/`);
      check(await client.call(frame), want);
    });
  }

  it('coerces strings in params and runs the handler with ws context', async () => {
    const { ws, runs } = await startServer();
    const client = await connect(`${ws}/api`);
    await client.call({ action: 'send_private_msg', params: { user_id: '42', message: 'hi' } });
    check(runs[0]?.params, { user_id: 42, message: 'hi' });
    check([runs[0]?.ctx.transport, typeof runs[0]?.ctx.connectionId], ['ws', 'number']);
  });

  it('answers a malformed frame with 1400 and no echo, and keeps the socket open', async () => {
    const { ws } = await startServer();
    const client = await connect(`${ws}/api`);
    check(await client.call('{"action": "get_status", "echo": 1'), {
      status: 'failed',
      retcode: 1400,
      data: null,
      message: 'frame is not JSON',
      wording: 'frame is not JSON',
    });
    check(client.open, true);
    check(await client.call({ action: 'get_status', echo: 'after' }), {
      status: 'ok',
      retcode: 0,
      data: { online: true },
      echo: 'after',
    });
  });

  it('answers calls on /event with 1404 and pushes events there, not on /api', async () => {
    const { ws, server, runs } = await startServer();
    const events = await connect(`${ws}/event`);
    const api = await connect(`${ws}/api`);
    const reply = (await events.call({ action: 'get_status', echo: 9 })) as Record<string, unknown>;
    check([reply['retcode'], reply['echo'], runs.length], [1404, 9, 0]);
    const report = await server.pushEvent({ post_type: 'meta_event', time: 1, self_id: 10001000 });
    check(report.sockets, 1);
    check(await events.next(), { post_type: 'meta_event', time: 1, self_id: 10001000 });
    check(await api.next(100).catch(() => 'nothing'), 'nothing');
  });
});

describe('many connections', () => {
  it('200 concurrent connections each make a call', async () => {
    const { ws, server } = await startServer();
    const clients = await Promise.all(Array.from({ length: 200 }, () => connect(`${ws}/api`)));
    check(server.stats().wsConnections, 200);
    const replies = await Promise.all(clients.map((client, i) => client.call({ action: 'get_status', echo: i })));
    check(
      replies.map((reply) => (reply as { echo: unknown }).echo),
      clients.map((_, i) => i),
    );
  });
});
