/**
 * The servers the fuzzer attacks: the real runtime (`generator/runtime/server`) with a small action
 * table, on 127.0.0.1 with HTTP and forward WebSocket on one port and a reverse WebSocket connection
 * out to the fuzzer, once with an access token and once without. Handlers answer at once, after a
 * timer (`slow`), with an action error (`fail`), by throwing (`crash`) or with data JSON cannot hold
 * (`bad_data`); the errors these cause are the only ones `onError` is expected to see.
 */
import { OneBotActionError } from '../../generator/runtime/protocol.js';
import { createOneBotServer, type OneBotServer } from '../../generator/runtime/server/index.js';
import { HANDLED, MAX_BODY_BYTES, TOKEN, UNSUPPORTED, type Target } from './server-requests.js';

/** The action table, shaped like a generated `Actions` interface. */
interface FuzzActions {
  get_status: { params: Record<string, never>; response: { online: boolean } };
  send_private_msg: {
    params: { user_id: number; message: string; auto_escape?: boolean };
    response: { message_id: number; message: string };
  };
  clean_cache_async: { params: Record<string, never>; response: null };
  slow: { params: Record<string, never>; response: { slow: boolean } };
  fail: { params: Record<string, never>; response: null };
  crash: { params: Record<string, never>; response: null };
  bad_data: { params: Record<string, never>; response: { id: bigint } };
  set_restart: { params: Record<string, never>; response: null };
}

/** The message of the error the `crash` handler throws. */
export const PLANTED = 'planted handler bug';

const SCHEMAS = {
  send_private_msg: {
    type: 'object',
    properties: { user_id: { type: 'integer' }, message: { type: 'string' }, auto_escape: { type: 'boolean' } },
    required: ['user_id', 'message'],
  },
};

/** A listening fuzzed server. */
export interface RunningServer {
  readonly server: OneBotServer;
  readonly port: number;
}

/** Errors passed to `onError`: those the handlers throw on purpose counted, any other kept. */
export interface ErrorLog {
  planted: number;
  readonly unexpected: unknown[];
}

/**
 * Starts the fuzzed server for `target`, connecting back to `reverseUrl` as a reverse `Universal`
 * client; `errors` collects what reaches `onError`.
 */
export async function startTarget(target: Target, errors: ErrorLog, reverseUrl: string): Promise<RunningServer> {
  const server = createOneBotServer<FuzzActions>({
    handlers: {
      get_status: () => ({ online: true }),
      send_private_msg: (params) => ({ message_id: params.user_id, message: params.message }),
      clean_cache_async: () => null,
      slow: () => new Promise((resolve) => setTimeout(() => resolve({ slow: true }), 2)),
      fail: () => {
        throw new OneBotActionError('fail', 100, 'no such group');
      },
      crash: () => {
        throw new Error(PLANTED);
      },
      // Data JSON cannot hold: sending it throws, and the server must answer (and live) all the same.
      bad_data: () => ({ id: 1n }),
    },
    actions: [...HANDLED, UNSUPPORTED],
    paramsSchemas: SCHEMAS,
    selfId: 10001000,
    http: { port: 0 },
    ws: 'same-port',
    accessToken: target === 'token' ? TOKEN : undefined,
    maxBodyBytes: MAX_BODY_BYTES,
    // Stalled clients are cut off after a second, so the few the fuzzer sends cost little time.
    requestTimeoutMs: 1000,
    rateLimitIntervalMs: 1,
    reverse: { url: reverseUrl, universal: true, reconnectIntervalMs: 20 },
    onError: (error) => {
      if (isPlanted(error)) errors.planted++;
      else errors.unexpected.push(error);
    },
  });
  const { httpPort } = await server.listen();
  return { server, port: httpPort ?? 0 };
}

/**
 * Whether `error` is one the handlers cause on purpose: the `crash` error, the `fail` action error
 * (background `_async`/`_rate_limited` runs have no caller to answer, so it goes to onError too), and
 * the TypeError of serialising `bad_data`.
 */
function isPlanted(error: unknown): boolean {
  if (error instanceof OneBotActionError) return error.retcode === 100;
  if (error instanceof TypeError) return error.message.includes('BigInt');
  return error instanceof Error && error.message === PLANTED;
}
