/**
 * Shared setup of the server runtime tests: a small action table with handlers that record their
 * calls, a server on 127.0.0.1 port 0, raw `ws` clients, and one cleanup that closes everything a
 * test opened. Every test file calls `afterEach(cleanup)`.
 */
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import { OneBotActionError } from '../../../generator/runtime/protocol.js';
import {
  createOneBotServer,
  type HandlerContext,
  type Handlers,
  type OneBotServer,
  type ServerOptions,
} from '../../../generator/runtime/server/index.js';

/** The action table the tests serve, shaped like a generated `Actions` interface. */
export interface TestActions {
  get_status: { params: Record<string, never>; response: { online: boolean } };
  send_private_msg: {
    params: { user_id: number; message: string; auto_escape?: boolean };
    response: { message_id: number };
  };
  get_image: { params: { file: string; no_cache?: boolean }; response: { file: string } };
  send_msg: { params: Record<string, unknown>; response: { message_id: number } };
  /** A documented action whose own name ends in `_async`: never split. */
  clean_cache_async: { params: Record<string, never>; response: null };
  fail: { params: Record<string, never>; response: null };
  crash: { params: Record<string, never>; response: null };
  /** Listed in `actions`, no handler: unsupported. */
  set_restart: { params: Record<string, never>; response: null };
}

export const ACTIONS = [
  'clean_cache',
  'clean_cache_async',
  'crash',
  'fail',
  'get_image',
  'get_status',
  'send_msg',
  'send_private_msg',
  'set_restart',
] as const;

export const PARAMS_SCHEMAS = {
  send_private_msg: {
    type: 'object',
    properties: { user_id: { type: 'integer' }, message: { type: 'string' }, auto_escape: { type: 'boolean' } },
    required: ['user_id', 'message'],
  },
  get_image: {
    type: 'object',
    properties: { file: { type: 'string' }, no_cache: { type: 'boolean' } },
    required: ['file'],
  },
} as const;

/** One recorded handler run. */
export interface Run {
  readonly action: string;
  readonly params: unknown;
  readonly ctx: HandlerContext;
  readonly at: number;
}

export interface TestServer {
  readonly server: OneBotServer;
  readonly http: string;
  readonly ws: string;
  readonly runs: Run[];
  readonly errors: unknown[];
  readonly logs: string[];
}

const closers: Array<() => unknown> = [];

/** Closes every server, socket and receiver the test opened; `afterEach(cleanup)`. */
export async function cleanup(): Promise<void> {
  const pending = closers.splice(0).reverse();
  for (const close of pending) await close();
}

/** Registers something for {@link cleanup}. */
export function onCleanup(close: () => unknown): void {
  closers.push(close);
}

/** Handlers that record every run; `message_id` counts sends. */
export function recordingHandlers(runs: Run[]): Partial<Handlers<TestActions>> {
  const record = (action: string, params: unknown, ctx: HandlerContext): void => {
    runs.push({ action, params, ctx, at: performance.now() });
  };
  return {
    get_status: (params, ctx) => (record('get_status', params, ctx), { online: true }),
    send_private_msg: (params, ctx) => (record('send_private_msg', params, ctx), { message_id: runs.length }),
    get_image: (params, ctx) => (record('get_image', params, ctx), { file: params.file }),
    send_msg: (params, ctx) => (record('send_msg', params, ctx), { message_id: runs.length }),
    clean_cache_async: (params, ctx) => (record('clean_cache_async', params, ctx), null),
    fail: () => {
      throw new OneBotActionError('fail', 100, 'no such group');
    },
    crash: () => {
      throw new Error('handler bug');
    },
  };
}

/** A listening server with HTTP and forward WebSocket on the same port unless `overrides` say otherwise. */
export async function startServer(overrides: Partial<ServerOptions<TestActions>> = {}): Promise<TestServer> {
  const runs: Run[] = [];
  const errors: unknown[] = [];
  const logs: string[] = [];
  const server = createOneBotServer<TestActions>({
    handlers: recordingHandlers(runs),
    actions: ACTIONS,
    paramsSchemas: PARAMS_SCHEMAS,
    selfId: 10001000,
    http: { port: 0 },
    ws: 'same-port',
    onError: (error) => errors.push(error),
    log: (line) => logs.push(line),
    ...overrides,
  });
  onCleanup(() => server.close());
  const { httpPort, wsPort } = await server.listen();
  return { server, http: `http://127.0.0.1:${httpPort}`, ws: `ws://127.0.0.1:${wsPort}`, runs, errors, logs };
}

/** A raw `ws` client with its incoming frames queued as parsed JSON. */
export class Client {
  readonly socket: WebSocket;
  readonly #frames: unknown[] = [];
  readonly #waiters: Array<(frame: unknown) => void> = [];

  constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      const frame: unknown = JSON.parse(String(data));
      const waiter = this.#waiters.shift();
      if (waiter) waiter(frame);
      else this.#frames.push(frame);
    });
  }

  /** The next frame, in arrival order; rejects after `timeoutMs`. */
  next(timeoutMs = 2000): Promise<unknown> {
    if (this.#frames.length > 0) return Promise.resolve(this.#frames.shift());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no frame within timeout')), timeoutMs);
      this.#waiters.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  /** Sends `frame` (JSON-encoded unless it is already a string) and resolves with the next frame. */
  call(frame: unknown): Promise<unknown> {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    return this.next();
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }
}

/** Opens a raw client; rejects with the refusal's HTTP status when the upgrade is refused. */
export function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const socket = new WebSocket(url, { headers });
  onCleanup(() => socket.terminate());
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(new Client(socket)));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

/** The one assertion the tables go through. */
export function check<T>(got: T, want: T, label?: string): void {
  expect(got, label).toStrictEqual(want);
}

/** Waits until `condition()` holds, polling every 5 ms, at most `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met within timeout');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
