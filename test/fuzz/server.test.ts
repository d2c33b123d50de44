/**
 * A fast slice of the server fuzzer (`npm run fuzz` runs it at size): a few hundred requests from a
 * fixed seed against the real runtime over loopback HTTP and WebSocket, each answer checked against
 * the oracle, no crash, every socket released, the heap flat. Then the checks themselves are fed
 * wrong answers, so they are seen to fail.
 */
import { describe, expect, test } from 'vitest';
import { problemOf } from './server-check.js';
import type { Expected } from './server-oracle.js';
import type { Observed } from './server-send.js';
import { fuzzServer } from './server.js';

describe('server fuzz (fast slice)', () => {
  test('every answer is the oracle’s, nothing crashes, everything is released', async () => {
    const report = await fuzzServer({ seed: 20261130, requests: 400, warmup: 100, lanes: 4 });
    expect(report.examples).toEqual([]);
    expect([report.failures, report.crashes, report.requests]).toEqual([0, 0, 400]);
    // The slice reaches the kinds that matter: refusals, calls, suffixes, closes, clients that left.
    for (const outcome of ['status 401', 'status 404', 'status 406', 'retcode 0', 'retcode 1', 'close 1009']) {
      expect(report.outcomes[outcome], outcome).toBeGreaterThan(0);
    }
  });

  const ok = { status: 'ok', retcode: 0, data: { online: true } };
  const wantOk: Expected = { status: 200, envelope: { retcode: 0, data: { online: true } } };
  const rows: Array<[string, { want: Expected; got: Observed; problem: string | undefined }]> = [
    ['the right answer', { want: wantOk, got: { status: 200, body: ok }, problem: undefined }],
    ['another status', { want: wantOk, got: { status: 404, body: ok }, problem: 'want status 200, got 404' }],
    [
      'another retcode',
      {
        want: wantOk,
        got: { status: 200, body: { ...ok, retcode: 1 } },
        problem: 'want {"status":"ok","retcode":0,"data":{"online":true}}',
      },
    ],
    [
      'an echo changed',
      {
        want: { envelope: { retcode: 1404, echo: { value: [1, 'a'] } } },
        got: { body: { status: 'failed', retcode: 1404, data: null, echo: [1] } },
        problem: 'want {"status":"failed","retcode":1404,"data":null,"echo":[1,"a"]}',
      },
    ],
    [
      'an echo invented',
      {
        want: { envelope: { retcode: 1400 } },
        got: { body: { status: 'failed', retcode: 1400, data: null, echo: null } },
        problem: 'an echo the request did not have',
      },
    ],
    ['a close instead of an answer', { want: wantOk, got: { close: 1006 }, problem: 'closed with 1006' }],
    ['no close', { want: { close: 1009 }, got: { body: ok }, problem: 'want close 1009' }],
    ['a reset', { want: wantOk, got: { error: 'ECONNRESET' }, problem: 'client error: ECONNRESET' }],
  ];
  test.each(rows)('the answer check: %s', (_name, { want, got, problem }) => {
    expect(problemOf(want, got)).toBe(problem);
  });
});
