/** Shared pieces of the client runtime tests: cleanup, rejection capture, and a fake bot for reverse WebSocket. */
import { afterEach, expect } from 'vitest';
import { WebSocket } from 'ws';
import { type ActionResponse, isActionRequest } from '../../../generator/runtime/protocol.js';

/** Closes everything handed to `track` after each test, newest first, so no socket outlives its test. */
export function useCleanup(): <T extends { close(): unknown }>(closable: T) => T {
  const closables: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const closable of closables.splice(0).reverse()) await closable.close();
  });
  return (closable) => (closables.push(closable), closable);
}

/** The reason `promise` rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    const value = await promise;
    expect.fail(`expected a rejection, got ${JSON.stringify(value)}`);
  } catch (error) {
    return error;
  }
}

/** Milliseconds since `start` (a performance.now() reading). */
export const since = (start: number) => performance.now() - start;

/** Resolves when `predicate` holds, checking every 5 ms for at most `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface FakeBotOptions {
  readonly selfId?: string;
  readonly role?: string;
  /** The whole `Authorization` header value, e.g. `Bearer t` or `Token t`. */
  readonly authorization?: string;
  /** Answers each request; default `ok` with `{ selfId }` as data. */
  readonly answer?: (action: string, params: unknown) => ActionResponse | undefined;
}

/**
 * An implementation connecting to a reverse WebSocket server, as a bot would. Resolves with the open
 * socket, or rejects with the HTTP status of a refused upgrade (as `Error('HTTP <status>')`).
 */
export function connectBot(url: string, options: FakeBotOptions = {}): Promise<WebSocket> {
  const headers: Record<string, string> = {};
  if (options.selfId !== undefined) headers['X-Self-ID'] = options.selfId;
  if (options.role !== undefined) headers['X-Client-Role'] = options.role;
  if (options.authorization !== undefined) headers['Authorization'] = options.authorization;
  const socket = new WebSocket(url, { headers });
  socket.on('message', (data) => {
    const frame: unknown = JSON.parse(String(data));
    if (!isActionRequest(frame)) return;
    const response = options.answer
      ? options.answer(frame.action, frame.params)
      : { status: 'ok', retcode: 0, data: { selfId: options.selfId, action: frame.action } };
    if (response) socket.send(JSON.stringify({ ...response, echo: frame.echo }));
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`HTTP ${response.statusCode}`));
      response.resume();
      socket.terminate();
    });
    socket.once('error', reject);
  });
}
