import { describe, expectTypeOf, it } from 'vitest';
import {
  type CallOptions,
  type ClientTransport,
  type EventContext,
  type EventFrame,
  type EventOfPrefix,
  type EventPrefix,
  OneBotClient,
  type ParamsArgs,
} from '../../../generator/runtime/client/index.js';
import type {
  Actions,
  EventMap,
  GetCookiesParams,
  GroupMessageEvent,
  HeartbeatEvent,
  LoginInfo,
  PokeEvent,
  PrivateMessageEvent,
  SendMsgParams,
} from './fixture-types.js';

declare const transport: ClientTransport;
const bot = new OneBotClient<Actions, EventMap>(transport);

/** What the emitter writes: one method per action, calling `this.call`. */
class GeneratedClient extends OneBotClient<Actions, EventMap> {
  getCookies(...args: ParamsArgs<GetCookiesParams>): Promise<{ cookies: string }> {
    return this.call('get_cookies', ...args);
  }
  sendMsg(params: SendMsgParams, options?: CallOptions): Promise<{ message_id: number }> {
    return this.call('send_msg', params, options);
  }
  getLoginInfo(params?: Record<string, never>, options?: CallOptions): Promise<LoginInfo> {
    return this.call('get_login_info', params, options);
  }
}

describe('OneBotClient.call types', () => {
  it('gives the response type of the action', () => {
    expectTypeOf(bot.call('get_login_info')).toEqualTypeOf<Promise<LoginInfo>>();
    expectTypeOf(bot.call('send_msg', { message: 'hi' })).toEqualTypeOf<Promise<{ message_id: number }>>();
    expectTypeOf(bot.callAsync('send_msg', { message: 'hi' })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(bot.callRateLimited('send_msg', { message: 'hi' })).toEqualTypeOf<Promise<void>>();
  });

  it('makes params optional exactly when every param is optional', () => {
    bot.call('get_login_info');
    bot.call('get_cookies');
    bot.call('get_cookies', { domain: 'qq.com' }, { timeoutMs: 100 });
    bot.call('set_restart', undefined, { timeoutMs: 100 });
    // @ts-expect-error send_msg has a required param
    bot.call('send_msg');
    // @ts-expect-error callAsync checks params the same way
    bot.callAsync('send_msg');
    expectTypeOf<ParamsArgs<SendMsgParams>>().toEqualTypeOf<
      [params: SendMsgParams, options?: CallOptions | undefined]
    >();
    expectTypeOf<ParamsArgs<GetCookiesParams>>().toEqualTypeOf<
      [params?: GetCookiesParams | undefined, options?: CallOptions | undefined]
    >();
  });

  it('rejects wrong params and unknown actions', () => {
    // @ts-expect-error message must be a string
    bot.call('send_msg', { message: 1 });
    // @ts-expect-error unknown param on an action without params
    bot.call('get_login_info', { user_id: 1 });
    // @ts-expect-error unknown action
    bot.call('no_such_action');
    // @ts-expect-error timeoutMs is a number of milliseconds
    bot.call('get_cookies', {}, { timeoutMs: '100' });
  });

  it('lets a generated subclass forward to call', () => {
    const generated = new GeneratedClient(transport);
    expectTypeOf(generated.getCookies()).toEqualTypeOf<Promise<{ cookies: string }>>();
    expectTypeOf(generated.sendMsg).parameter(0).toEqualTypeOf<SendMsgParams>();
    // @ts-expect-error required params stay required through the subclass
    generated.sendMsg();
  });

  it('accepts any action and params without generated types', () => {
    const untyped = new OneBotClient(transport);
    expectTypeOf(untyped.call('anything', { x: 1 })).toEqualTypeOf<Promise<unknown>>();
    untyped.call('anything');
  });
});

describe('OneBotClient.on types', () => {
  it('computes prefixes and the events under them', () => {
    expectTypeOf<EventPrefix<EventMap>>().toEqualTypeOf<
      | 'message'
      | 'message.group'
      | 'message.private'
      | 'notice'
      | 'notice.notify'
      | 'notice.notify.poke'
      | 'meta_event'
      | 'meta_event.heartbeat'
    >();
    expectTypeOf<EventOfPrefix<EventMap, 'message'>>().toEqualTypeOf<GroupMessageEvent | PrivateMessageEvent>();
    expectTypeOf<EventOfPrefix<EventMap, 'notice.notify'>>().toEqualTypeOf<PokeEvent>();
    // A prefix ends at a dot: `notice.group` does not take in `notice.group_upload`.
    type Neighbours = { 'notice.group': { a: 1 }; 'notice.group_upload': { b: 2 } };
    expectTypeOf<EventOfPrefix<Neighbours, 'notice.group'>>().toEqualTypeOf<{ a: 1 }>();
  });

  it('types the listener by the key or prefix it listens to', () => {
    bot.on('message', (event, context) => {
      expectTypeOf(event).toEqualTypeOf<GroupMessageEvent | PrivateMessageEvent>();
      expectTypeOf(context).toEqualTypeOf<EventContext>();
    });
    bot.on('message.group', (event) => expectTypeOf(event).toEqualTypeOf<GroupMessageEvent>());
    bot.on('notice.notify', (event) => expectTypeOf(event).toEqualTypeOf<PokeEvent>());
    bot.on('meta_event', (event) => expectTypeOf(event).toEqualTypeOf<HeartbeatEvent>());
    bot.on('*', (event) => expectTypeOf(event).toEqualTypeOf<EventFrame>());
    expectTypeOf(bot.on('message', () => undefined)).toEqualTypeOf<() => void>();
  });

  it('refuses keys that are not a key or a leading part of one', () => {
    // @ts-expect-error 'messa' is not a whole dotted part
    bot.on('messa', () => undefined);
    // @ts-expect-error no such event
    bot.on('request.friend', () => undefined);
    // @ts-expect-error a group message listener gets no poke fields
    bot.on('message.group', (event: PokeEvent) => event.target_id);
  });
});
