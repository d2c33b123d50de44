/**
 * Reverse WebSocket against a loopback `ws` receiver: the connection headers, roles, calls and
 * events on the right connections, and reconnecting after the receiver goes away and comes back.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { Client, check, cleanup, onCleanup, startServer, until } from './helpers.js';

afterEach(cleanup);

interface Connection {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly client: Client;
}

/** A loopback receiver (the user's side of a reverse connection), on `port` or a free one. */
async function startReceiver(port = 0, refuseWith?: number) {
  const connections: Connection[] = [];
  let attempts = 0;
  const wss = new WebSocketServer({
    port,
    host: '127.0.0.1',
    verifyClient: (_info, done) => {
      attempts++;
      if (refuseWith === undefined) done(true);
      else done(false, refuseWith);
    },
  });
  wss.on('connection', (socket, req) => {
    connections.push({ path: req.url ?? '', headers: req.headers, client: new Client(socket) });
  });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const stop = async (): Promise<void> => {
    for (const socket of wss.clients) socket.terminate();
    await new Promise((resolve) => wss.close(resolve));
  };
  onCleanup(stop);
  const bound = (wss.address() as AddressInfo).port;
  return { url: `ws://127.0.0.1:${bound}`, port: bound, connections, attempts: () => attempts, stop };
}

const role = (connection: Connection | undefined): unknown => connection?.headers['x-client-role'];

describe('reverse WebSocket', () => {
  it('connects API and Event with X-Self-ID, X-Client-Role and the bearer token', async () => {
    const receiver = await startReceiver();
    await startServer({
      http: false,
      ws: false,
      accessToken: 'tok',
      reverse: { apiUrl: `${receiver.url}/ws/api`, eventUrl: `${receiver.url}/ws/event` },
    });
    await until(() => receiver.connections.length === 2);
    const seen = receiver.connections
      .map((c) => [c.path, c.headers['x-self-id'], role(c), c.headers['authorization']])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    check(seen, [
      ['/ws/api', '10001000', 'API', 'Bearer tok'],
      ['/ws/event', '10001000', 'Event', 'Bearer tok'],
    ]);
  });

  it('serves calls on API and pushes events on Event only', async () => {
    const receiver = await startReceiver();
    const { server, runs } = await startServer({ http: false, ws: false, reverse: { url: receiver.url } });
    await until(() => receiver.connections.length === 2);
    const api = receiver.connections.find((c) => role(c) === 'API');
    const event = receiver.connections.find((c) => role(c) === 'Event');
    check(await api?.client.call({ action: 'get_status', echo: { n: 1 } }), {
      status: 'ok',
      retcode: 0,
      data: { online: true },
      echo: { n: 1 },
    });
    check(runs[0]?.ctx.transport, 'ws-reverse');
    check((await server.pushEvent({ post_type: 'notice', time: 2 })).sockets, 1);
    check(await event?.client.next(), { post_type: 'notice', time: 2 });
    check(await api?.client.next(100).catch(() => 'nothing'), 'nothing');
    check(server.stats().reverseConnections, { API: true, Event: true });
  });

  it('uses one Universal connection for calls and events', async () => {
    const receiver = await startReceiver();
    const { server } = await startServer({ http: false, ws: false, reverse: { url: receiver.url, universal: true } });
    await until(() => receiver.connections.length === 1);
    const [universal] = receiver.connections;
    check(role(universal), 'Universal');
    check(await universal?.client.call({ action: 'get_status', echo: 0 }), {
      status: 'ok',
      retcode: 0,
      data: { online: true },
      echo: 0,
    });
    await server.pushEvent({ post_type: 'meta_event', time: 3 });
    check(await universal?.client.next(), { post_type: 'meta_event', time: 3 });
  });

  it('reconnects after the receiver restarts on the same port', async () => {
    const first = await startReceiver();
    const { server } = await startServer({
      http: false,
      ws: false,
      reverse: { url: first.url, universal: true, reconnectIntervalMs: 20 },
    });
    await until(() => first.connections.length === 1);
    await first.stop();
    await until(() => server.stats().reverseConnections.Universal === false);
    const second = await startReceiver(first.port);
    await until(() => second.connections.length === 1);
    check(role(second.connections[0]), 'Universal');
    await until(() => server.stats().reverseConnections.Universal === true);
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 80));
    check(second.connections.length, 1, 'no reconnect after close');
  });

  it('keeps retrying a receiver that refuses the handshake, until closed', async () => {
    const receiver = await startReceiver(0, 401);
    const { server } = await startServer({
      http: false,
      ws: false,
      reverse: { url: receiver.url, universal: true, reconnectIntervalMs: 10 },
    });
    await until(() => receiver.attempts() >= 3);
    await server.close();
    const after = receiver.attempts();
    await new Promise((resolve) => setTimeout(resolve, 60));
    check(receiver.attempts(), after);
  });
});
