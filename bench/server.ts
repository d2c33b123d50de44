/**
 * `npx tsx bench/server.ts [seconds]`: requests per second of the OneBot server runtime against a
 * minimal `node:http` / `ws` server answering the same bytes, over HTTP (keep-alive, 32 concurrent
 * requests) and forward WebSocket (64 calls in flight), for a trivial handler.
 *
 * Servers run in a worker thread and the load in the main thread, so the load generator does not
 * share a core with the server it measures. Runs alternate (runtime, baseline, runtime, …) so drift
 * in machine load hits both; the median of the per-round ratios is what to compare across machines.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { WebSocket, WebSocketServer } from 'ws';
import { createOneBotServer, type OneBotServer } from '../generator/runtime/server/index.js';

type Kind = 'onebot-http' | 'baseline-http' | 'onebot-ws' | 'baseline-ws';
interface Actions {
  get_status: { params: Record<string, never>; response: { online: boolean; good: boolean } };
}

const DATA = { online: true, good: true };
const HTTP_BODY = JSON.stringify({ status: 'ok', retcode: 0, data: DATA });
const HTTP_CONCURRENCY = 32;
const WS_IN_FLIGHT = 64;
const WS_CONNECTIONS = 4;

/** One row per transport: the runtime's requests/second and its ratio to the minimal server. */
export async function benchServer(
  options: { seconds?: number } = {},
): Promise<Array<{ name: string; requestsPerSecond: number; ratio: number }>> {
  const seconds = options.seconds ?? 6;
  const rounds = Math.max(2, Math.round(seconds));
  const slice = (seconds * 1000) / (rounds * 4);
  const worker = startWorker();
  const control = controller(worker);
  const counts: Record<Kind, number[]> = { 'onebot-http': [], 'baseline-http': [], 'onebot-ws': [], 'baseline-ws': [] };
  try {
    for (let round = 0; round < rounds; round++) {
      // Alternate the order too, so neither side always runs on a warmer process.
      const order: Kind[] =
        round % 2 === 0
          ? ['onebot-http', 'baseline-http', 'onebot-ws', 'baseline-ws']
          : ['baseline-http', 'onebot-http', 'baseline-ws', 'onebot-ws'];
      for (const kind of order) {
        const port = await control.start(kind);
        counts[kind].push(kind.endsWith('http') ? await loadHttp(port, slice) : await loadWs(port, slice));
        await control.stop();
      }
    }
  } finally {
    await worker.terminate();
  }
  const row = (name: string, ours: number[], baseline: number[]) => ({
    name,
    requestsPerSecond: sum(ours) / ((rounds * slice) / 1000),
    // The median of per-round ratios: one round disturbed by other load on the machine does not decide it.
    ratio: median(ours.map((count, i) => count / (baseline[i] ?? count))),
  });
  return [
    row('http', counts['onebot-http'], counts['baseline-http']),
    row('ws', counts['onebot-ws'], counts['baseline-ws']),
  ];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Requests completed in `ms` with HTTP_CONCURRENCY keep-alive requests in flight. */
async function loadHttp(port: number, ms: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: HTTP_CONCURRENCY });
  const deadline = performance.now() + ms;
  let done = 0;
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/get_status', agent }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
  const lane = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await one();
      done++;
    }
  };
  await Promise.all(Array.from({ length: HTTP_CONCURRENCY }, lane));
  agent.destroy();
  return done;
}

/** Calls answered in `ms` with WS_IN_FLIGHT calls in flight over WS_CONNECTIONS sockets. */
async function loadWs(port: number, ms: number): Promise<number> {
  const sockets = await Promise.all(
    Array.from({ length: WS_CONNECTIONS }, () => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/api`, { perMessageDeflate: false });
      return new Promise<WebSocket>((resolve, reject) =>
        socket.once('open', () => resolve(socket)).once('error', reject),
      );
    }),
  );
  const deadline = performance.now() + ms;
  let done = 0;
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          let inFlight = 0;
          let echo = 0;
          const send = (): void => {
            inFlight++;
            socket.send(JSON.stringify({ action: 'get_status', echo: echo++ }));
          };
          socket.on('message', () => {
            done++;
            inFlight--;
            if (performance.now() < deadline) send();
            else if (inFlight === 0) resolve();
          });
          for (let i = 0; i < WS_IN_FLIGHT / WS_CONNECTIONS; i++) send();
        }),
    ),
  );
  for (const socket of sockets) socket.terminate();
  return done;
}

/**
 * This same file as a worker. Under tsx (a `.ts` URL) the worker registers tsx first: loader flags
 * in `execArgv` do not reach worker threads on every Node 20 release.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self));
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(code, { eval: true });
}

/** Main-thread side of the worker protocol: start a server of a kind (→ port), stop it. */
function controller(worker: Worker): { start(kind: Kind): Promise<number>; stop(): Promise<void> } {
  const reply = (): Promise<number> =>
    new Promise((resolve) => worker.once('message', (port: number) => resolve(port)));
  return {
    start: (kind) => {
      worker.postMessage({ start: kind });
      return reply();
    },
    stop: async () => {
      worker.postMessage({ stop: true });
      await reply();
    },
  };
}

/** Worker side: one server at a time. */
async function serveInWorker(): Promise<void> {
  let stop: (() => Promise<void>) | undefined;
  parentPort?.on('message', async (message: { start?: Kind; stop?: boolean }) => {
    if (message.start !== undefined) {
      const started = await startKind(message.start);
      stop = started.stop;
      parentPort?.postMessage(started.port);
    } else {
      await stop?.();
      parentPort?.postMessage(0);
    }
  });
}

async function startKind(kind: Kind): Promise<{ port: number; stop: () => Promise<void> }> {
  if (kind === 'onebot-http' || kind === 'onebot-ws') {
    const server: OneBotServer = createOneBotServer<Actions>({
      handlers: { get_status: () => DATA },
      actions: ['get_status'],
      selfId: 1,
      http: kind === 'onebot-http' ? { port: 0 } : false,
      ws: kind === 'onebot-ws' ? { port: 0 } : false,
    });
    const { httpPort, wsPort } = await server.listen();
    return { port: (httpPort ?? wsPort)!, stop: () => server.close() };
  }
  const http: Server = createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(HTTP_BODY),
    });
    res.end(HTTP_BODY);
  });
  if (kind === 'baseline-ws') {
    const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
    wss.on('connection', (socket) =>
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { echo?: unknown };
        socket.send(JSON.stringify({ status: 'ok', retcode: 0, data: DATA, echo: frame.echo }));
      }),
    );
  }
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    });
  return { port: (http.address() as AddressInfo).port, stop };
}

if (!isMainThread) {
  await serveInWorker();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.argv[2] ?? 6);
  console.log(`server runtime vs minimal node:http / ws, ${seconds} s, median ratio of alternating rounds`);
  for (const row of await benchServer({ seconds })) {
    const target = row.ratio >= 0.8 ? 'ok' : 'below 0.8';
    console.log(
      `${row.name.padEnd(5)} ${row.requestsPerSecond.toFixed(0).padStart(8)} req/s  ratio ${row.ratio.toFixed(2)} (${target})`,
    );
  }
}
