/**
 * A handler whose data JSON cannot hold (a BigInt, a cycle) answers like a handler that threw:
 * HTTP 200 and WebSocket alike get retcode 1500 with the echo, the error reaches `onError`, and the
 * server serves on. Found by the server fuzzer: over WebSocket the serialising error was thrown
 * where nothing caught it and ended the process.
 */
import { afterEach, describe, it } from 'vitest';
import { check, cleanup, connect, startServer } from './helpers.js';

afterEach(cleanup);

const cycle: Record<string, unknown> = {};
cycle['self'] = cycle;

const rows: Array<[string, { data: unknown; error: string }]> = [
  ['a BigInt', { data: { message_id: 1n }, error: 'TypeError: Do not know how to serialize a BigInt' }],
  ['a cycle', { data: cycle, error: 'TypeError: Converting circular structure to JSON' }],
];

describe('data JSON cannot hold', () => {
  for (const [name, { data, error }] of rows) {
    it(`${name}: retcode 1500 over HTTP and WebSocket, the error to onError, served on`, async () => {
      const server = await startServer({
        handlers: { send_msg: () => data as { message_id: number }, get_status: () => ({ online: true }) },
      });
      const response = await fetch(`${server.http}/send_msg`);
      const body = (await response.json()) as { retcode: number; message: string };
      check([response.status, body.retcode], [200, 1500]);
      check(body.message.startsWith('response data is not JSON: '), true, body.message);
      const client = await connect(`${server.ws}/api`);
      const frame = (await client.call({ action: 'send_msg', echo: 'e' })) as { retcode: number; echo: unknown };
      check([frame.retcode, frame.echo], [1500, 'e']);
      check((await client.call({ action: 'get_status', echo: 2 })) as unknown, {
        status: 'ok',
        retcode: 0,
        data: { online: true },
        echo: 2,
      });
      check(
        server.errors.map((e) => String(e).split('\n')[0]?.slice(0, error.length)),
        [error, error],
      );
    });
  }
});
