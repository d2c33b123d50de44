/**
 * A scriptable OneBot 11 implementation for client tests, on real loopback sockets: the HTTP API
 * (`POST /:action`) and a forward WebSocket (any path) on one port.
 *
 *     const server = await OneBotTestServer.start({ accessToken: 't' });
 *     server.answer('get_status', () => okResponse({ online: true }));
 *     server.answer('slow', () => delay(50).then(() => okResponse(null)));
 *     server.answer('silent', () => 'no-reply');
 *     server.pushEvent({ post_type: 'message', … });  server.sendRaw('{not json');
 *
 * Unknown actions answer `failed`/1404 over WebSocket and HTTP 404 over HTTP, as the docs say.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  ACCESS_TOKEN_QUERY,
  type ActionResponse,
  type AuthResult,
  type Json,
  RETCODE,
  checkAccessToken,
  failedResponse,
  httpStatusOfAuth,
  isActionRequest,
} from '../../generator/runtime/protocol.js';

/** One request the server received, over either transport. */
export interface ReceivedRequest {
  readonly via: 'http' | 'ws';
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly echo: Json | undefined;
  /** The raw text of a WebSocket frame or HTTP body. */
  readonly text: string;
  readonly headers: IncomingMessage['headers'];
}

/**
 * What a handler answers: an envelope (echo added for WebSocket), `raw` text sent as is (over HTTP
 * with `httpStatus`, default 200), `'no-reply'` (never answer), or `'close'` (drop the connection).
 */
export type Reply = ActionResponse | { readonly raw: string; readonly httpStatus?: number } | 'no-reply' | 'close';
export type Handler = (params: Readonly<Record<string, unknown>>, request: ReceivedRequest) => Reply | Promise<Reply>;

export interface TestServerOptions {
  /** Listen on this port (to restart a server where clients expect it); default any free port. */
  readonly port?: number;
  /** When set, HTTP answers 401/403 and WebSocket upgrades are refused with 401/403 without it. */
  readonly accessToken?: string;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OneBotTestServer {
  readonly requests: ReceivedRequest[] = [];
  /** Server-side ends of open WebSocket connections. */
  readonly sockets = new Set<WebSocket>();
  readonly #rawSockets = new Set<Duplex>();
  readonly #handlers = new Map<string, Handler>();
  readonly #http: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #accessToken: string | undefined;
  #port = 0;
  #requestWaiters: Array<{ count: number; resolve: () => void }> = [];

  private constructor(options: TestServerOptions) {
    this.#accessToken = options.accessToken;
    this.#http = createServer((req, res) => void this.#onHttp(req, res));
    this.#http.on('upgrade', (req, socket, head) => {
      const auth = this.#auth(req);
      if (auth !== 'ok') {
        socket.end(`HTTP/1.1 ${httpStatusOfAuth(auth)} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => {
        this.#rawSockets.add(socket);
        ws.on('close', () => this.#rawSockets.delete(socket));
        this.#onSocket(ws, req);
      });
    });
  }

  static async start(options: TestServerOptions = {}): Promise<OneBotTestServer> {
    const server = new OneBotTestServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#http.once('error', reject);
      server.#http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    server.#port = (server.#http.address() as AddressInfo).port;
    return server;
  }

  /** The listening port, still readable after `close()` (to restart a server on it). */
  get port(): number {
    return this.#port;
  }
  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  /** Scripts `action`; a later call for the same action replaces the handler. */
  answer(action: string, handler: Handler): this {
    this.#handlers.set(action, handler);
    return this;
  }

  /** Resolves once `count` requests in total have arrived; rejects after `timeoutMs` so a broken client fails fast. */
  waitForRequests(count: number, timeoutMs = 1000): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.requests.length} of ${count} requests arrived`)),
        timeoutMs,
      );
      this.#requestWaiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Stops reading every WebSocket connection, so close handshakes and frames go unanswered. */
  freeze(): void {
    for (const socket of this.#rawSockets) socket.pause();
  }

  /** Sends an event frame to every WebSocket client. */
  pushEvent(event: Readonly<Record<string, unknown>>): void {
    this.sendRaw(JSON.stringify(event));
  }

  /** Sends text as is to every WebSocket client (malformed frames, responses without echo, …). */
  sendRaw(text: string): void {
    for (const socket of this.sockets) socket.send(text);
  }

  /** Drops every WebSocket connection at once, without a close handshake. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Stops listening and drops every connection; resolves once the port is free. */
  async close(): Promise<void> {
    this.dropConnections();
    this.#wss.close();
    await new Promise<void>((resolve) => {
      this.#http.close(() => resolve());
      this.#http.closeAllConnections();
    });
  }

  #auth(req: IncomingMessage): AuthResult {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get(ACCESS_TOKEN_QUERY);
    return checkAccessToken(this.#accessToken, { authorization: req.headers.authorization, query });
  }

  #record(request: ReceivedRequest): void {
    this.requests.push(request);
    const ready = this.#requestWaiters.filter((w) => this.requests.length >= w.count);
    this.#requestWaiters = this.#requestWaiters.filter((w) => this.requests.length < w.count);
    for (const waiter of ready) waiter.resolve();
  }

  async #reply(request: ReceivedRequest): Promise<Reply> {
    this.#record(request);
    const handler = this.#handlers.get(request.action);
    return handler ? handler(request.params, request) : failedResponse(RETCODE.notFound, 'unknown action');
  }

  #onSocket(ws: WebSocket, req: IncomingMessage): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', async (data) => {
      const text = String(data);
      const frame: unknown = JSON.parse(text);
      if (!isActionRequest(frame)) return;
      const { action, params = {}, echo } = frame;
      const reply = await this.#reply({ via: 'ws', action, params, echo, text, headers: req.headers });
      if (reply === 'no-reply' || ws.readyState !== WebSocket.OPEN) return;
      if (reply === 'close') return ws.terminate();
      ws.send('raw' in reply ? reply.raw : JSON.stringify(echo === undefined ? reply : { ...reply, echo }));
    });
  }

  async #onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const auth = this.#auth(req);
    if (auth !== 'ok') return void res.writeHead(httpStatusOfAuth(auth)).end();
    const action = new URL(req.url ?? '/', 'http://localhost').pathname.slice(1);
    const params = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    if (!this.#handlers.has(action)) {
      this.#record({ via: 'http', action, params, echo: undefined, text, headers: req.headers });
      return void res.writeHead(404).end();
    }
    const reply = await this.#reply({ via: 'http', action, params, echo: undefined, text, headers: req.headers });
    if (reply === 'no-reply') return;
    if (reply === 'close') return void req.socket.destroy();
    const [status, body] = 'raw' in reply ? [reply.httpStatus ?? 200, reply.raw] : [200, JSON.stringify(reply)];
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
  }
}
