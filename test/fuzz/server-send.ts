/**
 * Puts fuzzed requests on real loopback sockets and reports what came back: HTTP through a
 * keep-alive agent (so refusals that close the connection are followed by requests on fresh ones),
 * frames on pooled forward WebSocket connections (one pool per lane, reopened after a close) and on
 * the servers' reverse connections, fresh upgrades, and raw TCP for clients that stall in their headers.
 */
import { Agent, request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { WebSocket } from 'ws';
import { Connection, TIMEOUT_MS, exchange, parse } from './server-connection.js';
import { frameData, httpParts, upgradeAuth } from './server-encode.js';
import type { ReverseHub } from './server-reverse.js';
import type { HttpRequest, ServerRequest, Target, WsRequest } from './server-requests.js';

/** What came back: an HTTP status and body, a frame, a close code, a client-side error, or nothing. */
export interface Observed {
  readonly status?: number;
  readonly body?: unknown;
  readonly close?: number;
  readonly error?: string;
  readonly none?: true;
}

/** Ports of the two fuzzed servers (HTTP and WebSocket share one). */
export type Ports = Readonly<Record<Target, number>>;

const WS_AUTH = { authorization: 'Bearer fuzz-token' };

/** Sends requests for one lane; {@link close} releases its sockets. */
export class Sender {
  readonly #ports: Ports;
  readonly #agent: Agent;
  readonly #reverse: Readonly<Record<Target, ReverseHub>>;
  readonly #pool = new Map<string, Promise<Connection>>();

  constructor(ports: Ports, agent: Agent, reverse: Readonly<Record<Target, ReverseHub>>) {
    this.#ports = ports;
    this.#agent = agent;
    this.#reverse = reverse;
  }

  send(r: ServerRequest): Promise<Observed> {
    if (r.kind === 'http') return this.#http(r);
    if (r.kind === 'ws') return this.#frame(r);
    if (r.kind === 'upgrade') return this.#upgrade(r.target, r.path, r.auth);
    return stall(this.#ports[r.target]);
  }

  /** Closes the lane's WebSocket connections. */
  async close(): Promise<void> {
    const open = await Promise.all(this.#pool.values());
    this.#pool.clear();
    await Promise.all(open.map((c) => c.close()));
  }

  #http(r: HttpRequest): Promise<Observed> {
    const { path, headers, body } = httpParts(r);
    if (r.delivery !== 'drip' && body !== undefined) headers['content-length'] = String(body.length);
    const req = request({
      host: '127.0.0.1',
      port: this.#ports[r.target],
      method: r.method,
      path,
      headers,
      agent: this.#agent,
    });
    return new Promise((resolve) => {
      const timer = setTimeout(() => (req.destroy(), resolve({ error: 'timeout' })), TIMEOUT_MS);
      const done = (observed: Observed): void => (clearTimeout(timer), resolve(observed));
      req.on('error', (error: NodeJS.ErrnoException) => done({ error: error.code ?? error.message }));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => done({ error: error.message }));
        res.on('end', () => done({ status: res.statusCode, body: parse(Buffer.concat(chunks).toString()) }));
      });
      if (r.delivery === 'abort') {
        // Half the body (or just the headers), then the connection is gone.
        req.write(body?.subarray(0, body.length >> 1) ?? '');
        setImmediate(() => (req.destroy(), done({ none: true })));
      } else if (r.delivery === 'drip' && body !== undefined) void drip(req, body);
      else req.end(body);
    });
  }

  async #frame(r: WsRequest): Promise<Observed> {
    const options = { binary: r.binary, abort: r.delivery === 'abort' };
    if (r.role === 'reverse') return this.#reverse[r.target].call((c) => exchange(c, frameData(r.frame), options));
    const key = `${r.target} ${r.role}`;
    let pending = this.#pool.get(key);
    if (pending === undefined) {
      const path = r.role === 'universal' ? '' : r.role;
      pending = Connection.open(`ws://127.0.0.1:${this.#ports[r.target]}/${path}`, WS_AUTH);
      this.#pool.set(key, pending);
    }
    const { got, done } = await exchange(await pending, frameData(r.frame), options);
    if (done) this.#pool.delete(key);
    return got;
  }

  #upgrade(target: Target, path: string, auth: Parameters<typeof upgradeAuth>[0]): Promise<Observed> {
    const { search, headers } = upgradeAuth(auth);
    const socket = new WebSocket(`ws://127.0.0.1:${this.#ports[target]}${path}${search}`, { headers });
    return new Promise((resolve) => {
      socket.once('open', () => {
        socket.terminate();
        resolve({ status: 101 });
      });
      socket.once('unexpected-response', (req, res) => {
        req.destroy();
        resolve({ status: res.statusCode });
      });
      socket.once('error', (error) => resolve({ error: error.message }));
    });
  }
}

/** The body in up to four pieces a few milliseconds apart, chunked. */
async function drip(req: ReturnType<typeof request>, body: Buffer): Promise<void> {
  const step = Math.max(1, Math.ceil(body.length / 4));
  for (let at = 0; at < body.length; at += step) {
    req.write(body.subarray(at, at + step));
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  req.end();
}

/** Part of a request's headers and then silence; the status line of whatever the server says. */
function stall(port: number): Promise<Observed> {
  const socket = tcpConnect(port, '127.0.0.1');
  socket.write('GET /get_status HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => socket.destroy(), TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const status = /^HTTP\/1\.1 (\d+)/.exec(text)?.[1];
      resolve(status === undefined ? { error: 'closed without an answer' } : { status: Number(status) });
    });
  });
}
