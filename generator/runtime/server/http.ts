/**
 * The HTTP API: `GET|POST /:action` (or `/:action/`). Statuses as the docs give them: 401 no token,
 * 403 wrong token, 406 unsupported POST content type, 400 malformed body, 404 unknown or unsupported
 * action, 200 for everything else with the response envelope, failed calls included. Two statuses the
 * docs do not list: 405 for other methods and 413 for a body over the limit. Non-200 answers carry a
 * `failed` envelope too, as a courtesy; clients must not rely on it.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import {
  ACCESS_TOKEN_QUERY,
  RETCODE,
  checkAccessToken,
  failedResponse,
  httpStatusOfAuth,
  retcodeOfHttpStatus,
} from '../protocol.js';
import { HANDLER_ERROR_RETCODE, responseText, type Dispatcher } from './dispatch.js';
import { readParams } from './http-body.js';

/** What the HTTP handler needs from the server. */
export interface HttpHandlerOptions {
  readonly dispatcher: Dispatcher;
  readonly accessToken: string | undefined;
  /** Largest request body, bytes. */
  readonly maxBodyBytes: number;
  readonly log: ((line: string) => void) | undefined;
  readonly onError: (error: unknown) => void;
}

const METHOD_NOT_ALLOWED = 405;

/** A `node:http` request listener serving the HTTP API. Never throws; errors go to `onError`. */
export function createHttpHandler(options: HttpHandlerOptions): RequestListener {
  return (req, res) => {
    serve(options, req, res).catch((error: unknown) => {
      options.onError(error);
      if (!res.headersSent) refuse(res, 500, 'internal error', true);
      else res.destroy();
    });
  };
}

async function serve(options: HttpHandlerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const search = mark < 0 ? '' : url.slice(mark);
  const refusal = refusalBeforeBody(options, req, path, search);
  if (refusal !== undefined) {
    options.log?.(`http ${path} status=${refusal.status}`);
    refuse(res, refusal.status, refusal.message, req.method === 'POST');
    return;
  }
  const action = actionOfPath(path);
  const info = { transport: 'http', signal: lazySignal(res), remoteAddress: req.socket.remoteAddress } as const;
  if (!options.dispatcher.has(action)) {
    // The body of an unknown action is never read: closing beats draining bytes nobody wants.
    if (req.method === 'POST') res.setHeader('Connection', 'close');
    const { response, httpStatus } = await options.dispatcher.dispatch({ action }, info);
    send(res, httpStatus, responseText(response, options.onError));
    return;
  }
  const outcome = await readParams(req, search, options.maxBodyBytes);
  if (!outcome.ok) {
    if (outcome.status === undefined) return;
    options.log?.(`http ${path} status=${outcome.status}`);
    refuse(res, outcome.status, outcome.message, true);
    return;
  }
  const { response, httpStatus } = await options.dispatcher.dispatch({ action, params: outcome.params }, info);
  send(res, httpStatus, responseText(response, options.onError));
}

/** A signal aborted when the response closes unfinished (the client left), made on first use. */
function lazySignal(res: ServerResponse): () => AbortSignal {
  let controller: AbortController | undefined;
  return () => {
    if (controller !== undefined) return controller.signal;
    controller = new AbortController();
    const gone = controller;
    if (res.destroyed && !res.writableFinished) gone.abort();
    else res.once('close', () => res.writableFinished || gone.abort());
    return gone.signal;
  };
}

/** Auth, method and path are settled before any byte of the body is read. */
function refusalBeforeBody(
  options: HttpHandlerOptions,
  req: IncomingMessage,
  path: string,
  search: string,
): { status: number; message: string } | undefined {
  if (options.accessToken) {
    const query = search === '' ? null : new URLSearchParams(search).get(ACCESS_TOKEN_QUERY);
    const auth = checkAccessToken(options.accessToken, { authorization: req.headers.authorization, query });
    if (auth !== 'ok') return { status: httpStatusOfAuth(auth), message: `access token ${auth}` };
  }
  if (req.method !== 'GET' && req.method !== 'POST') {
    return { status: METHOD_NOT_ALLOWED, message: 'use GET or POST' };
  }
  return undefined;
}

/**
 * `/send_msg` or `/send_msg/` → `send_msg`, percent-decoded. Anything else (`/`, `/a/b`, a bad escape)
 * yields a name no implementation has, so it answers 404 like any unknown action.
 */
export function actionOfPath(path: string): string {
  const raw = path.slice(1, path.length > 1 && path.endsWith('/') ? -1 : undefined);
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * A non-200 answer. `close` ends the connection after it: the request body may be unread, and
 * draining an oversized or unwanted body would cost what the refusal is there to save.
 */
function refuse(res: ServerResponse, status: number, message: string, close: boolean): void {
  const retcode = retcodeOfHttpStatus(status) ?? (status >= 500 ? HANDLER_ERROR_RETCODE : RETCODE.badRequest);
  if (close) res.setHeader('Connection', 'close');
  if (status === METHOD_NOT_ALLOWED) res.setHeader('Allow', 'GET, POST');
  send(res, status, JSON.stringify(failedResponse(retcode, message)));
}
