/**
 * The far end of a fuzzed server's reverse WebSocket: a `ws` server the runtime connects out to as a
 * `Universal` client. Frames go over that one connection one at a time (an answer without an echo
 * could not be told apart otherwise); after the connection closes (an over-limit frame, a client that
 * left) the next request waits for the runtime to reconnect.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { Connection, TIMEOUT_MS } from './server-connection.js';
import type { Observed } from './server-send.js';

/** One reverse endpoint; `url` is what the server is told to connect to. */
export class ReverseHub {
  readonly #wss: WebSocketServer;
  #current: Connection | undefined;
  #waiter: ((connection: Connection) => void) | undefined;
  #chain: Promise<unknown> = Promise.resolve();

  private constructor(wss: WebSocketServer) {
    this.#wss = wss;
    wss.on('connection', (socket) => {
      const connection = new Connection(socket);
      this.#current = connection;
      this.#waiter?.(connection);
      this.#waiter = undefined;
    });
  }

  /** A hub listening on 127.0.0.1, port chosen by the system. */
  static start(): Promise<ReverseHub> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    return new Promise((resolve) => wss.once('listening', () => resolve(new ReverseHub(wss))));
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#wss.address() as AddressInfo).port}`;
  }

  /** Runs `exchange` on the connection once the calls before it are done; `done` drops the connection. */
  call(exchange: (connection: Connection) => Promise<{ got: Observed; done: boolean }>): Promise<Observed> {
    const run = this.#chain.then(async (): Promise<Observed> => {
      const connection = await this.#connection();
      if (connection === undefined) return { error: 'the server did not connect back' };
      const { got, done } = await exchange(connection);
      if (done && this.#current === connection) this.#current = undefined;
      return got;
    });
    this.#chain = run;
    return run;
  }

  /** Stops listening; the server's connection is closed by the server itself. */
  close(): Promise<void> {
    return new Promise((resolve) => this.#wss.close(() => resolve()));
  }

  #connection(): Promise<Connection | undefined> {
    if (this.#current !== undefined) return Promise.resolve(this.#current);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), TIMEOUT_MS);
      this.#waiter = (connection) => (clearTimeout(timer), resolve(connection));
    });
  }
}
