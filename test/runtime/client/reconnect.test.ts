import { describe, expect, it } from 'vitest';
import {
  OneBotClient,
  OneBotConnectionError,
  OneBotTimeoutError,
  RECONNECT_DEFAULTS,
  WebSocketTransport,
  type WebSocketCloseInfo,
  reconnectDelay,
} from '../../../generator/runtime/client/index.js';
import { okResponse } from '../../../generator/runtime/protocol.js';
import { OneBotTestServer, delay } from '../../support/onebot-test-server.js';
import { rejectionOf, since, until, useCleanup } from './helpers.js';

const track = useCleanup();
const FAST = { initialDelayMs: 10, maxDelayMs: 40, jitter: 0 };

async function startServer(port?: number): Promise<OneBotTestServer> {
  const server = track(await OneBotTestServer.start(port === undefined ? {} : { port }));
  server.answer('get_status', () => okResponse({ port: server.port }));
  return server;
}

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = await OneBotTestServer.start();
  const { port } = server;
  await server.close();
  return port;
}

describe('reconnectDelay', () => {
  const options = { ...RECONNECT_DEFAULTS, initialDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0.5 };
  const rows: Array<[string, { attempt: number; random: number; want: number }]> = [
    ['first retry, no jitter drawn', { attempt: 0, random: 0, want: 100 }],
    ['doubles each attempt', { attempt: 3, random: 0, want: 800 }],
    ['capped at maxDelayMs', { attempt: 10, random: 0, want: 1000 }],
    ['jitter shortens by up to half', { attempt: 1, random: 0.999, want: 100 }],
    ['jitter in between', { attempt: 2, random: 0.5, want: 300 }],
  ];
  it.each(rows)('%s', (_name, { attempt, random, want }) => {
    expect(reconnectDelay(attempt, options, () => random)).toBe(want);
  });
});

describe('WebSocketTransport reconnect', () => {
  it('reconnects to a server restarted on the same port, without growing listener counts', async () => {
    const first = await startServer();
    const log: Array<number | 'open'> = [];
    const transport = track(
      new WebSocketTransport({
        url: first.wsUrl,
        reconnect: FAST,
        onOpen: () => log.push('open'),
        onClose: (info) => log.push(info.reconnectInMs ?? -1),
      }),
    );
    const client = new OneBotClient(transport);
    client.on('*', () => undefined);
    await expect(client.call('get_status')).resolves.toEqual({ port: first.port });
    const counts = socketListenerCounts(transport.socket!);
    expect(transport.eventListenerCount).toBe(1);

    let server = first;
    for (let round = 0; round < 3; round++) {
      const before = transport.socket!;
      await server.close();
      await until(() => !transport.isOpen);
      server = await startServer(first.port);
      await until(() => transport.isOpen);
      await expect(client.call('get_status')).resolves.toEqual({ port: first.port });
      expect(socketListenerCounts(transport.socket!)).toEqual(counts);
      expect(socketListenerCounts(before)).toEqual({ open: 0, message: 0, error: 0, close: 0 });
    }
    expect(log.filter((entry) => entry === 'open')).toHaveLength(4);
    // A successful open resets the backoff: the first retry after each drop waits the initial delay again.
    const firstRetries = log.flatMap((entry, i) => (log[i - 1] === 'open' ? [entry] : []));
    expect(firstRetries).toEqual([10, 10, 10]);
    expect(transport.eventListenerCount).toBe(1);
    expect(client.listenerCount).toBe(1);
  });

  it('queues calls made while reconnecting and sends them once connected', async () => {
    const port = await freePort();
    const transport = track(new WebSocketTransport({ url: `ws://127.0.0.1:${port}/`, reconnect: FAST }));
    const call = transport.request({ action: 'get_status' }, { timeoutMs: 2000 });
    await delay(30);
    await startServer(port);
    await expect(call).resolves.toMatchObject({ data: { port } });
  });

  it("counts a queued call's timeout from the call, not from the connection", async () => {
    const port = await freePort();
    const transport = track(new WebSocketTransport({ url: `ws://127.0.0.1:${port}/`, reconnect: FAST }));
    const start = performance.now();
    const call = rejectionOf(transport.request({ action: 'silent' }, { timeoutMs: 250 }));
    await delay(150);
    (await startServer(port)).answer('silent', () => 'no-reply');
    expect(await call).toMatchObject({ name: 'OneBotTimeoutError', message: 'silent got no response within 250 ms' });
    // Counting from the connection instead would take 150 ms more.
    expect(since(start)).toBeLessThan(380);
  });

  it('fails a queued call with a connection timeout that counts from the call', async () => {
    const port = await freePort();
    const transport = track(new WebSocketTransport({ url: `ws://127.0.0.1:${port}/`, reconnect: FAST }));
    const start = performance.now();
    const error = await rejectionOf(transport.request({ action: 'get_status' }, { timeoutMs: 50 }));
    expect(error).toBeInstanceOf(OneBotTimeoutError);
    expect((error as Error).message).toBe('get_status got no connection within 50 ms');
    expect(since(start)).toBeLessThan(1000);
  });

  it("rejects calls at once while disconnected with whileDisconnected: 'fail'", async () => {
    const port = await freePort();
    const url = `ws://127.0.0.1:${port}/`;
    const transport = track(new WebSocketTransport({ url, reconnect: FAST, whileDisconnected: 'fail' }));
    const error = await rejectionOf(transport.request({ action: 'get_status' }, { timeoutMs: 5000 }));
    expect(error).toBeInstanceOf(OneBotConnectionError);
    expect((error as Error).message).toBe(`get_status: not connected to ${url}`);
  });

  it('gives up after maxAttempts retries and fails ready() and queued calls', async () => {
    const port = await freePort();
    const closes: WebSocketCloseInfo[] = [];
    const transport = track(
      new WebSocketTransport({
        url: `ws://127.0.0.1:${port}/`,
        reconnect: { ...FAST, maxAttempts: 2 },
        onClose: (info) => closes.push(info),
      }),
    );
    const queued = rejectionOf(transport.request({ action: 'get_status' }, { timeoutMs: 5000 }));
    const error = await rejectionOf(transport.ready());
    expect(error).toBeInstanceOf(OneBotConnectionError);
    expect((error as Error).message).toMatch(/the connection failed \(.*ECONNREFUSED.*\); not reconnecting/);
    expect(closes.map((c) => c.reconnectInMs)).toEqual([10, 20, undefined]);
    expect(await queued).toMatchObject({ name: 'OneBotConnectionError', action: 'get_status' });
  });

  it('does not reconnect when reconnect is false, and close() stops a reconnect loop', async () => {
    const server = await startServer();
    const once = track(new WebSocketTransport({ url: server.wsUrl, reconnect: false }));
    const looping = track(new WebSocketTransport({ url: server.wsUrl, reconnect: FAST }));
    await Promise.all([once.ready(), looping.ready()]);
    await server.close();
    await until(() => !looping.isOpen && !once.isOpen);
    await looping.close();
    const restarted = await startServer(server.port);
    await delay(60);
    expect(restarted.sockets.size).toBe(0);
    expect(await rejectionOf(once.request({ action: 'get_status' }))).toBeInstanceOf(OneBotConnectionError);
  });
});

function socketListenerCounts(socket: NonNullable<WebSocketTransport['socket']>) {
  return {
    open: socket.listenerCount('open'),
    message: socket.listenerCount('message'),
    error: socket.listenerCount('error'),
    close: socket.listenerCount('close'),
  };
}
