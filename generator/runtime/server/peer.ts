/**
 * One WebSocket connection, forward or reverse: answers call frames through the dispatcher and takes
 * pushed events. Calls on one connection run concurrently; answers go out as they finish, matched by
 * `echo`.
 *
 * A connection that serves only events (`/event`, reverse `Event`) answers every call with retcode
 * 1404, so a client that sent one by mistake gets an answer instead of waiting forever.
 *
 * A peer that does not read cannot grow the server's memory or hold up anyone else: once more than
 * `maxBufferedBytes` wait to be sent to it, it is terminated.
 */
import type { RawData, WebSocket } from 'ws';
import { RETCODE, failedResponse, type Json } from '../protocol.js';
import { responseText, type CallInfo, type Dispatcher } from './dispatch.js';

/** What a peer needs from the server. */
export interface PeerOptions {
  /** Unique per server; handlers see it as `ctx.connectionId`. */
  readonly id: number;
  readonly dispatcher: Dispatcher;
  readonly transport: 'ws' | 'ws-reverse';
  readonly servesCalls: boolean;
  readonly servesEvents: boolean;
  /** Bytes that may wait unsent before the connection is terminated as too slow. */
  readonly maxBufferedBytes: number;
  readonly remoteAddress: string | undefined;
  /** A short label for log lines: `/api`, `reverse API`, … */
  readonly label: string;
  readonly log: ((line: string) => void) | undefined;
  /** Receives a response that could not be serialised (it is answered with retcode 1500). */
  readonly onError: (error: unknown) => void;
  /** Called once, when the connection is gone. */
  readonly onClose: (peer: Peer) => void;
}

// ws.OPEN; compared as a number so this module needs no value import from 'ws'.
const OPEN = 1;

/** A served WebSocket connection. */
export class Peer {
  readonly id: number;
  readonly servesEvents: boolean;
  readonly #socket: WebSocket;
  readonly #options: PeerOptions;
  readonly #gone = new AbortController();
  readonly #info: CallInfo;

  constructor(socket: WebSocket, options: PeerOptions) {
    this.id = options.id;
    this.servesEvents = options.servesEvents;
    this.#socket = socket;
    this.#options = options;
    this.#info = {
      transport: options.transport,
      signal: this.#gone.signal,
      remoteAddress: options.remoteAddress,
      connectionId: options.id,
    };
    socket.on('message', (data) => this.#onMessage(data));
    // Resets and protocol errors end in 'close'; listening here keeps them from being thrown.
    socket.on('error', (error) => options.log?.(`${this.#name} error: ${error.message}`));
    socket.once('close', (code) => {
      this.#gone.abort();
      options.log?.(`${this.#name} closed (${code})`);
      options.onClose(this);
    });
    options.log?.(`${this.#name} open`);
  }

  get #name(): string {
    return `ws#${this.id} ${this.#options.label}`;
  }

  /**
   * Queues one text frame. Returns false when it was not queued: the socket is not open, or it was
   * terminated because too much is already waiting.
   */
  send(text: string): boolean {
    const socket = this.#socket;
    if (socket.readyState !== OPEN) return false;
    if (socket.bufferedAmount + text.length > this.#options.maxBufferedBytes) {
      this.#options.log?.(`${this.#name} terminated: over ${this.#options.maxBufferedBytes} bytes unsent`);
      socket.terminate();
      return false;
    }
    socket.send(text);
    return true;
  }

  /** Closes with `code` (1001 when the server shuts down); terminates if the close handshake stalls. */
  close(code = 1001, graceMs = 1000): Promise<void> {
    const socket = this.#socket;
    if (socket.readyState === 3) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => socket.terminate(), graceMs);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.close(code);
    });
  }

  #onMessage(data: RawData): void {
    let frame: unknown;
    try {
      frame = JSON.parse(textOf(data));
    } catch {
      this.send(JSON.stringify(failedResponse(RETCODE.badRequest, 'frame is not JSON')));
      return;
    }
    if (!this.#options.servesCalls) {
      const echo = typeof frame === 'object' && frame !== null ? (frame as { echo?: Json }).echo : undefined;
      this.send(JSON.stringify(failedResponse(RETCODE.notFound, 'this connection only pushes events', echo)));
      return;
    }
    void this.#options.dispatcher
      .dispatch(frame, this.#info)
      .then(({ response }) => this.send(responseText(response, this.#options.onError)));
  }
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
}
