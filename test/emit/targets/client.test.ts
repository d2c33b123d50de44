/**
 * The generated client, as a bot developer uses it: the committed `generated/napcat/client.ts`
 * calling a real OneBot server on loopback over forward WebSocket and HTTP. Compiled by real `tsc`
 * against the output of a fixture (what must not compile does not): test/e2e/compile.test.ts, with
 * test/consumer/family-client.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { okResponse } from '../../../generator/runtime/protocol.js';
import {
  HttpTransport,
  NapCatClient,
  OneBotActionError,
  WebSocketTransport,
} from '../../../generated/napcat/client.js';
import { OneBotTestServer } from '../../support/onebot-test-server.js';

describe('generated client on the wire (generated/napcat/client.ts)', () => {
  let server: OneBotTestServer;
  const clients: NapCatClient[] = [];
  beforeAll(async () => {
    server = await OneBotTestServer.start({ accessToken: 'secret' });
    server.answer('get_cookies', (params) => okResponse({ cookies: `c:${String(params.domain)}`, bkn: '42' }));
    server.answer('_get_model_show', () => okResponse([{ variants: { model_show: 'x', need_pay: false } }]));
    server.answer('get_status', () => ({
      status: 'failed',
      retcode: 100,
      data: null,
      message: 'offline',
      wording: '离线',
    }));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(() => server.close());

  test.each([
    ['forward WebSocket', () => new WebSocketTransport({ url: server.wsUrl, accessToken: 'secret' })],
    ['HTTP', () => new HttpTransport({ baseUrl: server.httpUrl, accessToken: 'secret' })],
  ])('%s: each method sends its own action and resolves with data', async (_name, transport) => {
    const bot = new NapCatClient(transport());
    clients.push(bot);
    await expect(bot.getCookies({ domain: 'qq.com' })).resolves.toEqual({ cookies: 'c:qq.com', bkn: '42' });
    await expect(bot.underscoreGetModelShow({ model: 'm' })).resolves.toEqual([
      { variants: { model_show: 'x', need_pay: false } },
    ]);
    expect(server.requests.slice(-2).map((r) => [r.action, r.params])).toEqual([
      ['get_cookies', { domain: 'qq.com' }],
      ['_get_model_show', { model: 'm' }],
    ]);
    const failed = await bot.getStatus().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OneBotActionError);
    expect(failed).toMatchObject({ action: 'get_status', retcode: 100, wording: '离线' });
  });
});
