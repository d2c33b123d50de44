/**
 * HTTP transport: one `POST {baseUrl}/{action}` per call, JSON body of the params (`{}` when none).
 *
 *     POST http://127.0.0.1:5700/get_status   Authorization: Bearer <token>   {}
 *     200 {"status":"ok","retcode":0,"data":{…}}    → the envelope (a `failed` one too)
 *     401/403/404/400/406                           → OneBotHttpError (status, retcode 14xx)
 *
 * The HTTP API pushes no events: `onEvent` accepts listeners and never calls them. To receive events,
 * use a forward or reverse WebSocket, or an HTTP POST receiver (the server runtime).
 */
import { ACCESS_TOKEN_QUERY, type ActionRequest, type ActionResponse, HEADER, isActionResponse } from '../protocol.js';
import { OneBotConnectionError, OneBotHttpError, OneBotProtocolError, OneBotTimeoutError } from './errors.js';
import type { ClientTransport, EventFrameListener, TransportRequestOptions } from './transport.js';

/** Options of {@link HttpTransport}. */
export interface HttpTransportOptions {
  /** `http://127.0.0.1:5700`; a path prefix is kept (`http://host/onebot` → `/onebot/get_status`). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`, or as the `access_token` query when `tokenIn` is `'query'`. */
  readonly accessToken?: string;
  readonly tokenIn?: 'header' | 'query';
  /** Timeout of a call that does not give its own, milliseconds. Default 30 000; Infinity waits forever. */
  readonly defaultTimeoutMs?: number;
  /** Extra request headers (a proxy's, say). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Calls over the HTTP API with global `fetch`. `request` resolves with the envelope of a 200 response
 * and rejects with `OneBotHttpError` (any other status), `OneBotProtocolError` (a 200 body that is not a
 * JSON envelope), `OneBotTimeoutError`, `OneBotConnectionError` (network failure, or after `close()`),
 * or the abort signal's reason.
 */
export class HttpTransport implements ClientTransport {
  readonly #base: string;
  readonly #query: string;
  readonly #headers: Record<string, string>;
  readonly #defaultTimeoutMs: number;
  #closed = false;

  constructor(options: HttpTransportOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#headers = { 'Content-Type': 'application/json', ...options.headers };
    const token = options.accessToken;
    this.#query =
      token !== undefined && options.tokenIn === 'query' ? `?${ACCESS_TOKEN_QUERY}=${encodeURIComponent(token)}` : '';
    if (token !== undefined && options.tokenIn !== 'query') this.#headers[HEADER.authorization] = `Bearer ${token}`;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
  }

  async request(request: ActionRequest, options?: TransportRequestOptions): Promise<ActionResponse> {
    const { action } = request;
    if (this.#closed) throw new OneBotConnectionError(`${action}: the transport was closed`, { action });
    const timeoutMs = options?.timeoutMs ?? this.#defaultTimeoutMs;
    const timeout = timeoutMs === Infinity ? undefined : AbortSignal.timeout(timeoutMs);
    const signals = [timeout, options?.signal].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    let response: Response;
    let body: string;
    try {
      const url = `${this.#base}/${encodeURIComponent(action)}${this.#query}`;
      const init = { method: 'POST', headers: this.#headers, body: JSON.stringify(request.params ?? {}) };
      response = await fetch(url, signal ? { ...init, signal } : init);
      body = await response.text();
    } catch (error) {
      if (timeout?.aborted && !options?.signal?.aborted) throw new OneBotTimeoutError(action, timeoutMs);
      if (options?.signal?.aborted) throw options.signal.reason;
      throw new OneBotConnectionError(`${action}: HTTP request to ${this.#base} failed (${errorText(error)})`, {
        action,
        cause: error,
      });
    }
    if (response.status !== 200) throw new OneBotHttpError(action, response.status, body);
    return parseEnvelope(action, body);
  }

  /** The HTTP API has no events; the listener is kept nowhere and never called. */
  onEvent(_listener: EventFrameListener): () => void {
    return () => undefined;
  }

  /** Later calls reject with `OneBotConnectionError`; calls in flight finish. */
  async close(): Promise<void> {
    this.#closed = true;
  }
}

function parseEnvelope(action: string, body: string): ActionResponse {
  let frame: unknown;
  try {
    frame = JSON.parse(body);
  } catch (error) {
    const message = `${action}: HTTP 200 with a body that is not JSON: ${JSON.stringify(body.slice(0, 100))}`;
    throw new OneBotProtocolError(message, body, { cause: error });
  }
  if (!isActionResponse(frame)) {
    throw new OneBotProtocolError(`${action}: HTTP 200 with JSON that is not a response envelope`, frame);
  }
  return frame;
}

function errorText(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
