/**
 * The OneBot 11 wire protocol as data: the action envelope, the response envelope, retcodes, the HTTP
 * status mapping, the `_async` / `_rate_limited` suffixes, hidden actions, auth headers and the
 * HTTP POST signature. Shared by the client, the server, the mock and the exports.
 *
 * Copied verbatim into `generated/runtime/`, so it imports nothing but Node built-ins.
 * Source: the docs' `communication/{http,http-post,ws,ws-reverse,authorization}.md` and `api/Introduction.md`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `status` of a response envelope: `ok` (retcode 0), `async` (retcode 1), `failed` (any other retcode). */
export type ResponseStatus = 'ok' | 'async' | 'failed';

/** Any JSON value; `echo` is returned exactly as it was sent. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * One action call, as sent over WebSocket (`{ action, params, echo }`) or, without `echo`, as the
 * HTTP path `/:action` plus a JSON body of `params`. `params` may be left out when the action has none.
 */
export interface ActionRequest<P = unknown> {
  readonly action: string;
  readonly params?: P;
  readonly echo?: Json;
}

/**
 * The response envelope. `data` is the action's documented response data, `null` for actions that
 * return nothing and always `null` when `status` is `async`. `message`/`wording` are the error text
 * some implementations add to a `failed` response.
 */
export interface ActionResponse<D = unknown> {
  readonly status: ResponseStatus;
  readonly retcode: number;
  readonly data: D;
  readonly message?: string;
  readonly wording?: string;
  readonly echo?: Json;
}

/** Retcodes the protocol itself defines; implementations add their own for `failed` calls. */
export const RETCODE = {
  ok: 0,
  async: 1,
  /** The request body or params are malformed (HTTP 400). */
  badRequest: 1400,
  /** No access token (HTTP 401). */
  unauthorized: 1401,
  /** Wrong access token (HTTP 403). */
  forbidden: 1403,
  /** Unknown action (HTTP 404). */
  notFound: 1404,
} as const;

/** HTTP status codes of the HTTP API; every other outcome, failed calls included, is 200. */
export const HTTP_STATUS = {
  ok: 200,
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  unsupportedContentType: 406,
} as const;

/** retcode of a WebSocket response ⇄ the HTTP status the same error gets over HTTP. */
export const RETCODE_HTTP_STATUS: Readonly<Record<number, number>> = {
  [RETCODE.badRequest]: HTTP_STATUS.badRequest,
  [RETCODE.unauthorized]: HTTP_STATUS.unauthorized,
  [RETCODE.forbidden]: HTTP_STATUS.forbidden,
  [RETCODE.notFound]: HTTP_STATUS.notFound,
};

/** The retcode a non-200 HTTP status stands for (400 → 1400, …); undefined for statuses outside the table. */
export function retcodeOfHttpStatus(status: number): number | undefined {
  for (const [retcode, http] of Object.entries(RETCODE_HTTP_STATUS)) if (http === status) return Number(retcode);
  return undefined;
}

/** `status` that goes with a retcode: 0 → ok, 1 → async, anything else → failed. */
export function statusOfRetcode(retcode: number): ResponseStatus {
  return retcode === RETCODE.ok ? 'ok' : retcode === RETCODE.async ? 'async' : 'failed';
}

/** Suffix that runs any action asynchronously: the response is `async` with `data: null`. */
export const ASYNC_SUFFIX = '_async';
/** Suffix that queues any action at the configured interval; the response is `async`. */
export const RATE_LIMITED_SUFFIX = '_rate_limited';
/** Hidden actions (for SDKs and implementations, not end users) start with a dot. */
export const HIDDEN_PREFIX = '.';

/** How an action name is to be run: as documented, `_async`, or `_rate_limited`. */
export type CallMode = 'sync' | 'async' | 'rate_limited';

/**
 * `send_msg_async` → `{ action: 'send_msg', mode: 'async' }`. A name that is itself documented
 * (`isKnown(name)`) is never split, so an action whose own name ends in `_async` keeps it.
 */
export function splitActionName(
  name: string,
  isKnown: (action: string) => boolean = () => false,
): {
  readonly action: string;
  readonly mode: CallMode;
} {
  if (isKnown(name)) return { action: name, mode: 'sync' };
  for (const [suffix, mode] of [
    [ASYNC_SUFFIX, 'async'],
    [RATE_LIMITED_SUFFIX, 'rate_limited'],
  ] as const) {
    if (name.endsWith(suffix) && name.length > suffix.length) return { action: name.slice(0, -suffix.length), mode };
  }
  return { action: name, mode: 'sync' };
}

/** Request and connection headers the protocol names. Node lower-cases incoming header names. */
export const HEADER = {
  authorization: 'Authorization',
  selfId: 'X-Self-ID',
  clientRole: 'X-Client-Role',
  signature: 'X-Signature',
} as const;

/** Role a reverse WebSocket connection announces in `X-Client-Role`. */
export type ClientRole = 'API' | 'Event' | 'Universal';
export const CLIENT_ROLES: readonly ClientRole[] = ['API', 'Event', 'Universal'];

/** Forward WebSocket paths: `/api` (calls), `/event` (pushed events), `/` (both). Trailing `/` allowed. */
export const WS_PATH = { api: '/api', event: '/event', universal: '/' } as const;

/** The query parameter that carries the token where headers cannot be set. */
export const ACCESS_TOKEN_QUERY = 'access_token';

/** Defaults from the docs' configuration tables. */
export const DEFAULTS = {
  httpPort: 5700,
  wsPort: 6700,
  /** `api.rate_limit_interval`, milliseconds between queued `_rate_limited` calls. */
  rateLimitIntervalMs: 500,
} as const;

/**
 * The token of an `Authorization` header: `Bearer <t>` as the docs say, and `Token <t>` as some
 * implementations send on reverse connections. Undefined when there is no usable token.
 */
export function tokenOfAuthorization(header: string | undefined): string | undefined {
  const match = /^\s*(?:Bearer|Token)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Result of checking a request's token against the configured one. */
export type AuthResult = 'ok' | 'missing' | 'wrong';

/**
 * Checks a request against `accessToken` (no token configured → always ok). The token may come from
 * the `Authorization` header or the `access_token` query parameter; compared in constant time.
 */
export function checkAccessToken(
  accessToken: string | undefined,
  given: { readonly authorization?: string | undefined; readonly query?: string | null | undefined },
): AuthResult {
  if (!accessToken) return 'ok';
  const token = tokenOfAuthorization(given.authorization) ?? given.query ?? undefined;
  if (token === undefined || token === '') return 'missing';
  return constantTimeEqual(token, accessToken) ? 'ok' : 'wrong';
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** HTTP status for a failed auth check: no token → 401, wrong token → 403. */
export function httpStatusOfAuth(result: Exclude<AuthResult, 'ok'>): number {
  return result === 'missing' ? HTTP_STATUS.unauthorized : HTTP_STATUS.forbidden;
}

/** `X-Signature` value of an HTTP POST report: `sha1=` + hex HMAC-SHA1 of the exact body bytes. */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}

/** Whether `signature` (an `X-Signature` header) matches `body` under `secret`; constant time. */
export function verifySignature(secret: string, body: string | Uint8Array, signature: string | undefined): boolean {
  return signature !== undefined && constantTimeEqual(signature, signBody(secret, body));
}

/** A response envelope for `data`: `ok`/retcode 0, with `echo` copied when the request had one. */
export function okResponse<D>(data: D, echo?: Json): ActionResponse<D> {
  return echo === undefined
    ? { status: 'ok', retcode: RETCODE.ok, data }
    : { status: 'ok', retcode: RETCODE.ok, data, echo };
}

/** The `async` envelope of `_async` and `_rate_limited` calls: retcode 1, `data: null`. */
export function asyncResponse(echo?: Json): ActionResponse<null> {
  return echo === undefined
    ? { status: 'async', retcode: RETCODE.async, data: null }
    : { status: 'async', retcode: RETCODE.async, data: null, echo };
}

/** A `failed` envelope with retcode (never 0 or 1), optional message/wording, `data: null`. */
export function failedResponse(retcode: number, message?: string, echo?: Json): ActionResponse<null> {
  const base = { status: 'failed' as const, retcode, data: null };
  const withText = message === undefined ? base : { ...base, message, wording: message };
  return echo === undefined ? withText : { ...withText, echo };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A frame is a response envelope when it has a `status` string and a numeric `retcode`. */
export function isActionResponse(frame: unknown): frame is ActionResponse {
  return isObject(frame) && typeof frame.status === 'string' && typeof frame.retcode === 'number';
}

/** A frame is an event when it has a `post_type` string (events never carry `echo`). */
export function isEventFrame(frame: unknown): frame is { readonly post_type: string } & Record<string, unknown> {
  return isObject(frame) && typeof frame.post_type === 'string';
}

/** A frame is an action request when it has an `action` string; `params` must be an object if present. */
export function isActionRequest(frame: unknown): frame is ActionRequest<Record<string, unknown>> {
  return isObject(frame) && typeof frame.action === 'string' && (frame.params === undefined || isObject(frame.params));
}

/**
 * A `failed` response, or a transport-level refusal, as an error. `retcode` is the envelope's (or the
 * retcode an HTTP status maps to); `message`/`wording` are the server's text when it sent any.
 */
export class OneBotActionError extends Error {
  readonly action: string;
  readonly retcode: number;
  readonly wording: string | undefined;
  readonly response: ActionResponse | undefined;

  constructor(
    action: string,
    retcode: number,
    message?: string,
    options?: { wording?: string; response?: ActionResponse },
  ) {
    super(`${action} failed with retcode ${retcode}${message ? `: ${message}` : ''}`);
    this.name = 'OneBotActionError';
    this.action = action;
    this.retcode = retcode;
    this.wording = options?.wording ?? message;
    this.response = options?.response;
  }
}
