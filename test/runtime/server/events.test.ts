/**
 * pushEvent against a loopback HTTP POST receiver and raw WebSocket clients: headers, the
 * X-Signature (checked with node:crypto), quick operations coming back, and the docs' order.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'vitest';
import { check, cleanup, connect, onCleanup, startServer } from './helpers.js';

afterEach(cleanup);

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/** A loopback HTTP POST receiver that answers every report with `answer` after `delayMs`. */
async function startReceiver(answer: { status: number; body?: string }, delayMs = 0) {
  const received: Received[] = [];
  const answeredAt: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() });
      setTimeout(() => {
        answeredAt.push(performance.now());
        res.writeHead(answer.status).end(answer.body ?? '');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => server.close(resolve).closeAllConnections()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received, answeredAt };
}

const PRIVATE_MESSAGE = {
  time: 1515204254,
  self_id: 10001000,
  post_type: 'message',
  message_type: 'private',
  sub_type: 'friend',
  message_id: 12,
  user_id: 12345678,
  message: 'hello',
  raw_message: 'hello',
  font: 456,
  sender: { nickname: 'x', sex: 'male', age: 18 },
};

describe('HTTP POST', () => {
  it('posts the event as JSON with X-Self-ID and a verifiable X-Signature', async () => {
    const receiver = await startReceiver({ status: 204 });
    const { server } = await startServer({ httpPost: { url: receiver.url }, secret: 'some-secret' });
    const report = await server.pushEvent(PRIVATE_MESSAGE);
    check(report, { httpPostStatus: 204, quickOperation: undefined, sockets: 0 });
    const [got] = receiver.received;
    check(JSON.parse(got?.body ?? ''), PRIVATE_MESSAGE);
    check(got?.headers['content-type'], 'application/json');
    check(got?.headers['x-self-id'], '10001000');
    const hmac = createHmac('sha1', 'some-secret')
      .update(got?.body ?? '')
      .digest('hex');
    check(got?.headers['x-signature'], `sha1=${hmac}`);
  });

  it('delivers nothing after close', async () => {
    const receiver = await startReceiver({ status: 204 });
    const { server, errors } = await startServer({ httpPost: { url: receiver.url } });
    await server.close();
    check(await server.pushEvent(PRIVATE_MESSAGE), {
      httpPostStatus: undefined,
      quickOperation: undefined,
      sockets: 0,
    });
    check([receiver.received.length, errors.length], [0, 0]);
  });

  it('sends no X-Signature without a secret', async () => {
    const receiver = await startReceiver({ status: 200 });
    const { server } = await startServer({ httpPost: { url: receiver.url } });
    await server.pushEvent(PRIVATE_MESSAGE);
    check(receiver.received[0]?.headers['x-signature'], undefined);
  });

  it('applies a quick reply through the send_msg handler, by default', async () => {
    const receiver = await startReceiver({ status: 200, body: '{"reply":"hi there"}' });
    const { server, runs } = await startServer({ httpPost: { url: receiver.url } });
    const report = await server.pushEvent(PRIVATE_MESSAGE);
    check(report.quickOperation, { reply: 'hi there' });
    check(
      runs.map((run) => [run.action, run.params, run.ctx.transport]),
      [['send_msg', { message_type: 'private', user_id: 12345678, message: 'hi there' }, 'http-post']],
    );
  });

  it('hands the quick operation to onQuickOperation when given, which can call handlers', async () => {
    const receiver = await startReceiver({ status: 200, body: '{"reply":"r","custom":1}' });
    const seen: unknown[] = [];
    const { server, runs } = await startServer({
      httpPost: { url: receiver.url },
      onQuickOperation: async (event, operation, ctx) => {
        seen.push([event['message_id'], operation]);
        seen.push(await ctx.call('get_image', { file: 'f' }));
      },
    });
    await server.pushEvent(PRIVATE_MESSAGE);
    check(seen, [[12, { reply: 'r', custom: 1 }], { status: 'ok', retcode: 0, data: { file: 'f' } }]);
    check(
      runs.map((run) => run.action),
      ['get_image'],
    );
  });

  it('prefers the .handle_quick_operation handler when the implementation has one', async () => {
    const receiver = await startReceiver({ status: 200, body: '{"approve":true}' });
    const got: unknown[] = [];
    const { server, runs } = await startServer({
      httpPost: { url: receiver.url },
      actions: ['.handle_quick_operation'],
      handlers: { '.handle_quick_operation': (params: unknown) => void got.push(params) } as never,
    });
    const event = { post_type: 'request', request_type: 'friend', flag: 'f1', self_id: 1, time: 1 };
    await server.pushEvent(event);
    check(got, [{ context: event, operation: { approve: true } }]);
    check(runs, []);
  });

  it('reports an answer that is not JSON to onError, and still pushes to sockets', async () => {
    const receiver = await startReceiver({ status: 200, body: 'not json' });
    const { server, ws, errors } = await startServer({ httpPost: { url: receiver.url } });
    const client = await connect(`${ws}/event`);
    const report = await server.pushEvent(PRIVATE_MESSAGE);
    check([report.httpPostStatus, report.quickOperation, report.sockets], [undefined, undefined, 1]);
    check((await client.next()) as unknown, PRIVATE_MESSAGE);
    check(String(errors[0]).includes('not JSON'), true, String(errors[0]));
  });

  it('gives up on a receiver slower than timeoutMs', async () => {
    const receiver = await startReceiver({ status: 204 }, 500);
    const { server, errors } = await startServer({ httpPost: { url: receiver.url, timeoutMs: 30 } });
    const started = performance.now();
    const report = await server.pushEvent(PRIVATE_MESSAGE);
    check([report.httpPostStatus, errors.length, performance.now() - started < 400], [undefined, 1, true]);
  });

  it('pushes to WebSockets only after the HTTP POST answer and its quick operation', async () => {
    const receiver = await startReceiver({ status: 200, body: '{"reply":"x"}' }, 60);
    const { server, ws, runs } = await startServer({ httpPost: { url: receiver.url } });
    const client = await connect(`${ws}/`);
    const pushed = server.pushEvent(PRIVATE_MESSAGE);
    await client.next();
    const arrived = performance.now();
    await pushed;
    const answered = receiver.answeredAt[0] ?? Infinity;
    const replied = runs[0]?.at ?? Infinity;
    check([answered < replied, replied < arrived], [true, true]);
  });
});
