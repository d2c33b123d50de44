/**
 * The server fuzzer: draws requests with fast-check (`server-arbitrary.ts`), sends them over real
 * loopback HTTP, forward WebSocket and reverse WebSocket to two running servers (token on and off),
 * and checks each answer against the oracle (`server-oracle.ts`). Properties, besides the answers: no uncaught
 * exception or unhandled rejection, nothing but the planted handler error reaches `onError`, a plain
 * call still succeeds after the run, every socket is released (no TCP socket left in the process,
 * no WebSocket peer on the server, no queued `_rate_limited` run; after `close()`, no listener or
 * timer more than before the start), and the memory after a forced GC (heap used plus buffers outside
 * the heap) is within {@link HEAP_GROWTH_LIMIT} of what it was after a warm-up batch.
 */
import { Agent } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { serverRequest } from './server-arbitrary.js';
import { kindOf, outcomesOf, problemOf } from './server-check.js';
import { expected } from './server-oracle.js';
import { TOKEN, type ServerRequest, type Target } from './server-requests.js';
import { ReverseHub } from './server-reverse.js';
import { Sender, type Ports } from './server-send.js';
import { startTarget, type ErrorLog, type RunningServer } from './server-target.js';

/** Memory growth allowed between the warm-up batch and the end of the run, bytes (after GC both times). */
export const HEAP_GROWTH_LIMIT = 8 * 1024 * 1024;

export interface ServerFuzzOptions {
  readonly seed: number;
  readonly requests: number;
  /** Requests sent before the first heap measurement (ajv compiles, pools fill). */
  readonly warmup: number;
  /** Requests in flight at once. */
  readonly lanes: number;
}

export interface ServerFuzzReport {
  seed: number;
  requests: number;
  byKind: Record<string, number>;
  outcomes: Record<string, number>;
  failures: number;
  crashes: number;
  plantedErrors: number;
  /** The first failures: the request, what was wanted, what came back. */
  examples: string[];
  heap: { warm: number; end: number; limit: number };
  ms: number;
}

/** Runs the fuzzer; the report says what failed (it never throws for a server fault). */
export async function fuzzServer(options: ServerFuzzOptions): Promise<ServerFuzzReport> {
  const started = performance.now();
  const gc = collector();
  const report: ServerFuzzReport = {
    ...{ seed: options.seed, requests: 0, byKind: {}, outcomes: {}, failures: 0, crashes: 0, plantedErrors: 0 },
    ...{ examples: [], heap: { warm: 0, end: 0, limit: HEAP_GROWTH_LIMIT }, ms: 0 },
  };
  const fail = (what: string): void => {
    report.failures++;
    if (report.examples.length < 10) report.examples.push(what.slice(0, 1500));
  };
  const crash = (error: unknown): void => {
    report.crashes++;
    fail(`uncaught: ${String(error)}`);
  };
  process.on('uncaughtException', crash).on('unhandledRejection', crash);
  const before = resources();
  const errors: ErrorLog = { planted: 0, unexpected: [] };
  const hubs = { token: await ReverseHub.start(), open: await ReverseHub.start() };
  const servers = {
    token: await startTarget('token', errors, hubs.token.url),
    open: await startTarget('open', errors, hubs.open.url),
  };
  const ports: Ports = { token: servers.token.port, open: servers.open.port };
  const requests = fc.sample(serverRequest, { seed: options.seed, numRuns: options.requests });
  try {
    const run = (from: number, to: number) =>
      runBatch(requests.slice(from, to), { ports, hubs, lanes: options.lanes }, report, fail);
    await run(0, options.warmup);
    await released(servers, fail);
    report.heap.warm = heapAfterGc(gc);
    await run(options.warmup, requests.length);
    await released(servers, fail);
    await plainCallSucceeds(ports.token, fail);
    await released(servers, fail);
    report.heap.end = heapAfterGc(gc);
    if (report.heap.end - report.heap.warm > HEAP_GROWTH_LIMIT)
      fail(`heap grew by ${report.heap.end - report.heap.warm} bytes`);
  } finally {
    await Promise.all([servers.token.server.close(), servers.open.server.close()]);
    await Promise.all([hubs.token.close(), hubs.open.close()]);
    await settle();
    process.off('uncaughtException', crash).off('unhandledRejection', crash);
  }
  const after = resources();
  for (const [name, count] of Object.entries(after)) {
    if (count > (before[name] ?? 0)) fail(`${count} ${name} after close, ${before[name] ?? 0} before the start`);
  }
  for (const error of errors.unexpected) fail(`onError: ${String(error)}`);
  report.plantedErrors = errors.planted;
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** Sends `batch` on `lanes` concurrent senders, each request checked against the oracle. */
async function runBatch(
  batch: readonly ServerRequest[],
  { ports, hubs, lanes }: { ports: Ports; hubs: Record<Target, ReverseHub>; lanes: number },
  report: ServerFuzzReport,
  fail: (what: string) => void,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: lanes });
  let next = 0;
  const lane = async (): Promise<void> => {
    const sender = new Sender(ports, agent, hubs);
    for (let i = next++; i < batch.length; i = next++) {
      const request = batch[i]!;
      const got = await sender.send(request);
      const kind = kindOf(request);
      report.requests++;
      report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
      for (const outcome of outcomesOf(got)) report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
      const problem = problemOf(expected(request), got);
      if (problem !== undefined) fail(`${problem}; got ${JSON.stringify(got)}; request ${JSON.stringify(request)}`);
    }
    await sender.close();
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  agent.destroy();
}

/**
 * Waits (up to 5 s) until no WebSocket peer, queued run or TCP socket is left but the reverse
 * connections (one peer, two sockets in this process); a failure if one stays.
 */
async function released(servers: Record<Target, RunningServer>, fail: (what: string) => void): Promise<void> {
  const left = (): string | undefined => {
    let reverse = 0;
    for (const { server } of Object.values(servers)) {
      const { wsConnections, queuedRateLimited, reverseConnections } = server.stats();
      const own = reverseConnections.Universal ? 1 : 0;
      reverse += own;
      if (wsConnections - own + queuedRateLimited > 0)
        return `${wsConnections} peers, ${queuedRateLimited} queued runs`;
    }
    const sockets = (resources()['TCPSocketWrap'] ?? 0) - 2 * reverse;
    return sockets > 0 ? `${sockets} TCP sockets open besides the reverse connections` : undefined;
  };
  const deadline = performance.now() + 5000;
  while (left() !== undefined && performance.now() < deadline) await settle(20);
  const still = left();
  if (still !== undefined) fail(`not released after the run: ${still}`);
}

/** A plain call over HTTP still answers ok after everything the fuzzer sent. */
async function plainCallSucceeds(port: number, fail: (what: string) => void): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/get_status`, {
    headers: { authorization: `Bearer ${TOKEN}`, connection: 'close' },
  });
  const body = (await response.json()) as { retcode?: unknown };
  if (response.status !== 200 || body.retcode !== 0)
    fail(`plain call after the run: ${response.status} ${JSON.stringify(body)}`);
}

/** Counts of the kinds of resource that keep the event loop alive (sockets, listeners, timers). */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) {
    if (['TCPSocketWrap', 'TCPServerWrap', 'Timeout'].includes(name)) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `global.gc` when node runs with `--expose-gc`; else the same function, exposed at run time. */
function collector(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc as () => void;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap used plus memory outside the heap (buffers), after a full GC: a leak of either shows. */
function heapAfterGc(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}
