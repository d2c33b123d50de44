/**
 * Reverse WebSocket: the bot side listens and implementations connect to it, one or more connections
 * per bot (`X-Self-ID`): an `API` and an `Event` connection, or one `Universal`.
 *
 *     const reverse = await ReverseWebSocketServer.listen({ port: 8080, path: '/onebot', accessToken });
 *     const bot = new NapCatClient(reverse.transport(10001000), { eventKey });
 *
 * `transport(selfId)` sends calls over that bot's API (else Universal) connection, looked up at call
 * time, and delivers that bot's events. Calls for a bot that has no such connection fail at once with
 * `OneBotConnectionError`: implementations reconnect on their own schedule, which this side cannot know.
 */
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { ActionRequest, ActionResponse, ClientRole } from '../protocol.js';
import { OneBotConnectionError, type OneBotProtocolError, warnProtocolError } from './errors.js';
import { PendingCalls } from './pending.js';
import { checkHandshake, type ReverseHandshake, refuseUpgrade } from './reverse-handshake.js';
import {
  type ClientTransport,
  type EventFrameListener,
  EventFanout,
  type TransportRequestOptions,
} from './transport.js';

/** Options of {@link ReverseWebSocketServer}. Milliseconds throughout. */
export interface ReverseWebSocketOptions {
  /** Port to listen on (0: any free port); ignored with `server`. Default 8080. */
  readonly port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Take upgrades from this HTTP server instead of listening; upgrades to other paths are left alone. */
  readonly server?: Server;
  /** Only upgrades to this path (trailing `/` ignored). Default: any path. */
  readonly path?: string;
  /** Required from every connection when set: `Authorization: Bearer|Token <t>` or `?access_token=`. */
  readonly accessToken?: string;
  /** Timeout of a call that does not give its own. Default 30 000. */
  readonly defaultTimeoutMs?: number;
  readonly onConnect?: (connection: ReverseHandshake) => void;
  readonly onDisconnect?: (connection: ReverseHandshake & { readonly code: number; readonly reason: string }) => void;
  /** Frames that break the protocol, with the connection they came on. Default: a process warning. */
  readonly onProtocolError?: (error: OneBotProtocolError, connection: ReverseHandshake) => void;
  /** An event listener threw. Default: console.error. */
  readonly onListenerError?: (error: unknown) => void;
}

interface Connection extends ReverseHandshake {
  readonly socket: WebSocket;
  readonly calls: PendingCalls;
  readonly send: (text: string) => void;
}

/** Listens for reverse WebSocket connections from one or more bots. Create with {@link listen}. */
export class ReverseWebSocketServer {
  readonly #options: ReverseWebSocketOptions;
  readonly #server: Server;
  readonly #ownServer: boolean;
  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  readonly #bots = new Map<number, Map<ClientRole, Connection>>();
  readonly #events: EventFanout;
  #closed = false;

  private constructor(options: ReverseWebSocketOptions) {
    this.#options = options;
    this.#ownServer = options.server === undefined;
    this.#server = options.server ?? createServer((_request, response) => response.writeHead(426).end());
    this.#events = new EventFanout(options.onListenerError ?? ((error) => console.error(error)));
    this.#server.on('upgrade', this.#onUpgrade);
  }

  /** Starts listening (or attaches to `options.server`); resolves once connections can arrive. */
  static async listen(options: ReverseWebSocketOptions = {}): Promise<ReverseWebSocketServer> {
    const reverse = new ReverseWebSocketServer(options);
    if (reverse.#ownServer) {
      await new Promise<void>((resolve, reject) => {
        reverse.#server.once('error', reject);
        reverse.#server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
          reverse.#server.off('error', reject);
          resolve();
        });
      });
    }
    return reverse;
  }

  /** The listening port (useful with `port: 0`); undefined when attached to a server that is not listening. */
  get port(): number | undefined {
    const address = this.#server.address() as AddressInfo | string | null;
    return typeof address === 'object' && address !== null ? address.port : undefined;
  }

  /** Bots with at least one open connection, and their roles. */
  connections(): Array<{ readonly selfId: number; readonly roles: readonly ClientRole[] }> {
    return [...this.#bots].map(([selfId, roles]) => ({ selfId, roles: [...roles.keys()] }));
  }

  /** Subscribes to events of every bot; `source.selfId` says which. Returns the unsubscribe function. */
  onEvent(listener: EventFrameListener): () => void {
    return this.#events.add(listener);
  }

  /**
   * A transport for one bot: calls go over its API (else Universal) connection, events are its own.
   * Without `selfId` it addresses the only connected bot, failing when there are none or several.
   * Closing the returned transport detaches its listeners only; the connections stay.
   */
  transport(selfId?: number): ClientTransport {
    const unsubscribes = new Set<() => void>();
    return {
      request: (request, options) => this.#request(selfId, request, options),
      onEvent: (listener) => {
        const off = this.#events.add((event, source) => {
          if (selfId === undefined || source.selfId === selfId) listener(event, source);
        });
        unsubscribes.add(off);
        return () => (unsubscribes.delete(off), off());
      },
      close: async () => {
        for (const off of unsubscribes) off();
        unsubscribes.clear();
      },
    };
  }

  /** Closes every connection (1001) and stops listening; pending calls reject with `OneBotConnectionError`. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#server.off('upgrade', this.#onUpgrade);
    const connections = [...this.#bots.values()].flatMap((roles) => [...roles.values()]);
    for (const { calls } of connections) {
      calls.rejectAll(
        (action) => new OneBotConnectionError(`${action}: the reverse WebSocket server was closed`, { action }),
      );
    }
    await Promise.all(connections.map(({ socket }) => closeSocket(socket)));
    this.#wss.close();
    if (!this.#ownServer) return;
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #request(
    selfId: number | undefined,
    request: ActionRequest,
    options?: TransportRequestOptions,
  ): Promise<ActionResponse> {
    const found = this.#apiConnection(selfId);
    if (typeof found === 'string') {
      const { action } = request;
      return Promise.reject(new OneBotConnectionError(`${action}: ${found}`, { action }));
    }
    const timeoutMs = options?.timeoutMs ?? this.#options.defaultTimeoutMs ?? 30_000;
    return found.calls.call(found.send, request, timeoutMs, options?.signal);
  }

  /** The connection calls for `selfId` go over, or why there is none. */
  #apiConnection(selfId: number | undefined): Connection | string {
    if (this.#closed) return 'the reverse WebSocket server was closed';
    if (selfId === undefined) {
      if (this.#bots.size !== 1) return `no bot given, and ${this.#bots.size} bots are connected (not exactly one)`;
      selfId = [...this.#bots.keys()][0]!;
    }
    const roles = this.#bots.get(selfId);
    return roles?.get('API') ?? roles?.get('Universal') ?? `bot ${selfId} has no API or Universal connection`;
  }

  readonly #onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const checked = checkHandshake(request, this.#options);
    // On a shared server another handler may own other paths; on our own, nobody else will answer.
    if ('status' in checked && checked.status === 404 && !this.#ownServer) return;
    if ('status' in checked) return refuseUpgrade(socket, checked);
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, checked));
  };

  #accept(socket: WebSocket, handshake: ReverseHandshake): void {
    const { selfId, role } = handshake;
    const onProtocolError = this.#options.onProtocolError;
    const calls = new PendingCalls((error) =>
      onProtocolError ? onProtocolError(error, handshake) : warnProtocolError(error),
    );
    const connection: Connection = { selfId, role, socket, calls, send: (text) => socket.send(text) };
    const roles = this.#bots.get(selfId) ?? new Map<ClientRole, Connection>();
    this.#bots.set(selfId, roles);
    // A bot that reconnects may do so before its old connection is seen to drop: the newest one wins.
    const previous = roles.get(role);
    roles.set(role, connection);
    if (previous) void closeSocket(previous.socket, 4000, 'replaced by a newer connection');
    const source = { selfId };
    socket.on('message', (data) => calls.receive(String(data), (event) => this.#events.emit(event, source)));
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) => this.#onClose(connection, code, String(reason)));
    this.#options.onConnect?.(handshake);
  }

  #onClose(connection: Connection, code: number, reason: string): void {
    const { selfId, role, socket } = connection;
    socket.removeAllListeners();
    const why = `the connection of bot ${selfId} (${role}) closed (code ${code}) before a response came`;
    connection.calls.rejectAll((action) => new OneBotConnectionError(`${action}: ${why}`, { action }));
    const roles = this.#bots.get(selfId);
    if (roles?.get(role) === connection) roles.delete(role);
    if (roles?.size === 0) this.#bots.delete(selfId);
    this.#options.onDisconnect?.({ selfId, role, code, reason });
  }
}

/** Closes a socket and resolves at its `close` event; terminates one that ignores the handshake for 1 s. */
function closeSocket(socket: WebSocket, code = 1001, reason = 'server closing'): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.close(code, reason);
    setTimeout(() => socket.terminate(), 1000).unref();
  });
}
