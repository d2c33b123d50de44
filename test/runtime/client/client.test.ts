import { beforeEach, describe, expect, it } from 'vitest';
import {
  type EventContext,
  OneBotActionError,
  OneBotClient,
  type OneBotClientOptions,
  OneBotConnectionError,
  WebSocketTransport,
  structuralEventKey,
} from '../../../generator/runtime/client/index.js';
import { asyncResponse, failedResponse, okResponse } from '../../../generator/runtime/protocol.js';
import { OneBotTestServer } from '../../support/onebot-test-server.js';
import { rejectionOf, until, useCleanup } from './helpers.js';
import type { Actions, EventMap } from './fixture-types.js';
import { eventKey } from './fixture-types.js';

const track = useCleanup();
let server: OneBotTestServer;

beforeEach(async () => {
  server = track(await OneBotTestServer.start());
  server.answer('get_login_info', () => okResponse({ user_id: 1, nickname: 'bot' }));
  server.answer('send_msg', () => failedResponse(1200, 'message blocked'));
  server.answer('send_msg_async', () => asyncResponse());
  server.answer('send_msg_rate_limited', () => asyncResponse());
  server.answer('clean_cache_async', () => okResponse(null));
  server.answer('set_restart', () => ({ ...asyncResponse(), data: null }));
});

function client(options: OneBotClientOptions = { eventKey }): OneBotClient<Actions, EventMap> {
  const transport = new WebSocketTransport({ url: server.wsUrl, reconnect: false });
  return track(new OneBotClient<Actions, EventMap>(transport, options));
}

describe('OneBotClient calls', () => {
  it('resolves with the data of an ok response', async () => {
    await expect(client().call('get_login_info')).resolves.toEqual({ user_id: 1, nickname: 'bot' });
  });

  it('rejects a failed response with OneBotActionError carrying retcode, action, message and wording', async () => {
    const error = await rejectionOf(client().call('send_msg', { message: 'hi' }));
    expect(error).toBeInstanceOf(OneBotActionError);
    const actionError = error as OneBotActionError;
    expect(actionError).toMatchObject({ action: 'send_msg', retcode: 1200, wording: 'message blocked' });
    expect(actionError.message).toBe('send_msg failed with retcode 1200: message blocked');
    expect(actionError.response).toMatchObject({ status: 'failed', retcode: 1200, message: 'message blocked' });
  });

  it('maps an unknown action (1404) to OneBotActionError too', async () => {
    const error = await rejectionOf(client().call('get_status'));
    expect(error).toMatchObject({ name: 'OneBotActionError', action: 'get_status', retcode: 1404 });
  });

  it('resolves an async-status response with its null data', async () => {
    await expect(client().call('set_restart')).resolves.toBeNull();
  });

  it('callAsync sends action_async and resolves void on async (and on ok)', async () => {
    const bot = client();
    await expect(bot.callAsync('send_msg', { message: 'hi' })).resolves.toBeUndefined();
    await expect(bot.callAsync('clean_cache')).resolves.toBeUndefined();
    expect(server.requests.map((r) => [r.action, r.params])).toEqual([
      ['send_msg_async', { message: 'hi' }],
      ['clean_cache_async', {}],
    ]);
  });

  it('callRateLimited sends action_rate_limited; a failure still rejects', async () => {
    const bot = client();
    await expect(bot.callRateLimited('send_msg', { message: 'hi' })).resolves.toBeUndefined();
    expect(server.requests[0]?.action).toBe('send_msg_rate_limited');
    const error = await rejectionOf(bot.callRateLimited('get_login_info'));
    expect(error).toMatchObject({ action: 'get_login_info_rate_limited', retcode: 1404 });
  });

  it('applies the client defaultTimeoutMs, overridable per call', async () => {
    server.answer('get_login_info', () => 'no-reply');
    const bot = client({ eventKey, defaultTimeoutMs: 40 });
    expect(await rejectionOf(bot.call('get_login_info'))).toMatchObject({ name: 'OneBotTimeoutError', timeoutMs: 40 });
    const own = await rejectionOf(bot.call('get_login_info', {}, { timeoutMs: 20 }));
    expect(own).toMatchObject({ timeoutMs: 20 });
  });

  it('close() closes the transport', async () => {
    const bot = client();
    await bot.close();
    expect(await rejectionOf(bot.call('get_login_info'))).toBeInstanceOf(OneBotConnectionError);
  });
});

const GROUP = { post_type: 'message', message_type: 'group', sub_type: 'normal', group_id: 5, self_id: 9 };
const PRIVATE = { post_type: 'message', message_type: 'private', sub_type: 'friend', user_id: 6 };
const POKE = { post_type: 'notice', notice_type: 'notify', sub_type: 'poke', target_id: 7 };
const STRANGE = { post_type: 'notice', notice_type: 'never_documented' };

describe('OneBotClient events', () => {
  async function deliver(bot: OneBotClient<Actions, EventMap>, events: object[], count: () => number) {
    await (bot.transport as WebSocketTransport).ready();
    for (const event of events) server.pushEvent(event as Record<string, unknown>);
    await until(() => count() >= events.length);
  }

  it('delivers each event to the listeners of every prefix of its key, and to *', async () => {
    const bot = client();
    const seen: Record<string, Array<[string | undefined, number | undefined]>> = {};
    const record = (name: string) => (_event: unknown, context: EventContext) =>
      void (seen[name] ??= []).push([context.key, context.selfId]);
    for (const key of [
      'message',
      'message.group',
      'message.private',
      'notice',
      'notice.notify',
      'notice.notify.poke',
    ] as const) {
      bot.on(key, record(key));
    }
    bot.on('*', record('*'));
    await deliver(bot, [GROUP, PRIVATE, POKE, STRANGE], () => seen['*']?.length ?? 0);
    expect(seen).toEqual({
      message: [
        ['message.group', 9],
        ['message.private', undefined],
      ],
      'message.group': [['message.group', 9]],
      'message.private': [['message.private', undefined]],
      notice: [
        ['notice.notify.poke', undefined],
        [undefined, undefined],
      ],
      'notice.notify': [['notice.notify.poke', undefined]],
      'notice.notify.poke': [['notice.notify.poke', undefined]],
      '*': [
        ['message.group', 9],
        ['message.private', undefined],
        ['notice.notify.poke', undefined],
        [undefined, undefined],
      ],
    });
  });

  it('files events by their fields when no eventKey is given', async () => {
    const bot = client({});
    const keys: Array<string | undefined> = [];
    bot.on('message.group', (_event, context) => keys.push(context.key));
    let all = 0;
    bot.on('*', () => void all++);
    await deliver(bot, [PRIVATE, GROUP], () => all);
    expect(keys).toEqual(['message.group.normal']);
    expect(structuralEventKey({ post_type: 'meta_event', meta_event_type: 'heartbeat' } as never)).toBe(
      'meta_event.heartbeat',
    );
  });

  it('reports a listener that throws or rejects, and keeps the others and the transport going', async () => {
    const errors: Array<[string, unknown]> = [];
    const bot = client({
      eventKey,
      onListenerError: (error, event) => errors.push([(error as Error).message, event.post_type]),
    });
    const delivered: string[] = [];
    bot.on('message', () => {
      throw new Error('sync boom');
    });
    bot.on('message.group', async () => {
      throw new Error('async boom');
    });
    bot.on('message', (event) => delivered.push(event.message_type));
    await deliver(bot, [GROUP], () => delivered.length);
    await until(() => errors.length === 2);
    expect(errors).toEqual([
      ['sync boom', 'message'],
      ['async boom', 'message'],
    ]);
    await expect(bot.call('get_login_info')).resolves.toMatchObject({ user_id: 1 });
  });

  it('stops calling a listener once unsubscribed', async () => {
    const bot = client();
    const seen: number[] = [];
    const off = bot.on('message.group', (event) => seen.push(event.group_id));
    bot.on('*', () => undefined);
    expect(bot.listenerCount).toBe(2);
    off();
    off();
    expect(bot.listenerCount).toBe(1);
    const all: unknown[] = [];
    bot.on('*', (event) => all.push(event));
    await deliver(bot, [GROUP], () => all.length);
    expect(seen).toEqual([]);
  });
});
