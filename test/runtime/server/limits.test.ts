/**
 * Limits and hostile clients: oversized bodies and frames, a client that never reads, slow headers,
 * and abrupt disconnects. After each, the server must still answer.
 */
import { request } from 'node:http';
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterEach, describe, it } from 'vitest';
import { check, cleanup, connect, onCleanup, startServer, until, type TestServer } from './helpers.js';

afterEach(cleanup);

const TEN_MB = 10 * 1024 * 1024;

async function stillServes(server: TestServer): Promise<void> {
  const response = await fetch(`${server.http}/get_status`);
  check([response.status, await response.json()], [200, { status: 'ok', retcode: 0, data: { online: true } }]);
}

/** A raw TCP socket to the server, closed by cleanup. */
function rawSocket(url: string): Promise<Socket> {
  const { port } = new URL(url);
  const socket = tcpConnect(Number(port), '127.0.0.1');
  socket.on('error', () => undefined);
  onCleanup(() => socket.destroy());
  return new Promise((resolve) => socket.once('connect', () => resolve(socket)));
}

describe('oversized input', () => {
  it('refuses a 10 MB body with a Content-Length with 413, then serves on', async () => {
    const server = await startServer();
    const response = await fetch(`${server.http}/get_image`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(TEN_MB, 0x20),
    });
    check([response.status, ((await response.json()) as { retcode: number }).retcode], [413, 1400]);
    check(server.runs, []);
    await stillServes(server);
  });

  it('refuses a body whose Content-Length is over the limit before it arrives', async () => {
    const server = await startServer();
    const socket = await rawSocket(server.http);
    const answer = new Promise<string>((resolve) => socket.once('data', (data) => resolve(String(data))));
    socket.write(
      `POST /get_image HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${TEN_MB}\r\n\r\n{`,
    );
    check((await answer).split('\r\n')[0], 'HTTP/1.1 413 Payload Too Large');
    await stillServes(server);
  });

  it('closes the connection of a refused body soon, though the client keeps sending', async () => {
    const server = await startServer({ maxBodyBytes: 1024 });
    const socket = await rawSocket(server.http);
    socket.resume();
    let closed = false;
    socket.once('close', () => (closed = true));
    socket.write(
      'POST /get_image HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    const drip = setInterval(() => socket.write('400\r\n' + 'x'.repeat(1024) + '\r\n'), 5);
    try {
      await until(() => closed, 2500);
    } finally {
      clearInterval(drip);
    }
    await stillServes(server);
  });

  it('refuses a 10 MB chunked body once it passes the limit, then serves on', async () => {
    const server = await startServer({ maxBodyBytes: 64 * 1024 });
    const status = await new Promise<number | string>((resolve) => {
      const req = request(`${server.http}/get_image`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', (error) => resolve(error.message));
      let sent = 0;
      const pump = (): void => {
        while (sent < TEN_MB) {
          sent += 64 * 1024;
          if (!req.write(Buffer.alloc(64 * 1024, 0x20))) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    check(status, 413);
    check(server.runs, []);
    await stillServes(server);
  });

  it('closes a WebSocket whose frame is over the limit with 1009, then serves on', async () => {
    const server = await startServer({ maxBodyBytes: 1024 });
    const client = await connect(`${server.ws}/api`);
    const closed = new Promise<number>((resolve) => client.socket.once('close', resolve));
    client.socket.send(JSON.stringify({ action: 'get_status', params: { pad: 'x'.repeat(4096) } }));
    check(await closed, 1009);
    await stillServes(server);
  });
});

describe('slow and broken clients', () => {
  it('a WebSocket client that never reads does not stall another one, and is terminated', async () => {
    const server = await startServer({ maxBufferedBytes: 1024 * 1024 });
    const slow = await rawSocket(server.ws);
    slow.write(
      'GET /event HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    slow.pause();
    const fast = await connect(`${server.ws}/api`);
    await until(() => server.server.stats().wsConnections === 2);
    const event = { post_type: 'notice', pad: 'x'.repeat(64 * 1024) };
    let slowest = 0;
    for (let i = 0; i < 1000 && server.server.stats().wsConnections === 2; i++) {
      await server.server.pushEvent(event);
      if (i % 16 !== 0) continue;
      const started = performance.now();
      await fast.call({ action: 'get_status', echo: i });
      slowest = Math.max(slowest, performance.now() - started);
    }
    check(server.server.stats().wsConnections, 1, 'the slow client was terminated');
    check(slowest < 250, true, `slowest call ${slowest.toFixed(0)} ms`);
    check((await fast.call({ action: 'get_status', echo: 'end' })) as unknown, {
      status: 'ok',
      retcode: 0,
      data: { online: true },
      echo: 'end',
    });
  });

  it('cuts off a client that never finishes its headers', async () => {
    const server = await startServer({ requestTimeoutMs: 100 });
    const slowloris = await rawSocket(server.http);
    // Reading lets the socket see the server's end, so 'close' can fire.
    const answer = new Promise<string>((resolve) => slowloris.once('data', (data) => resolve(String(data))));
    const closed = new Promise<void>((resolve) => slowloris.once('close', () => resolve()));
    slowloris.write('GET /get_status HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await stillServes(server);
    check((await answer).split('\r\n')[0], 'HTTP/1.1 408 Request Timeout');
    await closed;
  });

  it('aborts ctx.signal when the caller goes away, over HTTP and WebSocket', async () => {
    const aborted: string[] = [];
    const server = await startServer({
      handlers: {
        get_status: (_params, ctx) =>
          new Promise((resolve) => {
            ctx.signal.addEventListener('abort', () => {
              aborted.push(ctx.transport);
              resolve({ online: false });
            });
          }),
      },
    });
    const client = await connect(`${server.ws}/api`);
    client.socket.send(JSON.stringify({ action: 'get_status' }));
    const leaving = new AbortController();
    const request = fetch(`${server.http}/get_status`, { signal: leaving.signal }).catch(() => 'left');
    await new Promise((resolve) => setTimeout(resolve, 30));
    check(aborted, [], 'not aborted while the callers wait');
    client.socket.terminate();
    leaving.abort();
    check(await request, 'left');
    await until(() => aborted.length === 2);
    check(aborted.sort(), ['http', 'ws']);
  });

  it('survives clients that vanish mid-request and mid-call', async () => {
    const server = await startServer({
      handlers: {
        get_status: async (_params, ctx) => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return { online: !ctx.signal.aborted };
        },
      },
    });
    const halfBody = await rawSocket(server.http);
    halfBody.write(
      'POST /get_image HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"fi',
    );
    const client = await connect(`${server.ws}/api`);
    client.socket.send(JSON.stringify({ action: 'get_status', echo: 1 }));
    const aborted = fetch(`${server.http}/get_status`, { signal: AbortSignal.timeout(5) }).catch(() => 'aborted');
    halfBody.destroy();
    client.socket.terminate();
    check(await aborted, 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stillServes(server);
    check(server.errors, []);
  });
});
