/**
 * The oracle of the server fuzzer: what a OneBot 11 server must answer to each fuzzed request, from
 * the protocol rules (docs `communication/http.md`, `ws.md`, `authorization.md`, `api/Introduction.md`)
 * and the limits the runtime documents, written out here on their own (no runtime function is
 * called), in the order the checks apply:
 *
 * - HTTP: token (none → 401, wrong → 403), then method (not GET/POST → 405), then the action
 *   (unknown → 404), then the body (content type other than JSON/form → 406, over the limit → 413,
 *   a body without a type → 406, not a JSON object → 400), then the call.
 * - WebSocket frames: over the limit → close 1009, invalid UTF-8 in a text frame → close 1007, not
 *   JSON → 1400, on `/event` → 1404, not an object with a string `action` and object params → 1400,
 *   then the call.
 * - The call: unknown or unsupported action → 404/1404, invalid params → 1400, `_async` and
 *   `_rate_limited` → retcode 1, else the handler's answer; a handler that throws, or returns data
 *   JSON cannot hold, → 1500. Body params win over query params.
 */
import { isUtf8 } from 'node:buffer';
import { frameData, httpParts } from './server-encode.js';
import {
  HANDLED,
  MAX_BODY_BYTES,
  UNSUPPORTED,
  type Auth,
  type HttpRequest,
  type Param,
  type ServerRequest,
  type WsRequest,
} from './server-requests.js';

/** The answer a request deserves. */
export interface Expected {
  /** HTTP status (HTTP requests, upgrades and stalls). */
  readonly status?: number;
  /** The response envelope: retcode, data when the call succeeded, echo when the frame had one. */
  readonly envelope?: { readonly retcode: number; readonly data?: unknown; readonly echo?: { value: unknown } };
  /** WebSocket close code. */
  readonly close?: number;
  /** Nothing to check but that the server lives on (the client left). */
  readonly none?: true;
}

const NONE: Expected = { none: true };
/** retcode of a refusal's courtesy envelope: 1 + the status for the four the docs pair, else 1400. */
const REFUSAL_RETCODE: Record<number, number> = { 400: 1400, 401: 1401, 403: 1403, 404: 1404 };
const KNOWN = new Set<string>([...HANDLED, UNSUPPORTED]);

const refusal = (status: number): Expected => ({ status, envelope: { retcode: REFUSAL_RETCODE[status] ?? 1400 } });

/** What the server must answer to `r`. */
export function expected(r: ServerRequest): Expected {
  if (r.kind === 'http') return expectHttp(r);
  if (r.kind === 'ws') return expectFrame(r);
  if (r.kind === 'stall') return { status: 408 };
  const auth = r.target === 'token' ? authStatus(r.auth) : undefined;
  const trimmed = r.path.length > 1 && r.path.endsWith('/') ? r.path.slice(0, -1) : r.path;
  if (!['/api', '/event', '/'].includes(trimmed)) return { status: 404 };
  return { status: auth ?? 101 };
}

/** 401 for no usable token, 403 for a wrong one, undefined when the token is right. */
function authStatus(auth: Auth): number | undefined {
  if (auth === 'bearer' || auth === 'token-scheme' || auth === 'query') return undefined;
  return auth === 'bearer-wrong' || auth === 'query-wrong' || auth === 'bearer-wrong+query' ? 403 : 401;
}

function expectHttp(r: HttpRequest): Expected {
  if (r.delivery === 'abort') return NONE;
  const auth = r.target === 'token' ? authStatus(r.auth) : undefined;
  if (auth !== undefined) return refusal(auth);
  if (r.method !== 'GET' && r.method !== 'POST') return refusal(405);
  const call = classify(nameOfPath(r.path));
  if (call === undefined) return refusal(404);
  // A field given twice is a list, and every field of the schema wants a single value.
  const params = r.repeat ? r.params.map((p) => ({ ...p, ok: false })) : r.params;
  if (r.method === 'GET') return withStatus(expectCall(call, params));
  const type = r.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined && type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return refusal(406);
  }
  const body = httpParts(r).body ?? Buffer.alloc(0);
  if (body.length > MAX_BODY_BYTES) return refusal(413);
  if (body.length === 0) return withStatus(expectCall(call, r.placement === 'query' ? params : []));
  if (type === undefined) return refusal(406);
  if (type === 'application/json' && !isPlainObject(parseJson(body.toString()))) return refusal(400);
  return withStatus(expectCall(call, params));
}

/** `/send_msg` or `/send_msg/` → `send_msg`, percent-decoded when it decodes. */
function nameOfPath(path: string): string {
  const raw = path.slice(1, path.length > 1 && path.endsWith('/') ? -1 : undefined);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The action and mode a name stands for (a known name is never split); undefined when unknown. */
function classify(name: string): { action: string; mode: 'sync' | 'async' } | undefined {
  if (KNOWN.has(name)) return { action: name, mode: 'sync' };
  for (const suffix of ['_async', '_rate_limited']) {
    const base = name.slice(0, -suffix.length);
    if (name.endsWith(suffix) && base !== '' && KNOWN.has(base)) return { action: base, mode: 'async' };
  }
  return undefined;
}

/** The envelope of a call to a known action with `params` (after the body/query merge). */
function expectCall(call: { action: string; mode: 'sync' | 'async' }, params: readonly Param[]): Expected['envelope'] {
  if (!(HANDLED as readonly string[]).includes(call.action)) return { retcode: 1404 };
  if (!paramsValid(call.action, params)) return { retcode: 1400 };
  if (call.mode === 'async') return { retcode: 1 };
  const field = (name: string) => params.find((p) => p.name === name)?.want;
  switch (call.action) {
    case 'get_status':
      return { retcode: 0, data: { online: true } };
    case 'send_private_msg':
      return { retcode: 0, data: { message_id: field('user_id'), message: field('message') } };
    case 'slow':
      return { retcode: 0, data: { slow: true } };
    case 'fail':
      return { retcode: 100 };
    case 'crash':
    case 'bad_data':
      return { retcode: 1500 };
    default:
      return { retcode: 0, data: null };
  }
}

/** `send_private_msg` needs `user_id` and `message`; every field it declares must be valid. */
function paramsValid(action: string, params: readonly Param[]): boolean {
  if (action !== 'send_private_msg') return true;
  const fields = ['user_id', 'message', 'auto_escape'];
  const present = (name: string) => params.some((p) => p.name === name);
  return present('user_id') && present('message') && params.every((p) => p.ok || !fields.includes(p.name));
}

function withStatus(envelope: Expected['envelope']): Expected {
  return { status: envelope?.retcode === 1404 ? 404 : 200, envelope };
}

function expectFrame(r: WsRequest): Expected {
  if (r.delivery === 'abort') return NONE;
  const data = frameData(r.frame);
  if (data.length > MAX_BODY_BYTES) return { close: 1009 };
  if (!r.binary && !isUtf8(data)) return { close: 1007 };
  const frame = parseJson(data.toString('utf8'));
  if (frame === undefined) return { envelope: { retcode: 1400 } };
  const echo = isPlainObject(frame) && Object.hasOwn(frame, 'echo') ? { value: frame['echo'] } : undefined;
  const answer = (envelope: Expected['envelope']): Expected => ({ envelope: { ...envelope!, ...(echo && { echo }) } });
  if (r.role === 'event') return answer({ retcode: 1404 });
  if (!isPlainObject(frame) || typeof frame['action'] !== 'string') return answer({ retcode: 1400 });
  const params = frame['params'] ?? {};
  if (!isPlainObject(params)) return answer({ retcode: 1400 });
  const call = classify(frame['action']);
  if (call === undefined) return answer({ retcode: 1404 });
  const labelled = r.frame.kind === 'call' && Array.isArray(r.frame.params) ? r.frame.params : [];
  return answer(expectCall(call, labelled));
}

/** The parsed JSON, or undefined when `text` is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
