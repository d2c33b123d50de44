/**
 * The fast-check arbitrary of whole server requests ({@link serverRequest}): HTTP calls with their
 * method, path, token, content type, body and delivery; frames on forward WebSocket connections;
 * fresh upgrades; and clients that stall in their headers. Weighted so most requests are calls a
 * client would send and the costly kinds (slow, stalled) are rare.
 */
import fc from 'fast-check';
import {
  MAX_BODY_BYTES,
  actionName,
  auth,
  paramsOf,
  target,
  type Body,
  type Frame,
  type HttpRequest,
  type ServerRequest,
  type UpgradeRequest,
  type WsRequest,
} from './server-requests.js';

const ODD_PATHS = ['/', '//get_status', '/get_status/x', '/%zz', '/get%5Fstatus'];
const pathOf = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.tuple(actionName, fc.boolean()).map(([a, s]) => `/${encodeURIComponent(a)}${s ? '/' : ''}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_PATHS) },
);
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON'];
const FORM_TYPE = 'application/x-www-form-urlencoded';
const OTHER_TYPES = ['text/plain', 'multipart/form-data; boundary=x', 'application/jsonx', ''];
/** The right content type for a body most of the time; sometimes another, sometimes none. */
const typeFor = (right: readonly string[]) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...right) },
    { weight: 1, arbitrary: fc.constantFrom(...OTHER_TYPES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const MALFORMED = ['{', '{"user_id":', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":1}}', '\u0000', '{"a":"\\x"}'];
const NON_OBJECT = ['[]', '[{"user_id":1}]', '1', '"text"', 'null', 'true'];

/** A POST body of one kind with its content type; params in the query unless the body holds them. */
const postBody = fc.oneof(
  { weight: 10, arbitrary: fc.record({ body: fc.constant<Body>({ kind: 'json' }), contentType: typeFor(JSON_TYPES) }) },
  { weight: 4, arbitrary: fc.record({ body: fc.constant<Body>({ kind: 'form' }), contentType: typeFor([FORM_TYPE]) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      body: fc.constantFrom<Body>({ kind: 'empty' }, { kind: 'none' }),
      contentType: typeFor([...JSON_TYPES, FORM_TYPE]),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      body: fc.constantFrom(...MALFORMED, ...NON_OBJECT).map((t): Body => ({ kind: 'raw', text: t })),
      contentType: typeFor(JSON_TYPES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      body: fc
        .oneof(fc.constantFrom(MAX_BODY_BYTES, MAX_BODY_BYTES + 1), fc.integer({ min: 100, max: 4 * MAX_BODY_BYTES }))
        .map((bytes): Body => ({ kind: 'padded', bytes })),
      contentType: typeFor(JSON_TYPES),
    }),
  },
);

const method = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('GET', 'POST') },
  { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS') },
);
const delivery = fc.oneof(
  { weight: 60, arbitrary: fc.constant('normal' as const) },
  { weight: 1, arbitrary: fc.constantFrom('drip' as const, 'abort' as const) },
);

/** An HTTP API request. */
export const httpRequest: fc.Arbitrary<HttpRequest> = fc
  .record({
    target,
    method,
    path: pathOf,
    auth,
    post: postBody,
    delivery,
    decoy: fc.boolean(),
    repeat: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .chain((r) => {
    const action = decodeSafe(r.path.slice(1));
    const inBody = r.method === 'POST' && ['json', 'form', 'padded'].includes(r.post.body.kind);
    const textual = !inBody || r.post.body.kind === 'form';
    return paramsOf(action, textual).map((params): HttpRequest => ({
      kind: 'http',
      target: r.target,
      method: r.method,
      path: r.path,
      auth: r.auth,
      params,
      placement: inBody ? 'body' : 'query',
      decoy: inBody && r.decoy,
      repeat: textual && r.repeat,
      body: r.method === 'POST' ? r.post.body : { kind: 'none' },
      contentType: r.method === 'POST' ? r.post.contentType : undefined,
      // A GET has no body to drip, but its client may still leave before the answer.
      delivery: r.method === 'POST' || r.delivery === 'abort' ? r.delivery : 'normal',
    }));
  });

function decodeSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const echo = fc.option(
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(
      null,
      '',
      0,
      -1,
      2 ** 53,
      '\u2028',
      '</script>',
      JSON.parse('{"__proto__":1}') as unknown,
      'x'.repeat(500),
    ),
  ),
  { freq: 3, nil: undefined },
);
const NON_STRING_ACTIONS = [undefined, null, 1, ['get_status'], { action: 'get_status' }, true];

/** A call frame: mostly a good one, sometimes with a non-string action or non-object params, padded at times. */
const callFrame: fc.Arbitrary<Frame> = fc
  .record({
    action: fc.oneof(
      { weight: 20, arbitrary: actionName },
      { weight: 1, arbitrary: fc.constantFrom(...NON_STRING_ACTIONS) },
    ),
    echo,
    shape: fc.constantFrom('params', 'params', 'params', 'params', 'absent', 'raw'),
    raw: fc.constantFrom<unknown>(null, [], [1], 'params', 0, false),
    pad: fc.oneof(
      { weight: 30, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: MAX_BODY_BYTES - 80, max: 3 * MAX_BODY_BYTES }) },
    ),
  })
  .chain((r) =>
    paramsOf(typeof r.action === 'string' ? r.action : '', false).map((params): Frame => ({
      kind: 'call',
      action: r.action,
      params: r.shape === 'params' ? params : r.shape === 'raw' ? { raw: r.raw } : undefined,
      echo: r.echo === undefined ? undefined : { value: r.echo },
      pad: r.pad,
    })),
  );

const frame: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 20, arbitrary: callFrame },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...MALFORMED, ...NON_OBJECT).map((t): Frame => ({ kind: 'text', text: t })),
  },
  { weight: 1, arbitrary: fc.array(fc.nat(255), { maxLength: 24 }).map((b): Frame => ({ kind: 'bytes', bytes: b })) },
);

/** A frame on a pooled forward WebSocket connection. */
export const wsRequest: fc.Arbitrary<WsRequest> = fc.record({
  kind: fc.constant('ws' as const),
  target,
  role: fc.constantFrom<WsRequest['role']>('api', 'api', 'universal', 'event', 'reverse'),
  frame,
  binary: fc.constantFrom(false, false, false, true),
  delivery: fc.oneof(
    { weight: 40, arbitrary: fc.constant('normal' as const) },
    { weight: 1, arbitrary: fc.constant('abort' as const) },
  ),
});

const upgradeRequest: fc.Arbitrary<UpgradeRequest> = fc.record({
  kind: fc.constant('upgrade' as const),
  target,
  path: fc.constantFrom('/api', '/event', '/', '/api/', '/nope', '/api/x'),
  auth,
});

/** Every kind of request, weighted so that most are calls and few are slow. */
export const serverRequest: fc.Arbitrary<ServerRequest> = fc.oneof(
  { weight: 300, arbitrary: httpRequest },
  { weight: 200, arbitrary: wsRequest },
  { weight: 10, arbitrary: upgradeRequest },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stall' as const), target }) },
);
