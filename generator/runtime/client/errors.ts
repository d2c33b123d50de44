/**
 * Errors the client runtime throws besides {@link OneBotActionError} (a `failed` response):
 *
 *     OneBotHttpError       extends OneBotActionError   the HTTP API answered 400/401/403/404/406/…
 *     OneBotTransportError                             a call never got a response envelope
 *       ├─ OneBotConnectionError                       not connected, refused, closed mid-call
 *       └─ OneBotTimeoutError                          no response within the call's timeout
 *     OneBotProtocolError                              a frame or body that breaks the protocol
 */
import { type ActionResponse, HTTP_STATUS, OneBotActionError, retcodeOfHttpStatus } from '../protocol.js';

const HTTP_REASONS: Readonly<Record<number, string>> = {
  [HTTP_STATUS.badRequest]: 'the request body or params are malformed',
  [HTTP_STATUS.unauthorized]: 'no access token was sent, and the server requires one',
  [HTTP_STATUS.forbidden]: 'the access token is wrong',
  [HTTP_STATUS.notFound]: 'the server does not know this action',
  [HTTP_STATUS.unsupportedContentType]: 'the server does not accept a Content-Type of application/json',
};

/** Why a server refused with `status`, in words; a generic phrase for statuses the protocol does not name. */
export function reasonOfHttpStatus(status: number): string {
  return HTTP_REASONS[status] ?? 'unexpected HTTP status';
}

/**
 * The HTTP API answered a call with a status other than 200. `status` is the HTTP status; `retcode` is
 * the retcode the same refusal gets over WebSocket (400 → 1400, 401 → 1401, 403 → 1403, 404 → 1404).
 * Statuses the protocol does not map (406, 5xx) follow the same pattern, `1000 + status`, so `retcode`
 * is always a number; check `status` to tell them apart.
 */
export class OneBotHttpError extends OneBotActionError {
  readonly status: number;

  constructor(action: string, status: number, body?: string) {
    const retcode = retcodeOfHttpStatus(status) ?? 1000 + status;
    const detail = body?.trim() ? ` (body: ${body.trim().slice(0, 200)})` : '';
    super(action, retcode, `HTTP ${status}, ${reasonOfHttpStatus(status)}${detail}`);
    this.name = 'OneBotHttpError';
    this.status = status;
  }
}

/** A call that ended without a response envelope. `action` is the action as sent (suffix included). */
export class OneBotTransportError extends Error {
  readonly action: string | undefined;

  constructor(message: string, options?: { action?: string | undefined; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OneBotTransportError';
    this.action = options?.action;
  }
}

/**
 * No connection to send on, the server refused the connection (`status` is the HTTP status of a refused
 * WebSocket upgrade: 401 no token, 403 wrong token), or the connection closed while the call was pending.
 */
export class OneBotConnectionError extends OneBotTransportError {
  readonly status: number | undefined;

  constructor(message: string, options?: { action?: string | undefined; cause?: unknown; status?: number }) {
    super(message, options);
    this.name = 'OneBotConnectionError';
    this.status = options?.status;
  }
}

/** No response within `timeoutMs` milliseconds; the call is forgotten, a late response is reported, not delivered. */
export class OneBotTimeoutError extends OneBotTransportError {
  readonly timeoutMs: number;

  /** `waitingFor` is what did not come: a response, or a connection for a call queued while disconnected. */
  constructor(action: string, timeoutMs: number, waitingFor: 'response' | 'connection' = 'response') {
    super(`${action} got no ${waitingFor} within ${timeoutMs} ms`, { action });
    this.name = 'OneBotTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A frame or body that breaks the protocol: not JSON, neither a response nor an event, a response
 * without `echo` or with an `echo` no pending call has. `frame` is the parsed frame, or the raw text
 * when it did not parse. Reported through `onProtocolError` hooks; thrown only by HTTP calls.
 */
export class OneBotProtocolError extends Error {
  readonly frame: unknown;

  constructor(message: string, frame: unknown, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OneBotProtocolError';
    this.frame = frame;
  }
}

/** What a response envelope means for a call: its `data` on `ok`/`async`, a thrown error on `failed`. */
export function errorOfResponse(action: string, response: ActionResponse): OneBotActionError {
  const options = response.wording === undefined ? { response } : { response, wording: response.wording };
  return new OneBotActionError(action, response.retcode, response.message, options);
}

/** Where a protocol error goes when nobody gave a hook: a process warning, never a throw. */
export function warnProtocolError(error: OneBotProtocolError): void {
  process.emitWarning(error.message, {
    type: 'OneBotProtocolError',
    code: 'ONEBOT_PROTOCOL',
    detail: describe(error.frame),
  });
}

function describe(frame: unknown): string {
  const text = typeof frame === 'string' ? frame : (JSON.stringify(frame) ?? String(frame));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
