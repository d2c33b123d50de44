/**
 * Calls per second through the forward-WebSocket client against a bare `ws` request/echo loop, on the
 * same loopback server, with the same request bytes and the same number of calls in flight. The
 * ratio (client ÷ bare) is what to compare across machines; the target is ≥ 0.8. The table also shows
 * CPU microseconds per call on the client side (bare ÷ client, so again higher is better), which a
 * loaded machine disturbs far less than throughput.
 *
 *     npx tsx bench/client-ws.ts [seconds]
 *
 * The runs alternate (bare, client, client, bare, …) so drift in machine load hits both alike.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';
import { OneBotClient, WebSocketTransport } from '../generator/runtime/client/index.js';

export interface BenchRow {
  readonly name: string;
  readonly callsPerSecond: number;
  /** Client calls/s ÷ bare `ws` calls/s at the same in-flight count. */
  readonly ratio: number;
}

const IN_FLIGHT = [1, 64] as const;
/** Even, so the ABBA order below is balanced. */
const ROUNDS = 4;
const WARMUP_MS = 200;

/**
 * A server that answers every request frame with an ok envelope carrying its echo, and nothing else.
 * It runs in a child process, so its work shares neither the clients' event loop nor their CPU
 * accounting: `process.cpuUsage()` here is the client side alone. Plain JavaScript, because the child
 * does not get tsx's loader; `ws` is passed as a resolved path.
 */
const SERVER_SOURCE = `
const { WebSocketServer } = require(process.argv[1]);
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const { echo } = JSON.parse(String(data));
    socket.send(JSON.stringify({ status: 'ok', retcode: 0, data: null, echo }));
  });
});
wss.once('listening', () => process.stdout.write(wss.address().port + '\\n'));
`;

async function startServer(): Promise<{ url: string; close: () => void }> {
  const ws = createRequire(import.meta.url).resolve('ws');
  const child = spawn(process.execPath, ['-e', SERVER_SOURCE, ws], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `ws://127.0.0.1:${port}/`, close: () => void child.kill() };
}

type Call = () => Promise<unknown>;

/** The baseline: what any client must do at least — send, parse the reply, find the caller by echo. */
async function bareClient(url: string): Promise<{ call: Call; close: () => void }> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const pending = new Map<number, (frame: unknown) => void>();
  let nextEcho = 1;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { echo: number };
    const resolve = pending.get(frame.echo);
    pending.delete(frame.echo);
    resolve?.(frame);
  });
  const call: Call = () =>
    new Promise((resolve) => {
      const echo = nextEcho++;
      pending.set(echo, resolve);
      socket.send(JSON.stringify({ action: 'get_status', params: {}, echo }));
    });
  return { call, close: () => socket.terminate() };
}

async function onebotClient(url: string): Promise<{ call: Call; close: () => Promise<void> }> {
  const transport = new WebSocketTransport({ url, reconnect: false });
  await transport.ready(5000);
  const client = new OneBotClient(transport);
  return { call: () => client.call('get_status'), close: () => client.close() };
}

interface Sample {
  calls: number;
  seconds: number;
  /** Milliseconds of CPU (user + system) this process used: the client side's own cost, syscalls included. */
  cpuMs: number;
}

/** Calls completed in `ms` milliseconds with `inFlight` callers each awaiting one call at a time. */
async function measure(call: Call, inFlight: number, ms: number): Promise<Sample> {
  const deadline = performance.now() + ms;
  let calls = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await call();
      calls++;
    }
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const { user, system } = process.cpuUsage(cpu);
  return { calls, seconds: (performance.now() - start) / 1000, cpuMs: (user + system) / 1000 };
}

/**
 * Runs the comparison: `seconds` of measuring per client and in-flight count (default 2), split into
 * alternating rounds, and prints one table row per in-flight count. Resolves with the client's calls
 * per second and its ratio to the bare loop, per in-flight count.
 */
export async function benchClientWs(options: { seconds?: number } = {}): Promise<BenchRow[]> {
  const segmentMs = ((options.seconds ?? 2) * 1000) / ROUNDS;
  const server = await startServer();
  const bare = await bareClient(server.url);
  const client = await onebotClient(server.url);
  const runners = { bare, client };
  const rows: BenchRow[] = [];
  try {
    for (const inFlight of IN_FLIGHT) {
      await measure(bare.call, inFlight, WARMUP_MS);
      await measure(client.call, inFlight, WARMUP_MS);
      const totals = { bare: { calls: 0, seconds: 0, cpuMs: 0 }, client: { calls: 0, seconds: 0, cpuMs: 0 } };
      // ABBA order: whichever runs second in a pair was seen to gain, so each goes second half the time.
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (['bare', 'client'] as const) : (['client', 'bare'] as const);
        for (const which of order) add(totals[which], await measure(runners[which].call, inFlight, segmentMs));
      }
      const name = `${inFlight} in flight`;
      const ratio = rate(totals.client) / rate(totals.bare);
      rows.push({ name, callsPerSecond: rate(totals.client), ratio });
      console.log(formatRow(name, totals.bare, totals.client));
    }
  } finally {
    bare.close();
    await client.close();
    await server.close();
  }
  return rows;
}

const rate = (sample: Sample) => sample.calls / sample.seconds;
const cpuMicros = (sample: Sample) => (sample.cpuMs * 1000) / sample.calls;

function add(total: Sample, sample: Sample): void {
  total.calls += sample.calls;
  total.seconds += sample.seconds;
  total.cpuMs += sample.cpuMs;
}

const HEADER = ['calls', 'bare /s', 'client /s', 'ratio', 'bare cpu µs', 'client cpu µs', 'ratio'];
const WIDTHS = [14, 10, 10, 5, 11, 13, 5];

/** calls/s of each and client ÷ bare; CPU µs per call of each and bare ÷ client. */
function formatRow(name: string, bare: Sample, client: Sample): string {
  const cells = [
    name,
    fmt(rate(bare)),
    fmt(rate(client)),
    (rate(client) / rate(bare)).toFixed(2),
    cpuMicros(bare).toFixed(1),
    cpuMicros(client).toFixed(1),
    (cpuMicros(bare) / cpuMicros(client)).toFixed(2),
  ];
  return tableRow(cells);
}

const tableRow = (cells: readonly string[]) =>
  `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[i]!) : cell.padStart(WIDTHS[i]!))).join(' | ')} |`;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.argv[2] ?? 2);
  console.log(`forward WebSocket client vs bare ws, ${seconds} s per cell, ${ROUNDS} alternating rounds`);
  console.log(tableRow(HEADER));
  console.log(`|${WIDTHS.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  const rows = await benchClientWs({ seconds });
  const below = rows.filter((row) => row.ratio < 0.8);
  if (below.length > 0) console.log(`below the 0.8 target: ${below.map((row) => row.name).join(', ')}`);
}
