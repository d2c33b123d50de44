/**
 * The seam between {@link OneBotClient} and the wire. A transport sends one action request and returns
 * its response envelope (any status: the client turns `failed` into an error), and delivers pushed
 * events. HTTP, forward WebSocket and one bot of a reverse WebSocket server each implement it.
 */
import type { ActionRequest, ActionResponse } from '../protocol.js';

/** Per-call options a transport honours. */
export interface TransportRequestOptions {
  /** Give up after this many milliseconds with a `OneBotTimeoutError`; the transport's default when absent. */
  readonly timeoutMs?: number | undefined;
  /** Aborting rejects the call with the signal's reason; a response that comes later is dropped. */
  readonly signal?: AbortSignal | undefined;
}

/** An event as pushed: a JSON object with a `post_type` string, otherwise as the implementation sent it. */
export type EventFrame = { readonly post_type: string } & Readonly<Record<string, unknown>>;

/** Where an event came from. `selfId` is the bot's QQ number when the transport knows it (reverse WebSocket). */
export interface EventSource {
  readonly selfId?: number;
}

/** Receives every event a transport gets. Must not throw; the client wraps user listeners so they cannot. */
export type EventFrameListener = (event: EventFrame, source: EventSource) => void;

/**
 * What a client needs from a connection.
 *
 * - `request` resolves with the response envelope whatever its `status`; it rejects only when there is
 *   no envelope: `OneBotConnectionError`, `OneBotTimeoutError`, `OneBotHttpError` (HTTP status ≠ 200),
 *   `OneBotProtocolError` (an unreadable HTTP body), or the abort signal's reason.
 * - `onEvent` subscribes to pushed events and returns the unsubscribe function. Transports without
 *   events (HTTP) accept the listener and never call it.
 * - `close` stops the transport: pending calls reject with `OneBotConnectionError`, no reconnects.
 */
export interface ClientTransport {
  request(request: ActionRequest, options?: TransportRequestOptions): Promise<ActionResponse>;
  onEvent(listener: EventFrameListener): () => void;
  close(): Promise<void>;
}

/**
 * A set of event listeners that survives reconnects (the transport owns it, not the socket). Each
 * listener is called in its own try/catch so one that throws cannot starve the others; the error goes
 * to `onError`.
 */
export class EventFanout {
  readonly #listeners = new Set<EventFrameListener>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Adds a listener; the returned function removes it (calling it twice is harmless). */
  add(listener: EventFrameListener): () => void {
    // A wrapper per subscription, so subscribing the same function twice gives two independent entries.
    const entry: EventFrameListener = (event, source) => listener(event, source);
    this.#listeners.add(entry);
    return () => void this.#listeners.delete(entry);
  }

  emit(event: EventFrame, source: EventSource): void {
    for (const listener of this.#listeners) {
      try {
        listener(event, source);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /** How many listeners are subscribed; tests use it to show reconnects do not add any. */
  get size(): number {
    return this.#listeners.size;
  }

  clear(): void {
    this.#listeners.clear();
  }
}
