/**
 * The queue behind `_rate_limited` calls: runs start one at a time, in arrival order, each at least
 * `intervalMs` after the previous one started and never before it finished. The first run of an idle
 * queue starts at once.
 */
export class RateLimitQueue {
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  #jobs: Array<() => Promise<void>> = [];
  #running = false;
  #lastStart = -Infinity;
  #closed = false;
  #timer: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;

  /** `intervalMs`: milliseconds between run starts. `onError` receives whatever a run throws. */
  constructor(intervalMs: number, onError: (error: unknown) => void) {
    this.#intervalMs = intervalMs;
    this.#onError = onError;
  }

  /** Runs waiting to start. */
  get size(): number {
    return this.#jobs.length;
  }

  /** Queues a run; ignored after {@link close}. */
  push(job: () => Promise<void>): void {
    if (this.#closed) return;
    this.#jobs.push(job);
    if (!this.#running) void this.#drain();
  }

  /** Drops the runs still waiting; a run in progress finishes on its own. */
  close(): void {
    this.#closed = true;
    this.#jobs = [];
    clearTimeout(this.#timer);
    this.#wake?.();
  }

  async #drain(): Promise<void> {
    this.#running = true;
    // The job is taken before the wait so that close() during the wait drops it with the rest.
    for (let job = this.#jobs.shift(); job !== undefined; job = this.#jobs.shift()) {
      await this.#waitUntil(this.#lastStart + this.#intervalMs);
      if (this.#closed) break;
      this.#lastStart = performance.now();
      try {
        await job();
      } catch (error) {
        this.#onError(error);
      }
    }
    this.#running = false;
  }

  /** Waits until `performance.now()` reaches `until`; loops because timers may fire a little early. */
  async #waitUntil(until: number): Promise<void> {
    for (let left = until - performance.now(); left > 0 && !this.#closed; left = until - performance.now()) {
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        this.#timer = setTimeout(resolve, Math.ceil(left));
      });
    }
  }
}
