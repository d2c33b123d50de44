/**
 * Params of an HTTP call: the query string, plus on POST an `application/x-www-form-urlencoded` or
 * `application/json` body (body fields win over query fields of the same name). Bodies are read
 * with a byte limit and refused as soon as they pass it, so a huge body never sits in memory.
 */
import type { IncomingMessage } from 'node:http';
import { ACCESS_TOKEN_QUERY, HTTP_STATUS } from '../protocol.js';

/** HTTP status for a body over the limit; the docs list none, so the standard one. */
export const PAYLOAD_TOO_LARGE = 413;

/**
 * Params to dispatch, or the status (and a short reason) to refuse the request with; status
 * undefined when the client went away mid-body and there is no one to answer.
 */
export type ParamsOutcome =
  | { readonly ok: true; readonly params: Record<string, unknown> }
  | { readonly ok: false; readonly status: number | undefined; readonly message: string };

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Reads the params of `req` (query from `search`, e.g. `?user_id=1`). `maxBytes` bounds the body.
 * Refusals: 406 for a POST body of another content type, 400 for a body that does not parse (or JSON
 * that is not an object), 413 for a body over `maxBytes`.
 */
export async function readParams(req: IncomingMessage, search: string, maxBytes: number): Promise<ParamsOutcome> {
  const query = search.length > 1 ? fieldsOf(new URLSearchParams(search)) : {};
  if (req.method !== 'POST') return { ok: true, params: query };
  const type = mediaType(req.headers['content-type']);
  if (type !== undefined && type !== JSON_TYPE && type !== FORM_TYPE) {
    return refuse(HTTP_STATUS.unsupportedContentType, `unsupported content type: ${type}`);
  }
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) return refuse(PAYLOAD_TOO_LARGE, `body over ${maxBytes} bytes`);
  const body = await readBody(req, maxBytes);
  if (body === 'aborted') return refuse(undefined, 'client went away');
  if (body === 'too-large') return refuse(PAYLOAD_TOO_LARGE, `body over ${maxBytes} bytes`);
  if (body.length === 0) return { ok: true, params: query };
  if (type === undefined) return refuse(HTTP_STATUS.unsupportedContentType, 'a body needs a content type');
  const parsed =
    type === JSON_TYPE ? parseJsonObject(body.toString('utf8')) : fieldsOf(new URLSearchParams(body.toString('utf8')));
  if (parsed === undefined) return refuse(HTTP_STATUS.badRequest, 'body is not a JSON object');
  return { ok: true, params: merge(query, parsed) };
}

function refuse(status: number | undefined, message: string): ParamsOutcome {
  return { ok: false, status, message };
}

/** `application/json; charset=utf-8` → `application/json`; undefined when there is no header. */
function mediaType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const semicolon = header.indexOf(';');
  return (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

/** The whole body; `too-large` once it passes `maxBytes` (reading stops there); `aborted` if cut off. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Buffer | 'too-large' | 'aborted'): void => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      // Nothing more is kept: the caller answers with `Connection: close`, and node destroys the
      // socket once that answer is flushed.
      if (body === 'too-large') req.pause();
      resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) finish('too-large');
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(Buffer.concat(chunks, size));
    const onAbort = (): void => finish('aborted');
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

/** Query or form fields; a name given more than once becomes an array of its values. */
function fieldsOf(search: URLSearchParams): Record<string, unknown> {
  const fields = new Map<string, string | string[]>();
  for (const [name, value] of search) {
    if (name === ACCESS_TOKEN_QUERY) continue;
    const before = fields.get(name);
    fields.set(name, before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value]);
  }
  // fromEntries defines own properties: a `__proto__` field stays data.
  return Object.fromEntries(fields);
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function merge(query: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> {
  for (const _ in query) return Object.fromEntries([...Object.entries(query), ...Object.entries(body)]);
  return body;
}
