import { beforeEach, describe, expect, it } from 'vitest';
import {
  OneBotConnectionError,
  OneBotProtocolError,
  OneBotTimeoutError,
  WebSocketTransport,
  type WebSocketTransportOptions,
} from '../../../generator/runtime/client/index.js';
import { type ActionResponse, okResponse } from '../../../generator/runtime/protocol.js';
import { OneBotTestServer, delay } from '../../support/onebot-test-server.js';
import { rejectionOf, since, until, useCleanup } from './helpers.js';

const track = useCleanup();
let server: OneBotTestServer;
let protocolErrors: OneBotProtocolError[];

beforeEach(async () => {
  server = track(await OneBotTestServer.start({ accessToken: 'secret' }));
  server.answer('echo', (params) => okResponse(params));
  server.answer('silent', () => 'no-reply');
  protocolErrors = [];
});

function connect(options: Partial<WebSocketTransportOptions> = {}): WebSocketTransport {
  return track(
    new WebSocketTransport({
      url: server.wsUrl,
      accessToken: 'secret',
      reconnect: false,
      defaultTimeoutMs: 1000,
      onProtocolError: (error) => protocolErrors.push(error),
      ...options,
    }),
  );
}

describe('WebSocketTransport calls', () => {
  it('sends { action, params, echo } with a Bearer header and resolves with the matching envelope', async () => {
    const transport = connect();
    const response = await transport.request({ action: 'echo', params: { a: 1 } });
    expect(response).toMatchObject({ status: 'ok', retcode: 0, data: { a: 1 } });
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe('Bearer secret');
    expect(JSON.parse(request!.text)).toEqual({ action: 'echo', params: { a: 1 }, echo: response.echo });
    expect(typeof response.echo).toBe('number');
  });

  it('can send the token as the access_token query', async () => {
    const transport = connect({ tokenIn: 'query' });
    await expect(transport.request({ action: 'echo' })).resolves.toMatchObject({ data: {} });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it.each([
    { name: 'missing', token: undefined, status: 401 },
    { name: 'wrong', token: 'nope', status: 403 },
  ])('stops at once when the token is $name (HTTP $status), failing ready() and calls', async ({ token, status }) => {
    const closes: unknown[] = [];
    const transport = connect({ accessToken: token, reconnect: { initialDelayMs: 1 }, onClose: (i) => closes.push(i) });
    const ready = await rejectionOf(transport.ready(1000));
    expect(ready).toBeInstanceOf(OneBotConnectionError);
    expect(ready).toMatchObject({ status });
    expect((ready as Error).message).toContain(`HTTP ${status}`);
    const call = await rejectionOf(transport.request({ action: 'echo' }));
    expect(call).toMatchObject({ name: 'OneBotConnectionError', action: 'echo', status });
    await delay(20);
    expect(closes).toHaveLength(1);
  });

  it('matches 100 concurrent calls answered in reverse order', async () => {
    const release: Array<() => void> = [];
    server.answer(
      'held',
      (params) => new Promise<ActionResponse>((resolve) => release.push(() => resolve(okResponse(params)))),
    );
    const transport = connect();
    const calls = Array.from({ length: 100 }, (_, i) => transport.request({ action: 'held', params: { i } }));
    await server.waitForRequests(100);
    expect(transport.pendingCount).toBe(100);
    for (const answer of release.reverse()) answer();
    const responses = await Promise.all(calls);
    expect(responses.map((r) => (r.data as { i: number }).i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(transport.pendingCount).toBe(0);
    expect(protocolErrors).toEqual([]);
  });

  it('times out a call with its own timeout, forgets it, and reports the late answer', async () => {
    server.answer('late', () => delay(80).then(() => okResponse('late')));
    const transport = connect({ defaultTimeoutMs: 5000 });
    const start = performance.now();
    const error = await rejectionOf(transport.request({ action: 'late' }, { timeoutMs: 40 }));
    expect(error).toBeInstanceOf(OneBotTimeoutError);
    expect(error).toMatchObject({ action: 'late', timeoutMs: 40 });
    expect(since(start)).toBeGreaterThanOrEqual(38);
    expect(since(start)).toBeLessThan(1000);
    expect(transport.pendingCount).toBe(0);
    await until(() => protocolErrors.length > 0);
    expect(protocolErrors[0]?.message).toContain('matches no pending call');
  });

  it('times out with the default timeout, and a shorter later call is not held up by a longer earlier one', async () => {
    const transport = connect({ defaultTimeoutMs: 400 });
    await transport.ready();
    const start = performance.now();
    const long = rejectionOf(transport.request({ action: 'silent' }));
    const short = await rejectionOf(transport.request({ action: 'silent' }, { timeoutMs: 30 }));
    expect(short).toMatchObject({ timeoutMs: 30 });
    expect(since(start)).toBeLessThan(300);
    expect(await long).toMatchObject({ name: 'OneBotTimeoutError', timeoutMs: 400 });
    expect(since(start)).toBeGreaterThanOrEqual(395);
  });

  it('rejects every pending call at once when the server drops the connection', async () => {
    const transport = connect({ defaultTimeoutMs: 5000 });
    const calls = Array.from({ length: 5 }, () => rejectionOf(transport.request({ action: 'silent' })));
    await server.waitForRequests(5);
    const start = performance.now();
    server.dropConnections();
    const errors = await Promise.all(calls);
    expect(since(start)).toBeLessThan(1000);
    for (const error of errors) {
      expect(error).toBeInstanceOf(OneBotConnectionError);
      expect((error as Error).message).toMatch(/^silent: the connection closed \(code 1006\) before a response came$/);
    }
    expect(transport.pendingCount).toBe(0);
  });

  it('rejects with the abort reason and drops the pending entry', async () => {
    const transport = connect();
    const controller = new AbortController();
    const call = transport.request({ action: 'silent' }, { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort(new Error('stop'));
    await expect(call).rejects.toThrow('stop');
    expect(transport.pendingCount).toBe(0);
    const early = new AbortController();
    early.abort(new Error('already'));
    await expect(transport.request({ action: 'echo' }, { signal: early.signal })).rejects.toThrow('already');
  });

  it('close() rejects pending calls at once, before the close handshake, and refuses later ones', async () => {
    const transport = connect({ defaultTimeoutMs: 5000 });
    const pending = rejectionOf(transport.request({ action: 'silent' }));
    await server.waitForRequests(1);
    server.freeze();
    const start = performance.now();
    const closing = transport.close();
    expect(await pending).toMatchObject({ name: 'OneBotConnectionError', action: 'silent' });
    // Waiting for the frozen server's close handshake would take the 1 s fallback.
    expect(since(start)).toBeLessThan(700);
    server.dropConnections();
    await closing;
    expect(await rejectionOf(transport.request({ action: 'echo' }))).toMatchObject({
      message: 'echo: the transport was closed',
    });
  });
});

describe('WebSocketTransport frames', () => {
  const cases: Array<[string, { given: string; want: RegExp }]> = [
    ['malformed JSON', { given: '{"status": "ok", ', want: /not JSON/ }],
    ['a response without echo', { given: '{"status":"ok","retcode":0,"data":null}', want: /without echo/ }],
    [
      'a response with an unknown echo',
      { given: '{"status":"ok","retcode":0,"data":null,"echo":999}', want: /matches no pending call/ },
    ],
    ['neither response nor event', { given: '[1,2]', want: /neither a response envelope nor an event/ }],
  ];
  it.each(cases)('reports %s to onProtocolError and keeps working', async (_name, { given, want }) => {
    const transport = connect();
    await transport.ready();
    server.sendRaw(given);
    await until(() => protocolErrors.length === 1);
    expect(protocolErrors[0]).toBeInstanceOf(OneBotProtocolError);
    expect(protocolErrors[0]?.message).toMatch(want);
    await expect(transport.request({ action: 'echo', params: { ok: true } })).resolves.toMatchObject({
      data: { ok: true },
    });
  });

  it('routes frames with post_type and no echo to event listeners', async () => {
    const transport = connect();
    const events: unknown[] = [];
    transport.onEvent((event, source) => events.push([event.post_type, source.selfId]));
    await transport.ready();
    server.pushEvent({ post_type: 'meta_event', meta_event_type: 'heartbeat', self_id: 42 });
    await until(() => events.length === 1);
    expect(events).toEqual([['meta_event', 42]]);
    expect(protocolErrors).toEqual([]);
  });

  it('keeps delivering when a transport-level listener throws', async () => {
    const listenerErrors: unknown[] = [];
    const transport = connect({ onListenerError: (error) => listenerErrors.push(error) });
    const seen: string[] = [];
    transport.onEvent(() => {
      throw new Error('boom');
    });
    transport.onEvent((event) => seen.push(event.post_type));
    await transport.ready();
    server.pushEvent({ post_type: 'notice' });
    await until(() => seen.length === 1);
    expect(listenerErrors).toMatchObject([{ message: 'boom' }]);
  });
});
