/**
 * HTTP POST reports: one event per request to the configured URL, with `Content-Type:
 * application/json`, `X-Self-ID`, and `X-Signature: sha1=<hex HMAC-SHA1 of the body>` when a secret
 * is set. The receiver's answer is a quick operation: a JSON object body; 204 or an empty body means
 * none. Its `Content-Type` is not looked at, as the docs allow.
 */
import { HEADER, signBody } from '../protocol.js';
import type { JsonObject } from './types.js';

/** How to report. */
export interface ReportOptions {
  readonly url: string;
  readonly selfId: number | string;
  /** Milliseconds to wait for the whole answer; 0 waits forever. */
  readonly timeoutMs: number;
  readonly secret: string | undefined;
  /** Largest answer read, bytes; a longer one is an error. */
  readonly maxResponseBytes: number;
}

/** The receiver's HTTP status and the quick operation it answered with (undefined for none). */
export interface ReportResult {
  readonly status: number;
  readonly operation: JsonObject | undefined;
}

const NO_CONTENT = 204;

/**
 * Posts `body` (the event's JSON text; signed byte for byte as sent). Rejects on network errors, on
 * timeout, when `signal` aborts, and when a 2xx answer is neither empty nor a JSON object.
 */
export async function reportEvent(options: ReportOptions, body: string, signal: AbortSignal): Promise<ReportResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    [HEADER.selfId]: String(options.selfId),
  };
  if (options.secret) headers[HEADER.signature] = signBody(options.secret, body);
  const controller = new AbortController();
  const abort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', abort, { once: true });
  const timer =
    options.timeoutMs > 0
      ? setTimeout(() => controller.abort(new Error('HTTP POST timed out')), options.timeoutMs)
      : undefined;
  try {
    const response = await fetch(options.url, { method: 'POST', headers, body, signal: controller.signal });
    const text = await readLimited(response, options.maxResponseBytes);
    const ok = response.status >= 200 && response.status < 300;
    if (!ok || response.status === NO_CONTENT || text.trim() === '')
      return { status: response.status, operation: undefined };
    return { status: response.status, operation: parseOperation(text) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`HTTP POST answer over ${maxBytes} bytes`);
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function parseOperation(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`HTTP POST answer is not JSON: ${text.slice(0, 80)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`HTTP POST answer is not a JSON object: ${text.slice(0, 80)}`);
  }
  return value as JsonObject;
}
