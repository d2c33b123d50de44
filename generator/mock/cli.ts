/**
 * `npm run mock -- --impl napcat [--docs DIR] [--port 5700] [--host 127.0.0.1] [--access-token T] [--self-id N]`
 *
 * A mock OneBot 11 server that answers like the chosen implementation, from the docs: HTTP and forward
 * WebSocket on one port, one log line per call. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { isEntry } from '../entry.js';
import { actionSchemas } from '../emit/schema/index.js';
import { buildModel } from '../generate.js';
import { formatDiagnostic } from '../model/diagnostics.js';
import { IMPLEMENTATIONS, type ImplId } from '../model/types.js';
import { readDocs } from '../parse/read-docs.js';
import { createOneBotServer } from '../runtime/server/index.js';
import type { OneBotServer } from '../runtime/server/index.js';
import { mockAnswers } from './handlers.js';

const USAGE = `usage: npm run mock -- --impl ${IMPLEMENTATIONS.join('|')} [--docs DIR] [--port 5700] [--host 127.0.0.1] [--access-token T] [--self-id N]`;

export interface MockOptions {
  readonly impl: ImplId;
  readonly docs: string;
  readonly port: number;
  readonly host: string;
  readonly accessToken?: string | undefined;
  readonly selfId: number;
  readonly log: (line: string) => void;
}

/** Starts the mock server; resolves with it and the port it listens on (port 0 picks a free one). */
export async function startMock(options: MockOptions): Promise<{ server: OneBotServer; port: number }> {
  const { model, diagnostics } = buildModel(await readDocs(options.docs));
  for (const d of diagnostics.filter((x) => x.severity === 'error')) options.log(formatDiagnostic(d));
  const answers = mockAnswers(model, options.impl);
  const handlers = Object.fromEntries([...answers].map(([action, answer]) => [action, () => answer.data]));
  const server = createOneBotServer({
    actions: [...answers.keys()],
    handlers,
    paramsSchemas: Object.fromEntries(
      Object.entries(actionSchemas(model, options.impl)).map(([n, s]) => [n, s.params]),
    ),
    selfId: options.selfId,
    http: { port: options.port, host: options.host },
    ws: 'same-port',
    ...(options.accessToken ? { accessToken: options.accessToken } : {}),
    log: options.log,
  });
  const { httpPort } = await server.listen();
  return { server, port: httpPort ?? options.port };
}

export async function mockMain(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        impl: { type: 'string' },
        docs: { type: 'string', default: 'docs-src' },
        port: { type: 'string', default: '5700' },
        host: { type: 'string', default: '127.0.0.1' },
        'access-token': { type: 'string' },
        'self-id': { type: 'string', default: '10001' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (
    !IMPLEMENTATIONS.includes(values.impl as ImplId) ||
    !/^\d+$/.test(values.port) ||
    !/^\d+$/.test(values['self-id'])
  ) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const { server, port } = await startMock({
    impl: values.impl as ImplId,
    docs: values.docs,
    port: Number(values.port),
    host: values.host,
    accessToken: values['access-token'],
    selfId: Number(values['self-id']),
    log,
  });
  log(`mock ${values.impl} on http://${values.host}:${port} and ws://${values.host}:${port}/ (Ctrl-C stops)`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  return 0;
}

if (isEntry(import.meta.url)) {
  mockMain(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
