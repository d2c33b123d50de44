/**
 * The generated client, as a bot developer uses it: compiled by real `tsc` against the output of a
 * fixture (what must not compile does not), and the committed `generated/napcat/client.ts` calling a
 * real OneBot server on loopback over forward WebSocket and HTTP.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../../generator/generate.js';
import { okResponse } from '../../../generator/runtime/protocol.js';
import {
  HttpTransport,
  NapCatClient,
  OneBotActionError,
  WebSocketTransport,
} from '../../../generated/napcat/client.js';
import { removeTree, tsFiles, writeTempTree } from '../../support/generate.js';
import { OneBotTestServer } from '../../support/onebot-test-server.js';
import { FIXTURES } from '../../support/paths.js';
import { typecheck } from '../../support/tsc.js';

const CONSUMER = `
import { NapCatClient, WebSocketTransport } from './napcat/client.js';
import { LagrangeClient } from './lagrange/client.js';
import { OneBot11Client } from './onebot11/client.js';

const napcat = new NapCatClient(new WebSocketTransport({ url: 'ws://127.0.0.1:3001' }));
declare const lagrange: LagrangeClient;
declare const standard: OneBot11Client;

export async function use(): Promise<void> {
  const thing = await napcat.getThing({ thing_id: 7 });
  const name: string = thing.name;
  const extra: number = thing.extra;
  const owner: string = thing.owner.nick;
  // @ts-expect-error Lagrange's response has no NapCat-only field
  (await lagrange.getThing({ thing_id: 7 })).extra;
  // @ts-expect-error a NapCat extension is not on the Lagrange client
  lagrange.sendThingMsg;
  // @ts-expect-error a go-cqhttp extension is not in the standard
  standard.listThings;
  // @ts-expect-error a param of the wrong type
  await napcat.getThing({ thing_id: 'seven' });
  // @ts-expect-error a required param is missing
  await napcat.getThing();
  await napcat.callAsync('get_thing', { thing_id: 1 }).then((nothing: void) => nothing);
  napcat.on('message.private', (e) => {
    const nick: string = e.sender.nickname;
    const sub: 'friend' | 'other' = e.sub_type;
    void nick, sub;
  });
  // @ts-expect-error not an event key of the docs
  napcat.on('message.nope', () => undefined);
  void name, extra, owner;
}
`;

describe('generated client types', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await writeTempTree((await generate(path.join(FIXTURES, 'family'))).files, 'onebot-client-');
  });
  afterAll(() => removeTree(dir));

  test('per implementation: methods, params and responses as documented; wrong uses do not compile', async () => {
    const consumer = path.join(dir, 'consumer.ts');
    await writeFile(consumer, CONSUMER);
    const files = [
      ...tsFiles(
        dir,
        new Map([
          ['napcat/client.ts', ''],
          ['lagrange/client.ts', ''],
          ['onebot11/client.ts', ''],
        ]),
      ),
      consumer,
    ];
    expect(typecheck(files)).toEqual([]);
  });
});

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
