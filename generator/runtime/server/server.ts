/**
 * {@link createOneBotServer}: wires the dispatcher to the transports the options turn on (HTTP,
 * forward WebSocket, reverse WebSocket, HTTP POST) and owns their lifetimes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket } from 'ws';
import type { ClientRole } from '../protocol.js';
import { Dispatcher } from './dispatch.js';
import { pushEvent, type QuickOperationHook } from './events.js';
import { createHttpHandler } from './http.js';
import { Peer } from './peer.js';
import type { ActionTable, JsonObject, ListenOptions, OneBotServer, PushReport, ServerOptions } from './types.js';
import { ForwardWebSocket, type ForwardRole } from './ws-forward.js';
import { DEFAULT_RECONNECT_INTERVAL_MS, ReverseConnector, reverseTargets, type ReverseTarget } from './ws-reverse.js';

/** Defaults of the limits in {@link ServerOptions}. */
export const SERVER_DEFAULTS: {
  readonly host: '127.0.0.1';
  readonly maxBodyBytes: number;
  readonly requestTimeoutMs: number;
  readonly maxBufferedBytes: number;
} = {
  host: '127.0.0.1',
  /** 1 MiB. */
  maxBodyBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  /** 8 MiB. */
  maxBufferedBytes: 8 * 1024 * 1024,
};

const UPGRADE_REQUIRED = 426;
const NOTHING_PUSHED: PushReport = { httpPostStatus: undefined, quickOperation: undefined, sockets: 0 };

/**
 * Creates a OneBot 11 server for the action table `A` (a generated `Actions` interface). Nothing
 * listens or connects until {@link OneBotServer.listen}. Every transport is off unless configured;
 * `host` defaults to 127.0.0.1 (pass `'0.0.0.0'` for the docs' every-interface default).
 */
export function createOneBotServer<A extends ActionTable<A>>(options: ServerOptions<A>): OneBotServer {
  return new OneBotServerImpl(options as unknown as ServerOptions<Record<string, never>>);
}

class OneBotServerImpl implements OneBotServer {
  readonly #options: ServerOptions<Record<string, never>>;
  readonly #dispatcher: Dispatcher;
  readonly #onError: (error: unknown) => void;
  readonly #peers = new Set<Peer>();
  readonly #servers: Server[] = [];
  #connectors: ReverseConnector[] = [];
  #forward: ForwardWebSocket | undefined;
  #nextId = 1;
  #state: 'new' | 'listening' | 'closed' = 'new';

  constructor(options: ServerOptions<Record<string, never>>) {
    this.#options = options;
    this.#onError = options.onError ?? ((error) => console.error('[onebot server]', error));
    this.#dispatcher = new Dispatcher({
      handlers: options.handlers,
      actions: options.actions,
      paramsSchemas: options.paramsSchemas,
      sharedSchemas: options.sharedSchemas,
      selfId: options.selfId,
      rateLimitIntervalMs: options.rateLimitIntervalMs,
      onError: this.#onError,
      log: options.log,
    });
  }

  get #maxBodyBytes(): number {
    return this.#options.maxBodyBytes ?? SERVER_DEFAULTS.maxBodyBytes;
  }

  async listen(): Promise<{ httpPort: number | undefined; wsPort: number | undefined }> {
    if (this.#state !== 'new') throw new Error(`listen() on a server that is ${this.#state}`);
    this.#state = 'listening';
    const { http, ws, reverse } = this.#options;
    if (ws === 'same-port' && !http) throw new Error("ws: 'same-port' needs http to be configured");
    if (ws) this.#forward = this.#createForward();
    let httpPort: number | undefined;
    let wsPort: number | undefined;
    if (http) {
      const { accessToken, log } = this.#options;
      const handler = createHttpHandler({
        dispatcher: this.#dispatcher,
        accessToken,
        log,
        maxBodyBytes: this.#maxBodyBytes,
        onError: this.#onError,
      });
      const server = this.#createHttpServer(handler);
      if (ws === 'same-port') this.#routeUpgrades(server);
      httpPort = await this.#listenOn(server, http);
      if (ws === 'same-port') wsPort = httpPort;
    }
    if (ws && ws !== 'same-port') {
      const server = this.#createHttpServer((_req, res) => {
        res.writeHead(UPGRADE_REQUIRED, { Connection: 'close', 'Content-Length': 0 }).end();
      });
      this.#routeUpgrades(server);
      wsPort = await this.#listenOn(server, ws);
    }
    if (reverse) this.#startReverse(reverseTargets(reverse), reverse.reconnectIntervalMs);
    return { httpPort, wsPort };
  }

  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#dispatcher.close();
    const stopping = this.#connectors.map((connector) => connector.stop());
    this.#forward?.close();
    const closing = [...this.#peers].map((peer) => peer.close(1001));
    const servers = this.#servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    await Promise.all([...stopping, ...closing, ...servers]);
  }

  pushEvent(event: JsonObject): Promise<PushReport> {
    if (this.#state === 'closed') return Promise.resolve(NOTHING_PUSHED);
    const { httpPost, secret, onQuickOperation } = this.#options;
    const report = httpPost
      ? {
          url: httpPost.url,
          selfId: this.#options.selfId,
          timeoutMs: httpPost.timeoutMs ?? 0,
          secret: httpPost.secret ?? secret,
          maxResponseBytes: this.#maxBodyBytes,
        }
      : undefined;
    return pushEvent(
      {
        report,
        dispatcher: this.#dispatcher,
        onQuickOperation: onQuickOperation as QuickOperationHook | undefined,
        sockets: () => [...this.#peers].filter((peer) => peer.servesEvents),
        onError: this.#onError,
      },
      event,
    );
  }

  stats(): ReturnType<OneBotServer['stats']> {
    const reverseConnections: Partial<Record<ClientRole, boolean>> = {};
    for (const connector of this.#connectors) reverseConnections[connector.target.role] = connector.connected;
    return { wsConnections: this.#peers.size, reverseConnections, queuedRateLimited: this.#dispatcher.queued };
  }

  #createHttpServer(listener: Parameters<typeof createServer>[1]): Server {
    const requestTimeout = this.#options.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs;
    // Headers must arrive within the request timeout; slowloris clients are cut off by node itself,
    // checked every connectionsCheckingInterval (node's default of 30 s would let them linger).
    const server = createServer(
      {
        requestTimeout,
        headersTimeout: Math.min(requestTimeout, 10_000),
        connectionsCheckingInterval: Math.max(10, Math.min(1000, requestTimeout / 4)),
      },
      listener,
    );
    this.#servers.push(server);
    return server;
  }

  #routeUpgrades(server: Server): void {
    const forward = this.#forward;
    if (forward === undefined) return;
    server.on('upgrade', (req, socket, head) => forward.upgrade(req, socket, head));
  }

  #listenOn(server: Server, where: ListenOptions): Promise<number> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(where.port, where.host ?? SERVER_DEFAULTS.host, () => {
        server.off('error', reject);
        server.on('error', this.#onError);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  #createForward(): ForwardWebSocket {
    const { accessToken, log } = this.#options;
    return new ForwardWebSocket({
      accessToken,
      log,
      maxPayloadBytes: this.#maxBodyBytes,
      accept: (socket, role, req) => this.#accept(socket, 'ws', forwardServes(role), req.socket.remoteAddress),
    });
  }

  #startReverse(targets: readonly ReverseTarget[], intervalMs: number | undefined): void {
    const { selfId, accessToken, log } = this.#options;
    const options = {
      selfId,
      accessToken,
      log,
      reconnectIntervalMs: intervalMs ?? DEFAULT_RECONNECT_INTERVAL_MS,
      maxPayloadBytes: this.#maxBodyBytes,
      accept: (socket: WebSocket, target: ReverseTarget) =>
        this.#accept(socket, 'ws-reverse', reverseServes(target.role), target.url),
    };
    this.#connectors = targets.map((target) => new ReverseConnector(target, options));
    for (const connector of this.#connectors) connector.start();
  }

  #accept(
    socket: WebSocket,
    transport: 'ws' | 'ws-reverse',
    serves: { calls: boolean; events: boolean; label: string },
    remoteAddress: string | undefined,
  ): void {
    if (this.#state === 'closed') {
      socket.terminate();
      return;
    }
    const peer = new Peer(socket, {
      id: this.#nextId++,
      dispatcher: this.#dispatcher,
      transport,
      servesCalls: serves.calls,
      servesEvents: serves.events,
      maxBufferedBytes: this.#options.maxBufferedBytes ?? SERVER_DEFAULTS.maxBufferedBytes,
      remoteAddress,
      label: serves.label,
      log: this.#options.log,
      onError: this.#onError,
      onClose: (gone) => this.#peers.delete(gone),
    });
    this.#peers.add(peer);
  }
}

function forwardServes(role: ForwardRole): { calls: boolean; events: boolean; label: string } {
  if (role === 'api') return { calls: true, events: false, label: '/api' };
  if (role === 'event') return { calls: false, events: true, label: '/event' };
  return { calls: true, events: true, label: '/' };
}

function reverseServes(role: ClientRole): { calls: boolean; events: boolean; label: string } {
  return { calls: role !== 'Event', events: role !== 'API', label: `reverse ${role}` };
}
