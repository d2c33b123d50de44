/**
 * The typed client every generated client class extends.
 *
 *     class NapCatClient extends OneBotClient<Actions, EventMap> {
 *       getCookies(...args: ParamsArgs<GetCookiesParams>): Promise<GetCookiesResponse> {
 *         return this.call('get_cookies', ...args);
 *       }
 *     }
 *     const bot = new NapCatClient(new WebSocketTransport({ url: 'ws://127.0.0.1:3001' }), { eventKey });
 *     bot.on('message.group', (event) => …);   // event: GroupMessageEvent
 */
import { ASYNC_SUFFIX, RATE_LIMITED_SUFFIX } from '../protocol.js';
import { errorOfResponse } from './errors.js';
import {
  ANY_EVENT,
  type EventListener,
  type EventOfPrefix,
  type EventPrefix,
  EventRouter,
  structuralEventKey,
} from './events.js';
import type { ClientTransport, EventFrame, TransportRequestOptions } from './transport.js';

/** One action's types, as generated: `get_cookies: { params: GetCookiesParams; response: GetCookiesResponse }`. */
export type ActionShape = { params: unknown; response: unknown };

/** The constraint on a generated `Actions` interface (an interface has no index signature, so not a Record). */
export type ActionMap<A> = { [K in keyof A]: ActionShape };

/** Actions of a client built without generated types: any name, any params, `unknown` data. */
export interface UntypedActions {
  [action: string]: { params: Readonly<Record<string, unknown>> | undefined; response: unknown };
}

/** Per-call options. */
export interface CallOptions {
  /** Milliseconds before the call rejects with `OneBotTimeoutError`; the client's, then the transport's default. */
  readonly timeoutMs?: number | undefined;
  /** Aborting rejects the call with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The arguments after the action name: `params` may be left out exactly when every param is optional
 * (`{}` is assignable to `P`, which holds for `Record<string, never>` too).
 */
export type ParamsArgs<P> = {} extends P
  ? [params?: P | undefined, options?: CallOptions | undefined]
  : [params: P, options?: CallOptions | undefined];

export type ParamsOf<A extends ActionMap<A>, N extends keyof A> = A[N]['params'];
export type ResponseOf<A extends ActionMap<A>, N extends keyof A> = A[N]['response'];

/** Options of {@link OneBotClient}. */
export interface OneBotClientOptions {
  /**
   * The key an event is filed under (`notice.notify.poke`), undefined when unknown. Generated code passes
   * the implementation's `eventKey`; the default is {@link structuralEventKey}.
   */
  readonly eventKey?: (event: { readonly post_type: string }) => string | undefined;
  /** Timeout of calls that give none, milliseconds; the transport's default when absent. */
  readonly defaultTimeoutMs?: number;
  /** A listener threw or rejected (or `eventKey` threw). Default: console.error. Transport and other listeners go on. */
  readonly onListenerError?: (error: unknown, event: EventFrame) => void;
}

/**
 * A OneBot 11 client over any {@link ClientTransport}. `A` is the generated `Actions` interface, `E` the
 * generated `EventMap`.
 *
 * Events reach listeners by key prefix: a `notice.notify.poke` event goes to `on('notice')`,
 * `on('notice.notify')`, `on('notice.notify.poke')` and `on('*')`. An event `eventKey` cannot name still
 * goes to `on('*')` and to the listeners on its bare `post_type` (`on('notice')`), though its shape is
 * then not one the docs describe.
 */
export class OneBotClient<A extends ActionMap<A> = UntypedActions, E = {}> {
  readonly transport: ClientTransport;
  readonly #defaultTimeoutMs: number | undefined;
  readonly #router: EventRouter;
  readonly #unsubscribe: () => void;

  constructor(transport: ClientTransport, options: OneBotClientOptions = {}) {
    this.transport = transport;
    this.#defaultTimeoutMs = options.defaultTimeoutMs;
    const onError = options.onListenerError ?? ((error: unknown) => console.error(error));
    this.#router = new EventRouter(options.eventKey ?? structuralEventKey, onError);
    this.#unsubscribe = transport.onEvent((event, source) => this.#router.dispatch(event, source));
  }

  /**
   * Calls `action` and resolves with its response `data` (an `async` status resolves with its `data`,
   * null). A `failed` response rejects with `OneBotActionError` (`retcode`, `action`, `wording`,
   * `response`; the server's `message` is in `response.message` and in the error's message). Transport
   * failures reject with `OneBotTimeoutError`, `OneBotConnectionError`, `OneBotHttpError`, … as sent.
   */
  call<N extends keyof A & string>(action: N, ...args: ParamsArgs<A[N]['params']>): Promise<A[N]['response']> {
    return this.#call(action, args[0], args[1]);
  }

  /**
   * Calls `action + '_async'`: the implementation accepts it and runs it later, so nothing comes back.
   * Resolves once accepted (status `async`, or `ok` from implementations that ran it at once); rejects
   * as {@link call} does.
   */
  async callAsync<N extends keyof A & string>(action: N, ...args: ParamsArgs<A[N]['params']>): Promise<void> {
    await this.#call(`${action}${ASYNC_SUFFIX}`, args[0], args[1]);
  }

  /** Calls `action + '_rate_limited'`: queued by the implementation at its configured interval; as {@link callAsync}. */
  async callRateLimited<N extends keyof A & string>(action: N, ...args: ParamsArgs<A[N]['params']>): Promise<void> {
    await this.#call(`${action}${RATE_LIMITED_SUFFIX}`, args[0], args[1]);
  }

  /**
   * Listens to the events whose key is `key` or starts with `key.`; `'*'` listens to every event as the raw
   * frame. Returns the function that unsubscribes. A listener that throws or rejects is reported to
   * `onListenerError`; other listeners and the transport carry on.
   */
  on<K extends EventPrefix<E>>(key: K, listener: EventListener<EventOfPrefix<E, K>>): () => void;
  on(key: typeof ANY_EVENT, listener: EventListener<EventFrame>): () => void;
  on(key: string, listener: EventListener<never>): () => void {
    return this.#router.add(key, listener as EventListener<EventFrame>);
  }

  /** Listeners subscribed through `on`. */
  get listenerCount(): number {
    return this.#router.size;
  }

  /** Detaches every listener and closes the transport (pending calls reject with `OneBotConnectionError`). */
  async close(): Promise<void> {
    this.#unsubscribe();
    await this.transport.close();
  }

  /** The hot path: one async frame awaiting the transport's promise. Resolves with `data` (typed by the caller). */
  async #call(action: string, params: unknown, options: CallOptions | undefined): Promise<never> {
    const request = params === undefined ? { action } : { action, params };
    const response = await this.transport.request(request, this.#transportOptions(options));
    if (response.status === 'ok' || response.status === 'async') return response.data as never;
    throw errorOfResponse(action, response);
  }

  #transportOptions(options: CallOptions | undefined): TransportRequestOptions | undefined {
    if (this.#defaultTimeoutMs === undefined || options?.timeoutMs !== undefined) return options;
    return { ...options, timeoutMs: this.#defaultTimeoutMs };
  }
}
