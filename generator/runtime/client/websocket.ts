/**
 * Forward WebSocket transport: the client connects to the implementation (`ws://host:6700/`, or `/api`
 * for calls only, `/event` for events only) and keeps that one connection open, reconnecting with
 * backoff when it drops.
 *
 * While not connected, calls wait for the (re)connection by default, bounded by their own timeout
 * (`whileDisconnected: 'queue'`); `'fail'` rejects them at once. Calls already sent are never re-sent:
 * when the socket closes they reject at once with `OneBotConnectionError`, since the server may or may
 * not have run them.
 */
import WebSocket from 'ws';
import { ACCESS_TOKEN_QUERY, type ActionRequest, type ActionResponse, HEADER, HTTP_STATUS } from '../protocol.js';
import { type ReconnectOptions, reconnectDelay, resolveReconnect } from './backoff.js';
import { OneBotConnectionError, type OneBotProtocolError, reasonOfHttpStatus, warnProtocolError } from './errors.js';
import { OpenWaiters } from './open-waiters.js';
import { PendingCalls } from './pending.js';
import {
  type ClientTransport,
  type EventFrame,
  type EventFrameListener,
  EventFanout,
  type TransportRequestOptions,
} from './transport.js';

/** Options of {@link WebSocketTransport}. Milliseconds throughout. */
export interface WebSocketTransportOptions {
  /** `ws://127.0.0.1:6700/` (calls and events), `…/api` (calls) or `…/event` (events). */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`, or as the `access_token` query when `tokenIn` is `'query'`. */
  readonly accessToken?: string;
  readonly tokenIn?: 'header' | 'query';
  /** Timeout of a call that does not give its own. Default 30 000; Infinity waits forever. */
  readonly defaultTimeoutMs?: number;
  /** Backoff settings, or `false` to never reconnect. Reconnects by default. */
  readonly reconnect?: ReconnectOptions | false;
  /** Calls made while not connected: `'queue'` (default) waits for the connection, `'fail'` rejects at once. */
  readonly whileDisconnected?: 'queue' | 'fail';
  /** How long one connection attempt may take before it counts as failed. Default 10 000. */
  readonly handshakeTimeoutMs?: number;
  /** Frames that break the protocol (not JSON, unknown `echo`, …). Default: a process warning. */
  readonly onProtocolError?: (error: OneBotProtocolError) => void;
  /** An event listener subscribed through `onEvent` threw. Default: console.error. */
  readonly onListenerError?: (error: unknown) => void;
  /** The connection opened (first time and after each reconnect). */
  readonly onOpen?: () => void;
  /** The connection closed or failed to open; `reconnectInMs` is undefined when it will not reconnect. */
  readonly onClose?: (info: WebSocketCloseInfo) => void;
}

export interface WebSocketCloseInfo {
  readonly code: number;
  readonly reason: string;
  /** The socket error behind the close, if any (connection refused, handshake timeout, …). */
  readonly error: Error | undefined;
  /** HTTP status when the server refused the upgrade (401: token missing, 403: token wrong). */
  readonly refusedStatus: number | undefined;
  readonly reconnectInMs: number | undefined;
}

/** Refusals that retrying cannot fix: the same token would be refused again. */
const FATAL_STATUSES: ReadonlySet<number> = new Set([HTTP_STATUS.unauthorized, HTTP_STATUS.forbidden]);

/**
 * One forward WebSocket connection shared by every call, matched by `echo`. Connects on construction.
 * `request` rejects with `OneBotTimeoutError`, `OneBotConnectionError` (not connected in `'fail'` mode,
 * closed mid-call, refused with 401/403, reconnects exhausted, `close()` called), or the abort reason.
 */
export class WebSocketTransport implements ClientTransport {
  readonly #url: string;
  readonly #headers: Record<string, string>;
  readonly #options: WebSocketTransportOptions;
  readonly #reconnect;
  readonly #defaultTimeoutMs: number;
  readonly #calls: PendingCalls;
  readonly #events: EventFanout;
  readonly #waiters = new OpenWaiters();
  #socket: WebSocket | undefined;
  #open = false;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once, when the transport stops for good; every later call rejects with it. */
  #failure: OneBotConnectionError | undefined;
  readonly #closed: Array<() => void> = [];

  constructor(options: WebSocketTransportOptions) {
    this.#options = options;
    const url = new URL(options.url);
    this.#headers = {};
    if (options.accessToken !== undefined && options.tokenIn === 'query') {
      url.searchParams.set(ACCESS_TOKEN_QUERY, options.accessToken);
    } else if (options.accessToken !== undefined) {
      this.#headers[HEADER.authorization] = `Bearer ${options.accessToken}`;
    }
    this.#url = url.href;
    this.#reconnect = options.reconnect === false ? undefined : resolveReconnect(options.reconnect);
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
    this.#calls = new PendingCalls(options.onProtocolError ?? warnProtocolError);
    this.#events = new EventFanout(options.onListenerError ?? ((error) => console.error(error)));
    this.#connect();
  }

  /** The current socket (connecting or open), for diagnostics and tests; undefined between attempts. */
  get socket(): WebSocket | undefined {
    return this.#socket;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Calls sent and waiting for their response. */
  get pendingCount(): number {
    return this.#calls.size;
  }

  /** Listeners subscribed through `onEvent`; reconnects never change it. */
  get eventListenerCount(): number {
    return this.#events.size;
  }

  /** Resolves when the connection is open (at once if it is); rejects when the transport gives up. */
  ready(timeoutMs: number = Infinity): Promise<void> {
    if (this.#open) return Promise.resolve();
    if (this.#failure) return Promise.reject(this.#failure);
    return this.#waiters.wait('ready', timeoutMs);
  }

  request(request: ActionRequest, options?: TransportRequestOptions): Promise<ActionResponse> {
    const timeoutMs = options?.timeoutMs ?? this.#defaultTimeoutMs;
    if (this.#open) return this.#calls.call(this.#send, request, timeoutMs, options?.signal);
    return this.#requestWhenOpen(request, timeoutMs, options?.signal);
  }

  onEvent(listener: EventFrameListener): () => void {
    return this.#events.add(listener);
  }

  /** Stops reconnecting, rejects pending and queued calls at once, then closes the socket (1000). */
  async close(): Promise<void> {
    if (!this.#failure) this.#stop(new OneBotConnectionError('the transport was closed'));
    this.#calls.rejectAll((action) => this.#failedCall(action, this.#failure!));
    const socket = this.#socket;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      this.#closed.push(resolve);
      socket.close(1000);
      // A server that never answers the close handshake must not hold close() for ws's 30 s.
      setTimeout(() => socket.terminate(), 1000).unref();
    });
  }

  readonly #send = (text: string): void => this.#socket!.send(text);

  readonly #onEventFrame = (event: EventFrame): void => {
    if (this.#failure) return;
    const selfId = event['self_id'];
    this.#events.emit(event, typeof selfId === 'number' ? { selfId } : {});
  };

  async #requestWhenOpen(
    request: ActionRequest,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    startedAt = performance.now(),
  ): Promise<ActionResponse> {
    if (this.#failure) throw this.#failedCall(request.action, this.#failure);
    if (this.#options.whileDisconnected === 'fail') {
      throw new OneBotConnectionError(`${request.action}: not connected to ${this.#url}`, { action: request.action });
    }
    await this.#waiters.wait(request.action, timeoutMs, signal, startedAt);
    // The socket may have dropped again between the open event and this continuation.
    if (!this.#open) return this.#requestWhenOpen(request, timeoutMs, signal, startedAt);
    return this.#calls.call(this.#send, request, timeoutMs, signal, startedAt);
  }

  #connect(): void {
    const socket = new WebSocket(this.#url, {
      headers: this.#headers,
      handshakeTimeout: this.#options.handshakeTimeoutMs ?? 10_000,
      perMessageDeflate: false,
    });
    this.#socket = socket;
    let refusedStatus: number | undefined;
    let error: Error | undefined;
    socket.on('open', () => this.#onOpen());
    socket.on('message', (data) => this.#calls.receive(String(data), this.#onEventFrame));
    socket.on('unexpected-response', (_request, response) => {
      refusedStatus = response.statusCode;
      response.resume();
      socket.terminate();
    });
    socket.on('error', (cause) => void (error = cause));
    socket.on('close', (code, reason) => this.#onClose(socket, { code, reason: String(reason), error, refusedStatus }));
  }

  #onOpen(): void {
    this.#attempt = 0;
    this.#open = true;
    this.#waiters.openAll();
    this.#options.onOpen?.();
  }

  #onClose(socket: WebSocket, info: Omit<WebSocketCloseInfo, 'reconnectInMs'>): void {
    // The next attempt gets a fresh socket with fresh listeners; this one keeps none.
    socket.removeAllListeners();
    this.#socket = undefined;
    this.#open = false;
    const why = describeClose(info);
    this.#calls.rejectAll(
      (action) => new OneBotConnectionError(`${action}: ${why} before a response came`, { action, cause: info.error }),
    );
    if (!this.#failure) {
      const fatal = info.refusedStatus !== undefined && FATAL_STATUSES.has(info.refusedStatus);
      const reconnectInMs = fatal ? undefined : this.#nextDelay();
      if (reconnectInMs === undefined) {
        const status = info.refusedStatus === undefined ? {} : { status: info.refusedStatus };
        this.#stop(new OneBotConnectionError(`${why}; not reconnecting`, { ...status, cause: info.error }));
      } else {
        this.#retryTimer = setTimeout(() => ((this.#retryTimer = undefined), this.#connect()), reconnectInMs);
      }
      this.#options.onClose?.({ ...info, reconnectInMs });
    }
    for (const resolve of this.#closed.splice(0)) resolve();
  }

  #nextDelay(): number | undefined {
    const reconnect = this.#reconnect;
    if (!reconnect || this.#attempt >= reconnect.maxAttempts) return undefined;
    return reconnectDelay(this.#attempt++, reconnect);
  }

  #stop(failure: OneBotConnectionError): void {
    this.#failure = failure;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#waiters.failAll((label) => this.#failedCall(label, failure));
  }

  #failedCall(action: string, failure: OneBotConnectionError): OneBotConnectionError {
    const status = failure.status === undefined ? {} : { status: failure.status };
    return new OneBotConnectionError(`${action}: ${failure.message}`, { action, cause: failure, ...status });
  }
}

function describeClose(info: Omit<WebSocketCloseInfo, 'reconnectInMs'>): string {
  const { refusedStatus: status, error } = info;
  if (status !== undefined)
    return `the server refused the connection with HTTP ${status}, ${reasonOfHttpStatus(status)}`;
  if (error) return `the connection failed (${error.message})`;
  return `the connection closed (code ${info.code}${info.reason ? `, ${info.reason}` : ''})`;
}
