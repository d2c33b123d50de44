/**
 * The transport-independent core: one call frame in, one response envelope out. HTTP, forward
 * WebSocket, reverse WebSocket and quick operations all go through {@link Dispatcher.dispatch}, so
 * names, suffixes, validation, errors and logging behave the same everywhere.
 */
import {
  DEFAULTS,
  HTTP_STATUS,
  OneBotActionError,
  RETCODE,
  asyncResponse,
  failedResponse,
  okResponse,
  splitActionName,
  type ActionResponse,
  type CallMode,
  type Json,
} from '../protocol.js';
import { RateLimitQueue } from './rate-limit.js';
import type { HandlerContext, Transport } from './types.js';
import { ParamsValidator } from './validate.js';

/**
 * retcode of a call whose handler threw something other than a `OneBotActionError` (or one carrying
 * retcode 0 or 1, which cannot mean failure). 1500 follows the docs' 14xx ⇄ HTTP 4xx pattern for an
 * internal error and clashes with no retcode an implementation documents.
 */
export const HANDLER_ERROR_RETCODE = 1500;

/** Where a call came from; everything but `transport` is optional. */
export interface CallInfo {
  readonly transport: Transport;
  /**
   * Aborted when the caller goes away; the server's own signal is used when absent. A function is
   * called the first time a handler reads `ctx.signal`, so calls that never look cost nothing.
   */
  readonly signal?: AbortSignal | (() => AbortSignal) | undefined;
  readonly remoteAddress?: string | undefined;
  readonly connectionId?: number | undefined;
}

/**
 * The envelope to send and, for HTTP, the status to send it with: 404 for an unknown or unsupported
 * action, 200 for everything else (invalid params and failed calls included).
 */
export interface DispatchResult {
  readonly response: ActionResponse;
  readonly httpStatus: number;
}

type AnyHandler = (params: never, ctx: HandlerContext) => unknown;

/** What {@link Dispatcher} needs from the server options. */
export interface DispatcherOptions {
  readonly handlers: object;
  readonly actions: readonly string[];
  readonly paramsSchemas?: Readonly<Record<string, object>> | undefined;
  /** Schemas with an `$id` that params schemas `$ref`. */
  readonly sharedSchemas?: readonly object[] | undefined;
  readonly selfId: number | string;
  /** Milliseconds between `_rate_limited` runs; default `DEFAULTS.rateLimitIntervalMs`. */
  readonly rateLimitIntervalMs?: number | undefined;
  readonly onError: (error: unknown) => void;
  readonly log?: ((line: string) => void) | undefined;
}

/** Runs calls against the handlers; one per server. */
export class Dispatcher {
  readonly #handlers: ReadonlyMap<string, AnyHandler>;
  readonly #known: ReadonlySet<string>;
  readonly #isKnown: (name: string) => boolean;
  readonly #validator: ParamsValidator;
  readonly #queue: RateLimitQueue;
  readonly #closing = new AbortController();
  readonly #options: DispatcherOptions;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    // Own enumerable entries only: a lookup must never reach Object.prototype (`/constructor`).
    const entries = Object.entries(options.handlers).filter(([, h]) => typeof h === 'function');
    this.#handlers = new Map(entries as Array<[string, AnyHandler]>);
    this.#known = new Set([...options.actions, ...this.#handlers.keys()]);
    this.#isKnown = (name) => this.#known.has(name);
    this.#validator = new ParamsValidator(options.paramsSchemas, options.sharedSchemas);
    this.#queue = new RateLimitQueue(options.rateLimitIntervalMs ?? DEFAULTS.rateLimitIntervalMs, options.onError);
  }

  /** Aborted by {@link close}; the signal of background runs and of calls without a caller signal. */
  get signal(): AbortSignal {
    return this.#closing.signal;
  }

  /** `_rate_limited` runs waiting to start. */
  get queued(): number {
    return this.#queue.size;
  }

  /** Whether the implementation has a handler for exactly `action` (no suffix). */
  handles(action: string): boolean {
    return this.#handlers.has(action);
  }

  /** Whether `name` (with or without a suffix) is an action of the implementation. */
  has(name: string): boolean {
    return this.#known.has(splitActionName(name, this.#isKnown).action);
  }

  /**
   * Runs one call frame `{ action, params?, echo? }` (already parsed from JSON). A frame that is not
   * an object with a string `action` and object (or absent/null) `params` answers retcode 1400.
   * Never rejects.
   */
  dispatch(frame: unknown, info: CallInfo): Promise<DispatchResult> {
    const log = this.#options.log;
    const started = log === undefined ? 0 : performance.now();
    const result = this.#run(frame, info);
    if (log === undefined) return Promise.resolve(result);
    const write = (done: DispatchResult): DispatchResult => {
      const name = isObject(frame) && typeof frame['action'] === 'string' ? frame['action'] : '(malformed)';
      const ms = (performance.now() - started).toFixed(1);
      log(`${info.transport} ${name} retcode=${done.response.retcode} ${ms}ms`);
      return done;
    };
    return result instanceof Promise ? result.then(write) : Promise.resolve(write(result));
  }

  /** Aborts running handlers' signals and drops queued `_rate_limited` runs. */
  close(): void {
    this.#closing.abort();
    this.#queue.close();
  }

  // Synchronous until a handler returns a promise: most calls cost no promise but the one returned.
  #run(frame: unknown, info: CallInfo): DispatchResult | Promise<DispatchResult> {
    const echo = isObject(frame) ? (frame['echo'] as Json | undefined) : undefined;
    if (!isObject(frame) || typeof frame['action'] !== 'string') {
      return answer(failedResponse(RETCODE.badRequest, 'a call is an object with a string action', echo));
    }
    const rawParams = frame['params'] ?? {};
    if (!isObject(rawParams)) return answer(failedResponse(RETCODE.badRequest, 'params: must be object', echo));
    const { action, mode } = splitActionName(frame['action'], this.#isKnown);
    const handler = this.#handlers.get(action);
    if (handler === undefined) {
      const what = this.#known.has(action) ? 'unsupported' : 'unknown';
      return {
        response: failedResponse(RETCODE.notFound, `${what} action: ${action}`, echo),
        httpStatus: HTTP_STATUS.notFound,
      };
    }
    let problem: string | undefined;
    try {
      problem = this.#validator.check(action, rawParams);
    } catch (error) {
      this.#options.onError(error);
      return answer(failedResponse(HANDLER_ERROR_RETCODE, `params schema of ${action} does not compile`, echo));
    }
    if (problem !== undefined) return answer(failedResponse(RETCODE.badRequest, problem, echo));
    const ctx = this.#context(action, mode, echo, info);
    if (mode === 'sync') {
      const response = this.#call(handler, rawParams, ctx);
      return response instanceof Promise ? response.then(answer) : answer(response);
    }
    const run = async (): Promise<void> => {
      await handler(rawParams as never, ctx);
    };
    if (mode === 'async') setImmediate(() => run().catch(this.#options.onError));
    else this.#queue.push(run);
    return answer(asyncResponse(echo));
  }

  #call(handler: AnyHandler, params: object, ctx: HandlerContext): ActionResponse | Promise<ActionResponse> {
    let data: unknown;
    try {
      data = handler(params as never, ctx);
    } catch (error) {
      return this.#failure(error, ctx.echo);
    }
    if (!isThenable(data)) return okResponse(data === undefined ? null : data, ctx.echo);
    return Promise.resolve(data).then(
      (value) => okResponse(value === undefined ? null : value, ctx.echo),
      (error: unknown) => this.#failure(error, ctx.echo),
    );
  }

  #failure(error: unknown, echo: Json | undefined): ActionResponse {
    if (isActionError(error)) {
      const retcode =
        error.retcode === RETCODE.ok || error.retcode === RETCODE.async ? HANDLER_ERROR_RETCODE : error.retcode;
      return failedResponse(retcode, error.wording, echo);
    }
    this.#options.onError(error);
    return failedResponse(HANDLER_ERROR_RETCODE, error instanceof Error ? error.message : String(error), echo);
  }

  #context(action: string, mode: CallMode, echo: Json | undefined, info: CallInfo): HandlerContext {
    // Background runs outlive their caller: only closing the server cancels them.
    const signal = mode === 'sync' ? (info.signal ?? this.#closing.signal) : this.#closing.signal;
    return new CallContext(this.#options.selfId, action, mode, echo, info, signal);
  }
}

/** A class rather than a literal with a getter: one shape for every call keeps the hot path fast. */
class CallContext implements HandlerContext {
  readonly transport: Transport;
  readonly remoteAddress: string | undefined;
  readonly connectionId: number | undefined;
  #signal: AbortSignal | (() => AbortSignal);

  constructor(
    readonly selfId: number | string,
    readonly action: string,
    readonly mode: CallMode,
    readonly echo: Json | undefined,
    info: CallInfo,
    signal: AbortSignal | (() => AbortSignal),
  ) {
    this.transport = info.transport;
    this.remoteAddress = info.remoteAddress;
    this.connectionId = info.connectionId;
    this.#signal = signal;
  }

  get signal(): AbortSignal {
    if (typeof this.#signal === 'function') this.#signal = this.#signal();
    return this.#signal;
  }
}

/**
 * The JSON text of `response`, as every transport sends it. Data JSON cannot hold (a BigInt, a cycle)
 * makes `JSON.stringify` throw after the handler has returned: the call then answers like a handler
 * that threw (retcode {@link HANDLER_ERROR_RETCODE}, echo kept) and the error goes to `onError`, so
 * sending never throws where no one would catch it.
 */
export function responseText(response: ActionResponse, onError: (error: unknown) => void): string {
  try {
    return JSON.stringify(response);
  } catch (error) {
    onError(error);
    const why = `response data is not JSON: ${error instanceof Error ? error.message : String(error)}`;
    return JSON.stringify(failedResponse(HANDLER_ERROR_RETCODE, why, response.echo));
  }
}

function answer(response: ActionResponse): DispatchResult {
  return { response, httpStatus: HTTP_STATUS.ok };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** instanceof, or the same shape from another copy of protocol.ts (a bundler may duplicate it). */
function isActionError(error: unknown): error is OneBotActionError {
  if (error instanceof OneBotActionError) return true;
  return (
    error instanceof Error && error.name === 'OneBotActionError' && typeof Reflect.get(error, 'retcode') === 'number'
  );
}
