/**
 * Who may open a reverse WebSocket connection: the checks on the upgrade request an implementation
 * sends, in the order they are made.
 *
 *     GET /onebot HTTP/1.1              path ≠ configured path      → 404
 *     Authorization: Bearer <token>     missing → 401, wrong → 403   (also `Token <t>`, or ?access_token=)
 *     X-Self-ID: 10001000               not a positive integer      → 400
 *     X-Client-Role: Universal          not API / Event / Universal → 400
 */
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  ACCESS_TOKEN_QUERY,
  CLIENT_ROLES,
  type ClientRole,
  HTTP_STATUS,
  checkAccessToken,
  httpStatusOfAuth,
} from '../protocol.js';

/** A connection that passed the checks: which bot, in which role. */
export interface ReverseHandshake {
  readonly selfId: number;
  readonly role: ClientRole;
}

/** A refused upgrade: the HTTP status and a one-line reason for the body. */
export interface Refusal {
  readonly status: number;
  readonly reason: string;
}

/** `/ws/api/` and `/ws/api` are the same path. */
export function normalisePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/**
 * Checks an upgrade request. `path` undefined accepts any path; `accessToken` undefined accepts any
 * token. Returns the handshake, or the refusal to send.
 */
export function checkHandshake(
  request: IncomingMessage,
  options: { readonly path?: string | undefined; readonly accessToken?: string | undefined },
): ReverseHandshake | Refusal {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (options.path !== undefined && normalisePath(url.pathname) !== normalisePath(options.path)) {
    return { status: HTTP_STATUS.notFound, reason: `no OneBot endpoint at ${url.pathname}` };
  }
  const auth = checkAccessToken(options.accessToken, {
    authorization: request.headers.authorization,
    query: url.searchParams.get(ACCESS_TOKEN_QUERY),
  });
  if (auth !== 'ok') {
    const reason = auth === 'missing' ? 'an access token is required' : 'the access token is wrong';
    return { status: httpStatusOfAuth(auth), reason };
  }
  const selfId = parseSelfId(request.headers['x-self-id']);
  if (selfId === undefined) return { status: HTTP_STATUS.badRequest, reason: 'X-Self-ID must be the bot QQ number' };
  const role = parseRole(request.headers['x-client-role']);
  if (role === undefined) {
    return { status: HTTP_STATUS.badRequest, reason: `X-Client-Role must be one of ${CLIENT_ROLES.join(', ')}` };
  }
  return { selfId, role };
}

function parseSelfId(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string' || !/^\s*[1-9]\d{0,15}\s*$/.test(header)) return undefined;
  const selfId = Number(header);
  return Number.isSafeInteger(selfId) ? selfId : undefined;
}

/** Roles compare without case, so a lower-case `universal` is not refused over spelling. */
function parseRole(header: string | string[] | undefined): ClientRole | undefined {
  if (typeof header !== 'string') return undefined;
  return CLIENT_ROLES.find((role) => role.toLowerCase() === header.trim().toLowerCase());
}

/** Answers an upgrade with `status` and a text body, then drops the socket. */
export function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const body = `${refusal.reason}\n`;
  const text = STATUS_CODES[refusal.status] ?? 'Error';
  // The peer may reset first; an unhandled socket error would take the process down.
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 ${refusal.status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.once('finish', () => socket.destroy());
}
