/**
 * Compares what the server answered with what the oracle wants, and names each request's kind for
 * the counts. One comparison for every kind of request, so none can be checked against the wrong thing.
 */
import { isDeepStrictEqual } from 'node:util';
import { frameData, httpParts } from './server-encode.js';
import type { Expected } from './server-oracle.js';
import { MAX_BODY_BYTES, type ServerRequest } from './server-requests.js';
import type { Observed } from './server-send.js';

/** Why `got` is not the answer `want` describes; undefined when it is. */
export function problemOf(want: Expected, got: Observed): string | undefined {
  if (want.none) return undefined;
  if (got.error !== undefined) return `client error: ${got.error}`;
  if (want.close !== undefined) return got.close === want.close ? undefined : `want close ${want.close}`;
  if (got.close !== undefined) return `closed with ${got.close}`;
  if (want.status !== undefined && got.status !== want.status) return `want status ${want.status}, got ${got.status}`;
  if (want.envelope === undefined) return undefined;
  const { retcode, data, echo } = want.envelope;
  const wanted: Record<string, unknown> = {
    status: retcode === 0 ? 'ok' : retcode === 1 ? 'async' : 'failed',
    retcode,
    data: retcode === 0 ? data : null,
  };
  if (echo !== undefined) wanted['echo'] = JSON.parse(JSON.stringify(echo.value)) as unknown;
  const body = got.body;
  if (typeof body !== 'object' || body === null) return `want an envelope, got ${JSON.stringify(body)}`;
  const seen = Object.fromEntries(Object.keys(wanted).map((key) => [key, (body as Record<string, unknown>)[key]]));
  if ('echo' in body && echo === undefined) return 'an echo the request did not have';
  return isDeepStrictEqual(seen, wanted) ? undefined : `want ${JSON.stringify(wanted)}`;
}

/** The kind a request is counted under: `http-get`, `http-over-limit`, `ws-reverse-abort`, `stall`, … */
export function kindOf(r: ServerRequest): string {
  if (r.kind === 'http') {
    if (r.delivery !== 'normal') return `http-${r.delivery}`;
    if ((httpParts(r).body?.length ?? 0) > MAX_BODY_BYTES) return 'http-over-limit';
    if (r.method === 'GET') return 'http-get';
    return r.method === 'POST' ? `http-post-${r.body.kind}` : 'http-bad-method';
  }
  if (r.kind !== 'ws') return r.kind;
  const ws = r.role === 'reverse' ? 'ws-reverse' : 'ws';
  if (r.delivery === 'abort') return `${ws}-abort`;
  if (frameData(r.frame).length > MAX_BODY_BYTES) return `${ws}-over-limit`;
  return `${ws}-${r.binary ? 'binary' : 'text'}-${r.frame.kind}`;
}

/** `status 200`, `retcode 1404`, `close 1009`: the outcomes counted as distinct. */
export function outcomesOf(got: Observed): string[] {
  const out: string[] = [];
  if (got.status !== undefined) out.push(`status ${got.status}`);
  const retcode = (got.body as { retcode?: unknown } | undefined)?.retcode;
  if (typeof retcode === 'number') out.push(`retcode ${retcode}`);
  if (got.close !== undefined) out.push(`close ${got.close}`);
  if (got.none) out.push('no answer (client left)');
  return out;
}
