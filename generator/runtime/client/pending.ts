/**
 * Calls in flight on one WebSocket-like channel, matched to responses by `echo`.
 *
 *     send  {"action":"get_status","params":{},"echo":17}
 *     recv  {"status":"ok","retcode":0,"data":{…},"echo":17}   → resolves call 17, whatever order replies come in
 *     recv  {"post_type":"notice",…}                            → onEvent
 *     recv  anything else                                       → onProtocolError, never a throw
 *
 * Timeouts share one timer armed for the earliest deadline (a call with the usual default timeout
 * never moves it earlier, so the hot path sets no timer), and the sweep that fires it rejects every
 * expired call at once.
 */
import { type ActionRequest, type ActionResponse, isActionResponse, isEventFrame } from '../protocol.js';
import { OneBotProtocolError, OneBotTimeoutError } from './errors.js';
import type { EventFrame } from './transport.js';

interface Pending {
  readonly action: string;
  readonly timeoutMs: number;
  /** `performance.now()` milliseconds; Infinity for a call without timeout. */
  readonly deadline: number;
  readonly resolve: (response: ActionResponse) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
}

/** setTimeout cannot wait longer than this (about 24.8 days); longer deadlines re-arm on the way. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class PendingCalls {
  readonly #pending = new Map<number, Pending>();
  #nextEcho = 1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Infinity;

  /**
   * @param onProtocolError gets every frame that is not JSON, not an envelope or event, or a response
   *   whose `echo` matches no pending call (a late answer to a call that timed out, or a server bug).
   */
  constructor(private readonly onProtocolError: (error: OneBotProtocolError) => void) {}

  /** Calls waiting for a response. */
  get size(): number {
    return this.#pending.size;
  }

  /**
   * Sends `request` through `send` with a fresh numeric `echo` (any `echo` on the request is replaced)
   * and resolves with the matching response envelope. `timeoutMs` is milliseconds (Infinity: none)
   * counted from `startedAt` (a `performance.now()` reading, earlier for a call that waited for the
   * connection); rejects with `OneBotTimeoutError` at the deadline, with the signal's reason on abort,
   * or with what `send` throws.
   */
  call(
    send: (text: string) => void,
    request: ActionRequest,
    timeoutMs: number,
    signal?: AbortSignal,
    startedAt?: number,
  ): Promise<ActionResponse> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const echo = this.#nextEcho++;
    const text = JSON.stringify({ action: request.action, params: request.params ?? {}, echo });
    return new Promise<ActionResponse>((resolve, reject) => {
      const onAbort = signal ? () => this.#settle(echo)?.reject(signal.reason) : undefined;
      const deadline = timeoutMs === Infinity ? Infinity : (startedAt ?? performance.now()) + timeoutMs;
      const entry = { action: request.action, timeoutMs, deadline, resolve, reject, signal, onAbort };
      this.#pending.set(echo, entry);
      try {
        send(text);
      } catch (error) {
        this.#settle(echo);
        reject(error);
        return;
      }
      if (signal) signal.addEventListener('abort', onAbort!, { once: true });
      if (deadline < this.#timerAt) this.#arm(deadline);
    });
  }

  /** Routes one incoming text frame: a response to its call, an event to `onEvent`, the rest to the hook. */
  receive(text: string, onEvent: (event: EventFrame) => void): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch (error) {
      this.onProtocolError(new OneBotProtocolError('Received a frame that is not JSON', text, { cause: error }));
      return;
    }
    if (isActionResponse(frame) && frame.echo !== undefined) return this.#respond(frame);
    if (isEventFrame(frame)) return onEvent(frame);
    const what = isActionResponse(frame)
      ? 'Received a response without echo, so no call can be matched to it'
      : 'Received a frame that is neither a response envelope nor an event';
    this.onProtocolError(new OneBotProtocolError(what, frame));
  }

  /** Rejects every pending call with `errorOf(action)` right away, e.g. when the socket closes. */
  rejectAll(errorOf: (action: string) => Error): void {
    const entries = [...this.#pending.values()];
    this.#pending.clear();
    this.#disarm();
    for (const entry of entries) {
      entry.signal?.removeEventListener('abort', entry.onAbort!);
      entry.reject(errorOf(entry.action));
    }
  }

  #respond(response: ActionResponse): void {
    const { echo } = response;
    // We send numbers; a server that stringifies echo (`"17"`) still matches.
    const key = typeof echo === 'number' ? echo : typeof echo === 'string' && echo !== '' ? Number(echo) : NaN;
    const entry = this.#settle(key);
    if (entry) entry.resolve(response);
    else
      this.onProtocolError(new OneBotProtocolError(`Received a response whose echo matches no pending call`, response));
  }

  /** Removes a call from the table and detaches its abort listener; undefined when it was already settled. */
  #settle(echo: number): Pending | undefined {
    const entry = this.#pending.get(echo);
    if (!entry) return undefined;
    this.#pending.delete(echo);
    if (entry.signal) entry.signal.removeEventListener('abort', entry.onAbort!);
    // The timer stays armed when the table empties: clearing and re-arming it per call would cost a
    // timer per call; firing once over an empty table costs nothing.
    return entry;
  }

  #arm(deadline: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = deadline;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(deadline - performance.now())));
    this.#timer = setTimeout(() => this.#sweep(), delay);
    // The socket keeps the process alive while calls are pending; the timer need not.
    this.#timer.unref();
  }

  #disarm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }

  #sweep(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const [echo, entry] of this.#pending) {
      if (entry.deadline <= now) {
        this.#settle(echo);
        entry.reject(new OneBotTimeoutError(entry.action, entry.timeoutMs));
      } else if (entry.deadline < next) next = entry.deadline;
    }
    if (next < Infinity && this.#pending.size > 0) this.#arm(next);
  }
}
