/**
 * Reconnect delays: exponential backoff with jitter, so many clients that lost the same server do not
 * all come back in the same millisecond.
 *
 *     attempt 0 → initialDelayMs, 1 → ×factor, 2 → ×factor², …, capped at maxDelayMs,
 *     then each delay shortened by a random fraction of up to `jitter` (0.2 → 80–100 % of it).
 */

/** How a forward WebSocket reconnects after the connection drops or fails to open. */
export interface ReconnectOptions {
  /** Delay before the first retry, milliseconds. Default 500. */
  readonly initialDelayMs?: number;
  /** No delay is longer than this, milliseconds. Default 30 000. */
  readonly maxDelayMs?: number;
  /** Each retry waits this many times longer than the one before. Default 2. */
  readonly factor?: number;
  /** Fraction 0–1 of each delay that is random. Default 0.2. */
  readonly jitter?: number;
  /** Retries after a drop before giving up; Infinity (the default) never gives up. A successful open resets the count. */
  readonly maxAttempts?: number;
}

export const RECONNECT_DEFAULTS: Required<ReconnectOptions> = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.2,
  maxAttempts: Infinity,
};

/** The options with defaults filled in; throws RangeError on negative delays or a jitter outside 0–1. */
export function resolveReconnect(options: ReconnectOptions | undefined): Required<ReconnectOptions> {
  const resolved = { ...RECONNECT_DEFAULTS, ...options };
  if (resolved.initialDelayMs < 0 || resolved.maxDelayMs < 0 || resolved.factor < 1 || resolved.maxAttempts < 0) {
    throw new RangeError('reconnect: delays and maxAttempts must be ≥ 0 and factor ≥ 1');
  }
  if (resolved.jitter < 0 || resolved.jitter > 1) throw new RangeError('reconnect: jitter must be between 0 and 1');
  return resolved;
}

/** Milliseconds to wait before retry number `attempt` (0-based). `random` returns [0, 1), as Math.random. */
export function reconnectDelay(
  attempt: number,
  options: Required<ReconnectOptions>,
  random: () => number = Math.random,
): number {
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * options.factor ** attempt);
  return Math.round(base * (1 - options.jitter * random()));
}
