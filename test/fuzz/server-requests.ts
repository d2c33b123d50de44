/**
 * The requests the server fuzzer sends, as plain data (drawn in `server-arbitrary.ts`): valid calls,
 * wrong param types, unknown names, `_async`/`_rate_limited` suffixes, odd echoes, malformed or
 * non-object JSON, wrong content types, bodies and frames at and over the size limit, missing or
 * wrong tokens, binary frames, abrupt disconnects and slow clients. Also the arbitraries of their
 * parts: action names, params, targets, tokens.
 *
 * Each param value carries its own verdict (`ok`) and, when ok, the value the handler sees after the
 * documented string parsing (`want`), so the oracle never has to guess what a value means.
 */
import fc from 'fast-check';

/** One param: its JSON value, its query/form text (undefined: JSON only), whether it is valid. */
export interface Param {
  readonly name: string;
  readonly json: unknown;
  readonly text: string | undefined;
  readonly ok: boolean;
  /** The value after parsing, for fields the handler echoes back. */
  readonly want?: unknown;
}

/** Which of the two fuzzed servers: `token` requires an access token, `open` none. */
export type Target = 'token' | 'open';

/** How the token is presented; `query-wrong+bearer` sends a right query token beside a wrong header. */
export type Auth =
  | 'none'
  | 'bearer'
  | 'token-scheme'
  | 'query'
  | 'bearer-wrong'
  | 'query-wrong'
  | 'bearer-empty'
  | 'query-empty'
  | 'basic'
  | 'bearer-wrong+query';

/** A POST body: the params as JSON or form, or something else the server must refuse or ignore. */
export type Body =
  | { readonly kind: 'none' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'json' }
  | { readonly kind: 'form' }
  | { readonly kind: 'padded'; readonly bytes: number }
  | { readonly kind: 'raw'; readonly text: string };

export interface HttpRequest {
  readonly kind: 'http';
  readonly target: Target;
  readonly method: string;
  readonly path: string;
  readonly auth: Auth;
  /** Params in the query string (GET, or POST with an empty body) or in the body. */
  readonly params: readonly Param[];
  readonly placement: 'query' | 'body';
  /** With `body` placement: the same names also in the query with bad values (the body must win). */
  readonly decoy: boolean;
  /** Every query or form field given twice: the server sees a list, which no schema field accepts. */
  readonly repeat: boolean;
  readonly body: Body;
  readonly contentType: string | undefined;
  /** `drip`: the body in pieces with pauses; `abort`: the connection dropped before the body ends. */
  readonly delivery: 'normal' | 'drip' | 'abort';
}

/** A WebSocket frame: a call object, or text that is not one. */
export type Frame =
  | {
      readonly kind: 'call';
      readonly action: unknown;
      /** Params as a list, a non-object value, or left out. */
      readonly params: readonly Param[] | { readonly raw: unknown } | undefined;
      /** The echo, when the frame has one. */
      readonly echo: { readonly value: unknown } | undefined;
      /** Extra bytes of padding (a `pad` field of the frame), to reach or pass the size limit. */
      readonly pad: number;
    }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] };

export interface WsRequest {
  readonly kind: 'ws';
  readonly target: Target;
  /** A forward connection's path, or the server's reverse `Universal` connection. */
  readonly role: 'api' | 'universal' | 'event' | 'reverse';
  readonly frame: Frame;
  readonly binary: boolean;
  /** `abort`: the connection is terminated right after the frame is sent. */
  readonly delivery: 'normal' | 'abort';
}

/** A fresh WebSocket upgrade on `path` with `auth`; closed again once it opens. */
export interface UpgradeRequest {
  readonly kind: 'upgrade';
  readonly target: Target;
  readonly path: string;
  readonly auth: Auth;
}

/** A client that sends part of its headers and then nothing: the server must time it out. */
export interface StallRequest {
  readonly kind: 'stall';
  readonly target: Target;
}

export type ServerRequest = HttpRequest | WsRequest | UpgradeRequest | StallRequest;

/** Body size limit of the fuzzed servers, bytes: small, so over-limit bodies cost little. */
export const MAX_BODY_BYTES = 4096;
export const TOKEN = 'fuzz-token';

/** Actions with a handler; `set_restart` is listed but has none (unsupported). */
export const HANDLED = [
  'get_status',
  'send_private_msg',
  'clean_cache_async',
  'slow',
  'fail',
  'crash',
  'bad_data',
] as const;
export const UNSUPPORTED = 'set_restart';
const ODD_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '_async',
  '_rate_limited',
  'get_status_async_async',
  'clean_cache',
  'GET_STATUS',
  'get_status ',
  '.hidden',
  '',
];

const suffix = fc.constantFrom('', '', '', '_async', '_rate_limited');
/** Action names: mostly handled ones, some with a suffix, some unsupported or unknown. */
export const actionName: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...HANDLED), suffix).map(([a, s]) => a + s) },
  { weight: 1, arbitrary: suffix.map((s) => UNSUPPORTED + s) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const int = fc.integer({ min: 1, max: 2 ** 31 - 1 });
/** A param value without its name. */
type Value = Omit<Param, 'name'>;
const text = (value: string, ok: boolean, want?: unknown): Value => ({ json: value, text: value, ok, want });
const jsonOnly = (value: unknown): Value => ({ json: value, text: undefined, ok: false });

/** Values for each field of `send_private_msg`, good and bad; `textual` leaves out JSON-only ones. */
function fieldValues(name: string, textual: boolean) {
  const bad = (...values: unknown[]) => (textual ? [] : values.map((v) => fc.constant(jsonOnly(v))));
  if (name === 'user_id') {
    return {
      good: fc.oneof(
        int.map((n) => ({ json: n, text: String(n), ok: true, want: n })),
        int.map((n) => text(String(n), true, n)),
      ),
      bad: fc.oneof(
        fc.constantFrom('abc', '1.5', '', '12a').map((v) => text(v, false)),
        ...bad({}, [1, 2], 1.5),
      ),
    };
  }
  if (name === 'message') {
    return {
      good: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => text(s, true, s)),
      bad: textual ? fc.constant(undefined) : fc.oneof(...bad({ text: 'x' }, ['x'])),
    };
  }
  return {
    good: fc.oneof(
      fc.boolean().map((b) => ({ json: b, text: String(b), ok: true })),
      fc.constantFrom('true', 'false', '1', '0').map((v) => text(v, true)),
    ),
    bad: fc.oneof(
      fc.constantFrom('yes', '', '2').map((v) => text(v, false)),
      ...bad({}, 2),
    ),
  };
}

const EXTRA_NAMES = ['extra', 'group_id', '__proto__', 'constructor', 'a b', '名字', 'x&y=z', 'pad'];

/** Params for `action` (with any suffix): the schema fields of send_private_msg, and extra fields. */
export function paramsOf(action: string, textual: boolean): fc.Arbitrary<readonly Param[]> {
  const extraValue = textual
    ? fc.string({ maxLength: 8 }).map((s) => text(s, true))
    : fc.jsonValue({ maxDepth: 2 }).map((v) => ({ json: v, text: undefined, ok: true }));
  const extras = fc.uniqueArray(
    fc.tuple(fc.constantFrom(...EXTRA_NAMES), extraValue).map(([name, v]) => ({ ...v, name })),
    { maxLength: 2, selector: (p) => p.name },
  );
  if (!action.startsWith('send_private_msg')) return extras;
  const field = (name: string, presence: number) => {
    const { good, bad } = fieldValues(name, textual);
    const value = fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
    return fc.option(
      value.map((v: Value | undefined): Param | undefined => (v === undefined ? undefined : { ...v, name })),
      { freq: presence },
    );
  };
  return fc
    .tuple(field('user_id', 12), field('message', 12), field('auto_escape', 2), extras)
    .map(([a, b, c, rest]) => [a, b, c].filter((p): p is Param => p != null).concat(rest));
}

export const target: fc.Arbitrary<Target> = fc.constantFrom('token', 'token', 'open');
export const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Auth>('bearer', 'query', 'token-scheme') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Auth>(
      'none',
      'bearer-wrong',
      'query-wrong',
      'bearer-empty',
      'query-empty',
      'basic',
      'bearer-wrong+query',
    ),
  },
);
