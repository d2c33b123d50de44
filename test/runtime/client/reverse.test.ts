import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import {
  OneBotClient,
  OneBotConnectionError,
  type ReverseHandshake,
  ReverseWebSocketServer,
} from '../../../generator/runtime/client/index.js';
import { connectBot, rejectionOf, since, until, useCleanup } from './helpers.js';

const track = useCleanup();

async function listen(options: { accessToken?: string; path?: string } = {}) {
  const connects: ReverseHandshake[] = [];
  const disconnects: Array<ReverseHandshake & { code: number }> = [];
  const reverse = track(
    await ReverseWebSocketServer.listen({
      port: 0,
      ...options,
      onConnect: (c) => connects.push(c),
      onDisconnect: (c) => disconnects.push(c),
    }),
  );
  const url = `ws://127.0.0.1:${reverse.port}${options.path ?? '/'}`;
  return { reverse, url, connects, disconnects };
}

/** A fake bot, closed after the test. */
async function bot(url: string, options: Parameters<typeof connectBot>[1]): Promise<WebSocket> {
  const socket = await connectBot(url, options);
  track({ close: () => socket.terminate() });
  return socket;
}

describe('ReverseWebSocketServer handshake', () => {
  const universal = { selfId: '10001', role: 'Universal' };
  const rows: Array<[string, { given: Parameters<typeof connectBot>[1]; path?: string; want: string }]> = [
    ['no token', { given: universal, want: 'HTTP 401' }],
    ['a wrong token', { given: { ...universal, authorization: 'Bearer nope' }, want: 'HTTP 403' }],
    ['a Bearer token', { given: { ...universal, authorization: 'Bearer t0k' }, want: 'open' }],
    ['a Token token', { given: { ...universal, authorization: 'Token t0k' }, want: 'open' }],
    ['an access_token query', { given: universal, path: '/onebot?access_token=t0k', want: 'open' }],
    ['no X-Self-ID', { given: { role: 'API', authorization: 'Bearer t0k' }, want: 'HTTP 400' }],
    [
      'a non-numeric X-Self-ID',
      { given: { ...universal, selfId: 'bot', authorization: 'Bearer t0k' }, want: 'HTTP 400' },
    ],
    ['no X-Client-Role', { given: { selfId: '1', authorization: 'Bearer t0k' }, want: 'HTTP 400' }],
    ['an unknown role', { given: { ...universal, role: 'Admin', authorization: 'Bearer t0k' }, want: 'HTTP 400' }],
    ['another path', { given: { ...universal, authorization: 'Bearer t0k' }, path: '/other', want: 'HTTP 404' }],
  ];
  it.each(rows)('answers a connection with %s', async (_name, { given, path = '/onebot', want }) => {
    const { reverse, connects } = await listen({ accessToken: 't0k', path: '/onebot' });
    const outcome = await bot(`ws://127.0.0.1:${reverse.port}${path}`, given).then(
      () => 'open',
      (error: Error) => error.message,
    );
    expect(outcome).toBe(want);
    expect(connects).toEqual(want === 'open' ? [{ selfId: 10001, role: 'Universal' }] : []);
  });
});

describe('ReverseWebSocketServer bots', () => {
  it('addresses two bots separately, calls and events', async () => {
    const { reverse, url } = await listen();
    await bot(url, { selfId: '111', role: 'Universal' });
    const second = await bot(url, { selfId: '222', role: 'Universal' });
    expect(reverse.connections()).toEqual([
      { selfId: 111, roles: ['Universal'] },
      { selfId: 222, roles: ['Universal'] },
    ]);
    const one = new OneBotClient(reverse.transport(111));
    const two = new OneBotClient(reverse.transport(222));
    await expect(one.call('get_login_info')).resolves.toEqual({ selfId: '111', action: 'get_login_info' });
    await expect(two.call('get_login_info')).resolves.toEqual({ selfId: '222', action: 'get_login_info' });

    const seenByOne: unknown[] = [];
    const seenByAll: unknown[] = [];
    one.on('*', (event, context) => seenByOne.push([event.post_type, context.selfId]));
    reverse.onEvent((event, source) => seenByAll.push([event.post_type, source.selfId]));
    second.send(JSON.stringify({ post_type: 'notice', notice_type: 'x' }));
    await until(() => seenByAll.length === 1);
    expect(seenByAll).toEqual([['notice', 222]]);
    expect(seenByOne).toEqual([]);
  });

  it('takes calls over the API connection and events over the Event connection of one bot', async () => {
    const { reverse, url, connects } = await listen();
    const api = await bot(url, { selfId: '5', role: 'API' });
    const event = await bot(url, {
      selfId: '5',
      role: 'Event',
      answer: () => ({ status: 'failed', retcode: 1, data: null }),
    });
    expect(connects.map((c) => c.role)).toEqual(['API', 'Event']);
    const client = new OneBotClient(reverse.transport(5));
    const events: string[] = [];
    client.on('*', (e) => events.push(e.post_type));
    await expect(client.call('get_status')).resolves.toMatchObject({ selfId: '5' });
    event.send(JSON.stringify({ post_type: 'message', message_type: 'private' }));
    await until(() => events.length === 1);
    api.close();
    await until(() => reverse.connections()[0]?.roles.length === 1);
    const error = await rejectionOf(client.call('get_status'));
    expect(error).toBeInstanceOf(OneBotConnectionError);
    expect((error as Error).message).toBe('get_status: bot 5 has no API or Universal connection');
  });

  it('addresses the only bot when no self ID is given, and refuses when that is ambiguous', async () => {
    const { reverse, url } = await listen();
    const anyBot = reverse.transport();
    expect((await rejectionOf(anyBot.request({ action: 'a' }))) as Error).toMatchObject({
      message: 'a: no bot given, and 0 bots are connected (not exactly one)',
    });
    await bot(url, { selfId: '7', role: 'Universal' });
    await expect(anyBot.request({ action: 'a' })).resolves.toMatchObject({ data: { selfId: '7' } });
    await bot(url, { selfId: '8', role: 'Universal' });
    expect(await rejectionOf(anyBot.request({ action: 'a' }))).toBeInstanceOf(OneBotConnectionError);
  });

  it('rejects pending calls at once when the bot disconnects, and reports the disconnect', async () => {
    const { reverse, url, disconnects } = await listen();
    const socket = await bot(url, { selfId: '9', role: 'Universal', answer: () => undefined });
    const transport = reverse.transport(9);
    const pending = rejectionOf(transport.request({ action: 'silent' }, { timeoutMs: 5000 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const start = performance.now();
    socket.terminate();
    const error = await pending;
    expect(since(start)).toBeLessThan(1000);
    expect(error).toBeInstanceOf(OneBotConnectionError);
    expect((error as Error).message).toMatch(/^silent: the connection of bot 9 \(Universal\) closed/);
    expect(disconnects).toMatchObject([{ selfId: 9, role: 'Universal', code: 1006 }]);
  });

  it('times out calls the bot never answers', async () => {
    const { reverse, url } = await listen();
    await bot(url, { selfId: '9', role: 'Universal', answer: () => undefined });
    const error = await rejectionOf(reverse.transport(9).request({ action: 'silent' }, { timeoutMs: 30 }));
    expect(error).toMatchObject({ name: 'OneBotTimeoutError', timeoutMs: 30 });
  });

  it('attaches to a given HTTP server on a path and leaves other upgrades alone', async () => {
    const server = createServer();
    track({ close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const reverse = track(await ReverseWebSocketServer.listen({ server, path: '/onebot/' }));
    let otherUpgrades = 0;
    server.on('upgrade', (request, socket) => {
      if (request.url !== '/onebot') (otherUpgrades++, socket.destroy());
    });
    await bot(`ws://127.0.0.1:${port}/onebot`, { selfId: '3', role: 'universal' });
    await expect(reverse.transport(3).request({ action: 'x' })).resolves.toMatchObject({ data: { selfId: '3' } });
    await rejectionOf(connectBot(`ws://127.0.0.1:${port}/elsewhere`, { selfId: '3', role: 'API' }));
    expect(otherUpgrades).toBe(1);
    await reverse.close();
    expect(server.listening).toBe(true);
  });

  it('close() rejects pending calls at once and closes every connection', async () => {
    const { reverse, url, disconnects } = await listen();
    await bot(url, { selfId: '1', role: 'Universal', answer: () => undefined });
    const pending = rejectionOf(reverse.transport(1).request({ action: 'silent' }, { timeoutMs: 5000 }));
    const start = performance.now();
    await reverse.close();
    expect(await pending).toMatchObject({ message: 'silent: the reverse WebSocket server was closed' });
    expect(since(start)).toBeLessThan(1000);
    expect(disconnects).toMatchObject([{ selfId: 1, code: 1001 }]);
    expect(reverse.connections()).toEqual([]);
  });
});
