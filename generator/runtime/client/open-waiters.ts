/**
 * Callers waiting for a connection to open: calls queued while a forward WebSocket (re)connects, and
 * `ready()`. Each waiter has its own deadline and abort signal; this path is off the hot path, so a
 * timer per waiter is fine.
 */
import { OneBotTimeoutError } from './errors.js';

interface Waiter {
  readonly label: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class OpenWaiters {
  readonly #waiters = new Set<Waiter>();

  get size(): number {
    return this.#waiters.size;
  }

  /**
   * Resolves at the next `openAll()`, rejects at `failAll(error)`, with `OneBotTimeoutError` (waiting
   * for a connection) `timeoutMs` milliseconds after `startedAt` (a `performance.now()` reading; Infinity:
   * never), or with the signal's reason.
   */
  wait(label: string, timeoutMs: number, signal?: AbortSignal, startedAt: number = performance.now()): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => waiter.reject(signal?.reason);
      const expire = () => waiter.reject(new OneBotTimeoutError(label, timeoutMs, 'connection'));
      const left = Math.max(0, startedAt + timeoutMs - performance.now());
      const timer = timeoutMs === Infinity ? undefined : setTimeout(expire, left);
      const done = () => {
        this.#waiters.delete(waiter);
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        label,
        resolve: () => (done(), resolve()),
        reject: (error) => (done(), reject(error)),
      };
      this.#waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  openAll(): void {
    for (const waiter of [...this.#waiters]) waiter.resolve();
  }

  /** Rejects every waiter; `errorOf` gets each waiter's label so the error can name the action. */
  failAll(errorOf: (label: string) => Error): void {
    for (const waiter of [...this.#waiters]) waiter.reject(errorOf(waiter.label));
  }
}
