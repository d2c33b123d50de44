import { beforeEach, describe, expect, it } from 'vitest';
import {
  HttpTransport,
  OneBotActionError,
  OneBotClient,
  OneBotConnectionError,
  OneBotHttpError,
  OneBotProtocolError,
  OneBotTimeoutError,
} from '../../../generator/runtime/client/index.js';
import { failedResponse, okResponse } from '../../../generator/runtime/protocol.js';
import { OneBotTestServer } from '../../support/onebot-test-server.js';
import { rejectionOf, since, useCleanup } from './helpers.js';

const track = useCleanup();
let server: OneBotTestServer;

beforeEach(async () => {
  server = track(await OneBotTestServer.start({ accessToken: 'secret' }));
  server.answer('get_status', (params) => okResponse({ online: true, echoed: params }));
});

const client = (options: { accessToken?: string | undefined; tokenIn?: 'query'; defaultTimeoutMs?: number } = {}) =>
  track(new OneBotClient(new HttpTransport({ baseUrl: server.httpUrl, accessToken: 'secret', ...options })));

describe('HttpTransport', () => {
  it('POSTs the params as JSON to /{action} with a Bearer token and resolves with data', async () => {
    await expect(client().call('get_status', { x: 1 })).resolves.toEqual({ online: true, echoed: { x: 1 } });
    const [request] = server.requests;
    expect(request?.via).toBe('http');
    expect(request?.headers.authorization).toBe('Bearer secret');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.text).toBe('{"x":1}');
  });

  it('sends {} when the call has no params', async () => {
    await client().call('get_status');
    expect(server.requests[0]?.text).toBe('{}');
  });

  it('can send the token as the access_token query instead', async () => {
    await expect(client({ tokenIn: 'query' }).call('get_status')).resolves.toMatchObject({ online: true });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  const refusals: Array<[string, { given: () => Promise<unknown>; status: number; retcode: number; words: string }]> = [
    [
      'no token',
      {
        given: () => client({ accessToken: undefined }).call('get_status'),
        status: 401,
        retcode: 1401,
        words: 'no access token',
      },
    ],
    [
      'wrong token',
      {
        given: () => client({ accessToken: 'nope' }).call('get_status'),
        status: 403,
        retcode: 1403,
        words: 'access token is wrong',
      },
    ],
    [
      'unknown action',
      { given: () => client().call('no_such_action'), status: 404, retcode: 1404, words: 'does not know this action' },
    ],
    ['malformed body', { given: () => rawStatus(400), status: 400, retcode: 1400, words: 'malformed' }],
    ['unsupported Content-Type', { given: () => rawStatus(406), status: 406, retcode: 1406, words: 'Content-Type' }],
  ];
  it.each(refusals)('maps %s to OneBotHttpError', async (_name, { given, status, retcode, words }) => {
    const error = await rejectionOf(given());
    expect(error).toBeInstanceOf(OneBotHttpError);
    expect(error).toBeInstanceOf(OneBotActionError);
    expect(error).toMatchObject({ status, retcode });
    expect((error as Error).message).toContain(`HTTP ${status}`);
    expect((error as Error).message).toContain(words);
  });

  function rawStatus(status: number): Promise<unknown> {
    server.answer('raw', () => ({ raw: '', httpStatus: status }));
    return client().call('raw');
  }

  it('rejects a 200 whose body is not JSON with a clear OneBotProtocolError', async () => {
    server.answer('html', () => ({ raw: '<html>proxy error</html>' }));
    const error = await rejectionOf(client().call('html'));
    expect(error).toBeInstanceOf(OneBotProtocolError);
    expect((error as Error).message).toMatch(/html: HTTP 200 with a body that is not JSON: "<html>proxy error/);
  });

  it('rejects a 200 JSON body that is not an envelope', async () => {
    server.answer('odd', () => ({ raw: '{"hello":1}' }));
    expect(await rejectionOf(client().call('odd'))).toBeInstanceOf(OneBotProtocolError);
  });

  it('turns a failed envelope into OneBotActionError', async () => {
    server.answer('kick', () => failedResponse(100, 'no permission'));
    const error = await rejectionOf(client().call('kick', { user_id: 1 }));
    expect(error).toBeInstanceOf(OneBotActionError);
    expect(error).not.toBeInstanceOf(OneBotHttpError);
    expect(error).toMatchObject({ action: 'kick', retcode: 100, wording: 'no permission' });
  });

  it('times out per call and by default', async () => {
    server.answer('slow', () => 'no-reply');
    let start = performance.now();
    const perCall = await rejectionOf(client().call('slow', {}, { timeoutMs: 50 }));
    expect(perCall).toBeInstanceOf(OneBotTimeoutError);
    expect(perCall).toMatchObject({ action: 'slow', timeoutMs: 50 });
    expect(since(start)).toBeGreaterThanOrEqual(45);
    start = performance.now();
    const byDefault = await rejectionOf(client({ defaultTimeoutMs: 60 }).call('slow'));
    expect(byDefault).toMatchObject({ name: 'OneBotTimeoutError', timeoutMs: 60 });
    expect(since(start)).toBeLessThan(1000);
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    server.answer('slow', () => 'no-reply');
    const controller = new AbortController();
    const call = client().call('slow', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 20);
    await expect(call).rejects.toThrow('user gave up');
  });

  it('reports a refused connection as OneBotConnectionError', async () => {
    const url = server.httpUrl;
    await server.close();
    const transport = track(new HttpTransport({ baseUrl: url }));
    const error = await rejectionOf(transport.request({ action: 'get_status' }));
    expect(error).toBeInstanceOf(OneBotConnectionError);
    expect((error as Error).message).toContain('HTTP request to');
  });

  it('has no events and refuses calls after close()', async () => {
    const transport = new HttpTransport({ baseUrl: server.httpUrl });
    expect(typeof transport.onEvent(() => undefined)).toBe('function');
    await transport.close();
    expect(await rejectionOf(transport.request({ action: 'get_status' }))).toBeInstanceOf(OneBotConnectionError);
  });
});
