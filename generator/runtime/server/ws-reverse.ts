/**
 * Reverse WebSocket: the server connects out to the user's URLs as an `API`, `Event` or `Universal`
 * client, announcing itself with `X-Self-ID`, `X-Client-Role` and, with a token, `Authorization:
 * Bearer <token>`. A lost or refused connection is retried every `reconnectIntervalMs`, forever,
 * until the server is closed.
 */
import { WebSocket } from 'ws';
import { HEADER, type ClientRole } from '../protocol.js';
import type { ReverseOptions } from './types.js';

/** The docs' `ws_reverse.reconnect_interval` default, milliseconds. */
export const DEFAULT_RECONNECT_INTERVAL_MS = 3000;

/** One connection to keep open. */
export interface ReverseTarget {
  readonly role: ClientRole;
  readonly url: string;
}

/**
 * The connections `options` asks for: one `Universal` to `url` (else `apiUrl`, else `eventUrl`), or
 * `API` to `apiUrl ?? url` and `Event` to `eventUrl ?? url`, each only when it has a URL.
 */
export function reverseTargets(options: ReverseOptions): ReverseTarget[] {
  const pick = (...urls: Array<string | undefined>): string | undefined =>
    urls.find((u) => u !== undefined && u !== '');
  if (options.universal) {
    const url = pick(options.url, options.apiUrl, options.eventUrl);
    return url === undefined ? [] : [{ role: 'Universal', url }];
  }
  const targets: ReverseTarget[] = [];
  const api = pick(options.apiUrl, options.url);
  const event = pick(options.eventUrl, options.url);
  if (api !== undefined) targets.push({ role: 'API', url: api });
  if (event !== undefined) targets.push({ role: 'Event', url: event });
  return targets;
}

/** What a connector needs from the server. */
export interface ConnectorOptions {
  readonly selfId: number | string;
  readonly accessToken: string | undefined;
  readonly reconnectIntervalMs: number;
  /** Largest frame accepted, bytes. */
  readonly maxPayloadBytes: number;
  readonly log: ((line: string) => void) | undefined;
  /** Takes over an open connection; the connector only watches for its close to reconnect. */
  readonly accept: (socket: WebSocket, target: ReverseTarget) => void;
}

/** Keeps one reverse connection open. */
export class ReverseConnector {
  readonly target: ReverseTarget;
  readonly #options: ConnectorOptions;
  #socket: WebSocket | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(target: ReverseTarget, options: ConnectorOptions) {
    this.target = target;
    this.#options = options;
  }

  /** Whether the connection is open now. */
  get connected(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** Connects now; reconnects on its own afterwards. */
  start(): void {
    this.#stopped = false;
    this.#connect();
  }

  /** Stops reconnecting and closes the connection (terminated after `graceMs` without a close handshake). */
  stop(graceMs = 1000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const socket = this.#socket;
    if (socket === undefined || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => socket.terminate(), graceMs);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close(1001);
    });
  }

  #connect(): void {
    const { selfId, accessToken, log } = this.#options;
    const headers: Record<string, string> = { [HEADER.selfId]: String(selfId), [HEADER.clientRole]: this.target.role };
    if (accessToken) headers[HEADER.authorization] = `Bearer ${accessToken}`;
    const socket = new WebSocket(this.target.url, {
      headers,
      maxPayload: this.#options.maxPayloadBytes,
      perMessageDeflate: false,
      handshakeTimeout: Math.max(this.#options.reconnectIntervalMs, 5000),
    });
    this.#socket = socket;
    // Refused or failed handshakes surface as 'error' then 'close'; only 'close' schedules the retry.
    socket.on('error', (error) => log?.(`reverse ${this.target.role} ${this.target.url}: ${error.message}`));
    socket.once('open', () => this.#options.accept(socket, this.target));
    socket.once('close', () => this.#scheduleReconnect());
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      if (!this.#stopped) this.#connect();
    }, this.#options.reconnectIntervalMs);
  }
}
