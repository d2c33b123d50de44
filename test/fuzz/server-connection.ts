/**
 * One WebSocket connection as the fuzzer sees it: incoming frames (parsed) and the close, taken in
 * order, each request awaiting the next. Forward connections are opened by the fuzzer; reverse ones
 * are accepted from the server (`server-reverse.ts`).
 */
import { WebSocket } from 'ws';
import type { Observed } from './server-send.js';

/** How long a request waits for its answer before it counts as unanswered. */
export const TIMEOUT_MS = 10_000;

/** A pooled WebSocket client whose incoming frames (or close) are taken in order. */
export class Connection {
  readonly #events: Observed[] = [];
  readonly #waiters: Array<(o: Observed) => void> = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.#push({ body: parse(String(data)) }));
    socket.on('close', (code) => this.#push({ close: code }));
    socket.on('error', () => undefined);
  }

  /** Opens a forward connection to `url` with `headers`. */
  static open(url: string, headers: Record<string, string>): Promise<Connection> {
    const socket = new WebSocket(url, { headers });
    const connection = new Connection(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(connection));
      socket.once('error', reject);
    });
  }

  /** The next frame or the close, whichever comes first; an error after {@link TIMEOUT_MS}. */
  next(): Promise<Observed> {
    const ready = this.#events.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ error: 'no frame within timeout' }), TIMEOUT_MS);
      this.#waiters.push((o) => (clearTimeout(timer), resolve(o)));
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.terminate();
    });
  }

  #push(event: Observed): void {
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) waiter(event);
    else this.#events.push(event);
  }
}

/** A frame sent on `connection` and what came back: `done` when the connection is gone after it. */
export async function exchange(
  connection: Connection,
  data: Buffer,
  options: { binary: boolean; abort: boolean },
): Promise<{ got: Observed; done: boolean }> {
  connection.socket.send(data, { binary: options.binary });
  if (options.abort) {
    await connection.close();
    return { got: { none: true }, done: true };
  }
  const got = await connection.next();
  if (got.close !== undefined || got.error !== undefined) await connection.close();
  return { got, done: got.close !== undefined || got.error !== undefined };
}

export function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
