/**
 * Forward WebSocket: accepts upgrades on `/api`, `/event` and `/` (a trailing `/` allowed), on its own
 * port or on the HTTP server's. The token is checked before the upgrade: no token → 401, wrong
 * token → 403, other paths → 404, and the connection is closed without becoming a WebSocket.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ACCESS_TOKEN_QUERY, HTTP_STATUS, WS_PATH, checkAccessToken, httpStatusOfAuth } from '../protocol.js';

/** What a forward connection serves, from its path. */
export type ForwardRole = 'api' | 'event' | 'universal';

/** What the upgrade handler needs from the server. */
export interface ForwardOptions {
  readonly accessToken: string | undefined;
  /** Largest frame, bytes; a larger one closes the connection with 1009. */
  readonly maxPayloadBytes: number;
  readonly log: ((line: string) => void) | undefined;
  /** Takes over an accepted connection. */
  readonly accept: (socket: WebSocket, role: ForwardRole, req: IncomingMessage) => void;
}

/** Routes `upgrade` events of an `http.Server` to WebSocket connections. */
export class ForwardWebSocket {
  readonly #options: ForwardOptions;
  readonly #wss: WebSocketServer;

  constructor(options: ForwardOptions) {
    this.#options = options;
    // No compression: frames are small JSON and deflate would cost more CPU than it saves on loopback.
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayloadBytes,
      perMessageDeflate: false,
      clientTracking: false,
    });
  }

  /** The `upgrade` listener: `server.on('upgrade', (req, socket, head) => forward.upgrade(req, socket, head))`. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A reset during the handshake must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const role = roleOfPath(path);
    const status = role === undefined ? HTTP_STATUS.notFound : this.#authStatus(req, mark < 0 ? '' : url.slice(mark));
    if (role === undefined || status !== undefined) {
      this.#options.log?.(`ws ${path} upgrade refused: ${status ?? HTTP_STATUS.notFound}`);
      refuseUpgrade(socket, status ?? HTTP_STATUS.notFound);
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#options.accept(ws, role, req));
  }

  close(): void {
    this.#wss.close();
  }

  #authStatus(req: IncomingMessage, search: string): number | undefined {
    if (!this.#options.accessToken) return undefined;
    const query = search === '' ? null : new URLSearchParams(search).get(ACCESS_TOKEN_QUERY);
    const auth = checkAccessToken(this.#options.accessToken, { authorization: req.headers.authorization, query });
    return auth === 'ok' ? undefined : httpStatusOfAuth(auth);
  }
}

/** `/api` or `/api/` → api, `/event(/)` → event, `/` → universal; undefined for anything else. */
export function roleOfPath(path: string): ForwardRole | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === WS_PATH.api) return 'api';
  if (trimmed === WS_PATH.event) return 'event';
  return trimmed === WS_PATH.universal ? 'universal' : undefined;
}

function refuseUpgrade(socket: Duplex, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
