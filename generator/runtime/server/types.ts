/**
 * Public types of the OneBot 11 server runtime: what an implementation (or a bridge, or a mock)
 * passes to {@link createOneBotServer} and what its handlers receive.
 *
 * `A` is always the generated `Actions` interface of one implementation:
 * `{ send_msg: { params: SendMsgParams; response: SendMsgResponse }; … }`.
 */
import type { ActionResponse, CallMode, ClientRole, Json } from '../protocol.js';

/** One action's types as the generated `Actions` interface spells them. */
export interface ActionShape {
  readonly params: unknown;
  readonly response: unknown;
}

/** The generated `Actions` interface of an implementation, or any interface of the same shape. */
export type ActionTable<A> = { [K in keyof A]: ActionShape };

/**
 * How a call arrived. `http-post` marks calls the runtime makes itself to apply a quick operation
 * returned by the HTTP POST receiver.
 */
export type Transport = 'http' | 'ws' | 'ws-reverse' | 'http-post';

/** What a handler knows about the call besides its params. */
export interface HandlerContext {
  readonly selfId: number | string;
  readonly transport: Transport;
  /** The action as documented, without an `_async` / `_rate_limited` suffix. */
  readonly action: string;
  /** `sync` for a plain call; `async` / `rate_limited` when a suffix asked for it (already answered). */
  readonly mode: CallMode;
  /** The caller's `echo` (WebSocket only), exactly as sent; undefined when there was none. */
  readonly echo: Json | undefined;
  /**
   * Aborted when the answer can no longer be delivered: the HTTP client or the WebSocket went away
   * (plain calls), or the server is closing (every call).
   */
  readonly signal: AbortSignal;
  /** Peer address of the HTTP request or WebSocket; undefined for calls the runtime makes itself. */
  readonly remoteAddress: string | undefined;
  /** Id of the WebSocket connection the call came on (unique per server); undefined over HTTP. */
  readonly connectionId: number | undefined;
}

/**
 * Runs one action. Return the response data (`undefined` is sent as `data: null`). Throw a
 * `OneBotActionError` to answer `failed` with its retcode and message; any other throw answers
 * `failed` with {@link HANDLER_ERROR_RETCODE} and is also passed to `onError`.
 */
export type Handler<P, R> = (params: P, ctx: HandlerContext) => R | Promise<R>;

/** One handler per action of `A`. */
export type Handlers<A extends ActionTable<A>> = {
  [K in keyof A]: Handler<A[K]['params'], A[K]['response']>;
};

/** A JSON object, as events and quick operations are. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** What {@link ServerOptions.onQuickOperation} may use to act on a quick operation. */
export interface QuickOperationContext<A extends ActionTable<A>> {
  /**
   * Runs one of the implementation's own handlers through the same path as a network call
   * (validation, coercion, logging) with transport `http-post`. Resolves to the response envelope;
   * never rejects.
   */
  call<K extends keyof A & string>(action: K, params: A[K]['params']): Promise<ActionResponse<A[K]['response'] | null>>;
  readonly signal: AbortSignal;
}

/** Where and how to listen: `port` 0 picks a free port; `host` defaults to 127.0.0.1. */
export interface ListenOptions {
  readonly port: number;
  readonly host?: string;
}

/** Reverse WebSocket targets (the docs' `ws_reverse.*`). */
export interface ReverseOptions {
  /** Shared URL: used for API and Event when their own is absent, and for the Universal connection. */
  readonly url?: string;
  readonly apiUrl?: string;
  readonly eventUrl?: string;
  /** One `Universal` connection serving calls and events instead of separate `API` and `Event` ones. */
  readonly universal?: boolean;
  /** Milliseconds between reconnect attempts; default 3000. */
  readonly reconnectIntervalMs?: number;
}

/** HTTP POST event reports (the docs' `http_post.*`). */
export interface HttpPostOptions {
  readonly url: string;
  /** Milliseconds to wait for the receiver's response; 0 or absent waits forever, as the docs' default. */
  readonly timeoutMs?: number;
  /** HMAC key for `X-Signature`; falls back to the server's `secret`. */
  readonly secret?: string;
}

/** Options of {@link createOneBotServer}. Every transport is off unless configured. */
export interface ServerOptions<A extends ActionTable<A>> {
  /** Handlers by action. An action in `actions` without a handler answers retcode 1404 (HTTP 404). */
  readonly handlers: Partial<Handlers<A>>;
  /** Every action the implementation has; any other name answers retcode 1404 (HTTP 404). */
  readonly actions: readonly string[];
  /**
   * JSON Schema 2020-12 of each action's params, compiled on first use. Strings are coerced to the
   * types the schema wants (`"123"` → 123, `"true"` → true, `"1"` → true).
   *
   * Invalid params (a missing required field, a wrong type) answer `failed` with retcode 1400 and a
   * message naming the field (`params.user_id: must be integer`), over HTTP with status 200: the
   * docs keep HTTP 400 for a body that does not parse and answer 200 "whatever the outcome"
   * otherwise, so the envelope, not the status, carries the params error.
   *
   * Without a schema params reach the handler as sent (strings from a query stay strings).
   */
  readonly paramsSchemas?: Readonly<Record<string, object>>;
  /**
   * Schemas with an `$id` that `paramsSchemas` `$ref` (a shared message/segment schema, say). A params
   * schema may also carry its own `$defs`; a `$ref` that resolves nowhere answers retcode 1500.
   */
  readonly sharedSchemas?: readonly object[];
  readonly selfId: number | string;
  /** Token required on HTTP and forward WebSocket, and sent on reverse WebSocket connections. */
  readonly accessToken?: string;
  /** HMAC key for HTTP POST reports (see {@link HttpPostOptions.secret}). */
  readonly secret?: string;
  /** The HTTP API; off when absent or false (the docs' default port is `DEFAULTS.httpPort`). */
  readonly http?: ListenOptions | false;
  /** Forward WebSocket on its own port, or `'same-port'` to accept upgrades on the HTTP server. */
  readonly ws?: ListenOptions | 'same-port' | false;
  readonly reverse?: ReverseOptions | false;
  readonly httpPost?: HttpPostOptions | false;
  /**
   * Applies a quick operation the HTTP POST receiver answered with. Default: the implementation's
   * `.handle_quick_operation` handler when it has one, else the standard operations (reply, delete,
   * kick, ban, approve) translated into calls of its own handlers (see `quickOperationCalls`).
   */
  readonly onQuickOperation?: (
    event: JsonObject,
    operation: JsonObject,
    ctx: QuickOperationContext<A>,
  ) => void | Promise<void>;
  /** Milliseconds between queued `_rate_limited` runs; default 500 (`DEFAULTS.rateLimitIntervalMs`). */
  readonly rateLimitIntervalMs?: number;
  /** Largest HTTP request body and WebSocket frame, bytes; default 1 MiB. Larger bodies answer 413. */
  readonly maxBodyBytes?: number;
  /** Milliseconds a client may take to send a whole HTTP request (its headers: at most 10 000); default 30 000. */
  readonly requestTimeoutMs?: number;
  /** Bytes a WebSocket may have queued unsent before it is terminated as too slow; default 8 MiB. */
  readonly maxBufferedBytes?: number;
  /**
   * Errors with no caller to go to: handler throws other than `OneBotActionError` (the caller gets
   * retcode 1500), `_async`/`_rate_limited` runs, failed HTTP POST reports and quick operations,
   * schemas that do not compile, listen errors after start. Socket resets only go to `log`.
   * Default: `console.error`.
   */
  readonly onError?: (error: unknown) => void;
  /** One line per call (`ws send_msg retcode=0 1.2ms`) and per connection event. */
  readonly log?: (line: string) => void;
}

/** What {@link OneBotServer.pushEvent} did with one event. */
export interface PushReport {
  /** HTTP status of the HTTP POST report; undefined when not configured or the request failed. */
  readonly httpPostStatus: number | undefined;
  /** The quick operation the receiver answered with, if any (already applied). */
  readonly quickOperation: JsonObject | undefined;
  /** WebSocket connections (forward and reverse) the event was queued on. */
  readonly sockets: number;
}

/** A running (or not yet listening) OneBot 11 server. */
export interface OneBotServer {
  /**
   * Starts the HTTP and forward WebSocket servers and the reverse connections; resolves with the
   * bound ports (undefined for a transport that is off). Rejects when a port cannot be bound (call
   * `close()` to release what did start) and when called twice.
   */
  listen(): Promise<{ readonly httpPort: number | undefined; readonly wsPort: number | undefined }>;
  /** Stops everything: sockets are closed, reverse connections stop reconnecting, queued runs are dropped. */
  close(): Promise<void>;
  /**
   * Reports an event: HTTP POST first (and its quick operation), then every `/event` and `/` socket
   * and reverse `Event`/`Universal` connection. Delivery failures go to `onError`; never rejects.
   * After `close()` it delivers nothing.
   */
  pushEvent(event: JsonObject): Promise<PushReport>;
  /** Live counts, for health checks and tests. */
  stats(): {
    readonly wsConnections: number;
    readonly reverseConnections: Readonly<Partial<Record<ClientRole, boolean>>>;
    readonly queuedRateLimited: number;
  };
}
