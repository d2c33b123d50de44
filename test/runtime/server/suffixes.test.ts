/**
 * `_async` and `_rate_limited` over real sockets: answered `async` at once, run afterwards; queued
 * runs spaced by `rateLimitIntervalMs`; errors of background runs go to onError.
 */
import { afterEach, describe, it } from 'vitest';
import { check, cleanup, connect, startServer, until } from './helpers.js';

afterEach(cleanup);

const ASYNC = { status: 'async', retcode: 1, data: null };

describe('_async', () => {
  it('answers async with data null while the handler is still running', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: unknown[] = [];
    const finished: unknown[] = [];
    const { http } = await startServer({
      handlers: {
        send_private_msg: async (params, ctx) => {
          started.push([params, ctx.mode, ctx.action]);
          await gate;
          finished.push(params);
          return { message_id: 1 };
        },
      },
    });
    const response = await fetch(`${http}/send_private_msg_async?user_id=1&message=m`);
    check([response.status, await response.json()], [200, ASYNC]);
    check(finished, [], 'answered before the handler finished');
    await until(() => started.length === 1);
    check(started, [[{ user_id: 1, message: 'm' }, 'async', 'send_private_msg']]);
    release();
    await until(() => finished.length === 1);
  });

  it('keeps echo over WebSocket and validates params before answering', async () => {
    const { ws } = await startServer();
    const client = await connect(`${ws}/api`);
    check(await client.call({ action: 'get_status_async', echo: 'a' }), { ...ASYNC, echo: 'a' });
    const bad = (await client.call({ action: 'send_private_msg_async', params: {}, echo: 'b' })) as Record<
      string,
      unknown
    >;
    check([bad['retcode'], bad['message']], [1400, 'params.user_id: is required']);
  });

  it('sends errors of the background run to onError', async () => {
    const { http, errors } = await startServer();
    check(await (await fetch(`${http}/crash_async`)).json(), ASYNC);
    await until(() => errors.length === 1);
    check((errors[0] as Error).message, 'handler bug');
  });

  it('answers 404 for the suffix of an unknown action', async () => {
    const { http } = await startServer();
    check((await fetch(`${http}/nope_async`)).status, 404);
  });
});

describe('_rate_limited', () => {
  it('answers async at once and runs queued calls one at a time, rateLimitIntervalMs apart', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: Array<{ id: number; at: number; mode: string }> = [];
    const { http, server } = await startServer({
      rateLimitIntervalMs: 30,
      handlers: {
        send_private_msg: async ({ user_id }, ctx) => {
          started.push({ id: user_id, at: performance.now(), mode: ctx.mode });
          await gate;
          return { message_id: 1 };
        },
      },
    });
    const answers = await Promise.all(
      [1, 2, 3, 4].map((id) =>
        fetch(`${http}/send_private_msg_rate_limited?user_id=${id}&message=m`).then((r) => r.json()),
      ),
    );
    check(answers, [ASYNC, ASYNC, ASYNC, ASYNC]);
    check(started.length <= 1, true, 'answered while the first run still blocks the queue');
    await until(() => started.length === 1);
    check(server.stats().queuedRateLimited, 3);
    release();
    await until(() => started.length === 4);
    check(started.map((run) => run.id).sort(), [1, 2, 3, 4]);
    const gaps = started.slice(1).map((run, i) => run.at - (started[i]?.at ?? 0));
    check(
      gaps.every((gap) => gap >= 29),
      true,
      `gaps ${gaps.map((g) => g.toFixed(1)).join(', ')}`,
    );
    check(started[0]?.mode, 'rate_limited');
  });

  it('waits the interval after a lone run before the next one starts', async () => {
    const { http, runs } = await startServer({ rateLimitIntervalMs: 40 });
    await fetch(`${http}/get_status_rate_limited`);
    await until(() => runs.length === 1);
    await fetch(`${http}/get_status_rate_limited`);
    await until(() => runs.length === 2);
    const gap = (runs[1]?.at ?? 0) - (runs[0]?.at ?? 0);
    check(gap >= 39, true, `gap ${gap.toFixed(1)} ms`);
  });

  it('drops queued runs when the server closes', async () => {
    const { http, runs, server } = await startServer({ rateLimitIntervalMs: 300 });
    await Promise.all([1, 2, 3].map(() => fetch(`${http}/get_status_rate_limited`)));
    const queued = server.stats().queuedRateLimited;
    const ran = runs.length;
    await server.close();
    check([queued >= 1, server.stats().queuedRateLimited], [true, 0]);
    await new Promise((resolve) => setTimeout(resolve, 350));
    check(runs.length, ran, 'nothing ran after close');
  });
});
