/**
 * The bytes of a fuzzed request: the HTTP path with its query, the headers and the body; the data of
 * a WebSocket frame. The sender puts these on the wire and the oracle reads their sizes, so both see
 * the same request.
 */
import { TOKEN, type Auth, type Frame, type HttpRequest, type Param } from './server-requests.js';

/** What goes on the wire for one HTTP request. */
export interface HttpParts {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
}

const WRONG_TOKEN = 'fuzz-tokeN';
/** Key of the padding field that brings a body or frame to a given size. */
export const PAD_KEY = '~pad';

/** Path with query, headers and body of `r`. */
export function httpParts(r: HttpRequest): HttpParts {
  const query = new URLSearchParams();
  if (r.placement === 'query') for (const [name, value] of textFields(r)) query.append(name, value);
  if (r.decoy) for (const p of r.params) query.append(p.name, 'decoy');
  const token = queryToken(r.auth);
  if (token !== undefined) query.append('access_token', token);
  const search = query.toString();
  const headers: Record<string, string> = {};
  const authorization = authorizationHeader(r.auth);
  if (authorization !== undefined) headers['authorization'] = authorization;
  if (r.contentType !== undefined) headers['content-type'] = r.contentType;
  return { path: search === '' ? r.path : `${r.path}?${search}`, headers, body: bodyOf(r) };
}

function bodyOf(r: HttpRequest): Buffer | undefined {
  const { body } = r;
  if (body.kind === 'none') return undefined;
  if (body.kind === 'empty') return Buffer.alloc(0);
  if (body.kind === 'raw') return Buffer.from(body.text);
  if (body.kind === 'form') return Buffer.from(new URLSearchParams(textFields(r)).toString());
  const object = objectOf(r.params);
  return Buffer.from(body.kind === 'padded' ? padded(object, body.bytes) : JSON.stringify(object));
}

/** Params as query or form fields, each twice when the request repeats them. */
function textFields(r: HttpRequest): Array<[string, string]> {
  return r.params.flatMap((p) =>
    Array.from({ length: r.repeat ? 2 : 1 }, (): [string, string] => [p.name, p.text ?? '']),
  );
}

/** Params as a JSON object; `Object.fromEntries` keeps a `__proto__` field as data. */
export function objectOf(params: readonly Param[]): Record<string, unknown> {
  return Object.fromEntries(params.map((p) => [p.name, p.json]));
}

/** `object` as JSON with a padding field, exactly `bytes` long unless the object alone is longer. */
function padded(object: Record<string, unknown>, bytes: number): string {
  const bare = JSON.stringify({ ...object, [PAD_KEY]: '' });
  const missing = bytes - Buffer.byteLength(bare);
  return missing <= 0 ? bare : JSON.stringify({ ...object, [PAD_KEY]: 'x'.repeat(missing) });
}

function authorizationHeader(auth: Auth): string | undefined {
  switch (auth) {
    case 'bearer':
      return `Bearer ${TOKEN}`;
    case 'token-scheme':
      return `Token ${TOKEN}`;
    case 'bearer-wrong':
    case 'bearer-wrong+query':
      return `Bearer ${WRONG_TOKEN}`;
    case 'bearer-empty':
      return 'Bearer ';
    case 'basic':
      return `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`;
    default:
      return undefined;
  }
}

function queryToken(auth: Auth): string | undefined {
  if (auth === 'query' || auth === 'bearer-wrong+query') return TOKEN;
  if (auth === 'query-wrong') return WRONG_TOKEN;
  return auth === 'query-empty' ? '' : undefined;
}

/** The query string and headers of a WebSocket upgrade presenting `auth`. */
export function upgradeAuth(auth: Auth): { search: string; headers: Record<string, string> } {
  const token = queryToken(auth);
  const authorization = authorizationHeader(auth);
  return {
    search: token === undefined ? '' : `?${new URLSearchParams({ access_token: token }).toString()}`,
    headers: authorization === undefined ? {} : { authorization },
  };
}

/** The text of a frame (bytes frames are not text: they go out as they are). */
export function frameData(frame: Frame): Buffer {
  if (frame.kind === 'bytes') return Buffer.from(frame.bytes);
  if (frame.kind === 'text') return Buffer.from(frame.text);
  const entries: Array<[string, unknown]> = [];
  if (frame.action !== undefined) entries.push(['action', frame.action]);
  if (Array.isArray(frame.params)) entries.push(['params', objectOf(frame.params)]);
  else if (frame.params !== undefined) entries.push(['params', (frame.params as { raw: unknown }).raw]);
  if (frame.echo !== undefined) entries.push(['echo', frame.echo.value]);
  const object = Object.fromEntries(entries);
  return Buffer.from(frame.pad > 0 ? padded(object, frame.pad) : JSON.stringify(object));
}
