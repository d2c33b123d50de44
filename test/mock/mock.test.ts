/**
 * The mock server as a bot developer uses it: started from `docs-src`, the generated NapCat client
 * calls EVERY action NapCat has over forward WebSocket and gets the documented answer; raw HTTP works
 * on the same port; one log line per call; the token is enforced.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NapCatClient, WebSocketTransport } from '../../generated/napcat/client.js';
import { buildModel } from '../../generator/generate.js';
import { startMock } from '../../generator/mock/cli.js';
import { mockAnswers, sampleParams } from '../../generator/mock/handlers.js';
import type { Model } from '../../generator/model/types.js';
import { actionsOf } from '../../generator/model/views.js';
import { readDocs } from '../../generator/parse/read-docs.js';
import type { OneBotServer } from '../../generator/runtime/server/index.js';
import { ROOT } from '../support/paths.js';

const docs = path.join(ROOT, 'docs-src');
let model: Model;
let server: OneBotServer;
let port: number;
const lines: string[] = [];

beforeAll(async () => {
  model = buildModel(await readDocs(docs)).model;
  ({ server, port } = await startMock({
    impl: 'napcat',
    docs,
    port: 0,
    host: '127.0.0.1',
    accessToken: 'mock-token',
    selfId: 10001,
    log: (line) => lines.push(line),
  }));
});
afterAll(() => server.close());

describe('npm run mock -- --impl napcat', () => {
  test('the generated client gets the documented answer for every NapCat action', async () => {
    const bot = new NapCatClient(new WebSocketTransport({ url: `ws://127.0.0.1:${port}/`, accessToken: 'mock-token' }));
    const answers = mockAnswers(model, 'napcat');
    try {
      const actions = actionsOf(model, 'napcat');
      expect(actions.length).toBeGreaterThan(20);
      for (const action of actions) {
        const params = sampleParams(model, action, 'napcat') as Record<string, unknown> | undefined;
        const data = await bot.call(
          action.name as keyof typeof bot extends never ? never : 'get_status',
          params as never,
        );
        expect(data, action.name).toEqual(answers.get(action.name)!.data);
      }
      expect(lines.filter((l) => /\bws\b/.test(l)).length).toBeGreaterThanOrEqual(actions.length);
    } finally {
      await bot.close();
    }
  });

  test('an example answers as documented; HTTP on the same port; the token is enforced', async () => {
    const cookies = mockAnswers(model, 'napcat').get('get_cookies')!;
    expect(cookies.from).toMatch(/^example docs-src\/api\/bot\.md:\d+$/);
    const ok = await fetch(`http://127.0.0.1:${port}/get_cookies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer mock-token' },
      body: JSON.stringify({ domain: 'qq.com' }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', retcode: 0, data: cookies.data });
    expect((await fetch(`http://127.0.0.1:${port}/get_cookies`)).status).toBe(401);
    const invalid = await fetch(`http://127.0.0.1:${port}/set_qq_profile?access_token=mock-token`, { method: 'POST' });
    expect(await invalid.json()).toMatchObject({
      status: 'failed',
      retcode: 1400,
      message: expect.stringMatching(/nickname/),
    });
    expect((await fetch(`http://127.0.0.1:${port}/nc_get_nothing?access_token=mock-token`)).status).toBe(404);
  });
});
