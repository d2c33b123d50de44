/**
 * The transport-independent core, called directly: frame shapes, validation messages, coercion the
 * schema drives, shared schemas, and what happens when a schema or a handler is broken.
 */
import { describe, it } from 'vitest';
import { OneBotActionError } from '../../../generator/runtime/protocol.js';
import { Dispatcher } from '../../../generator/runtime/server/index.js';
import { check } from './helpers.js';

const MESSAGE = {
  $id: 'https://example.com/message.json',
  anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/$defs/segment' } }],
  $defs: {
    segment: {
      type: 'object',
      properties: { type: { type: 'string' }, data: { type: 'object' } },
      required: ['type', 'data'],
    },
  },
};

const SCHEMAS = {
  send: {
    type: 'object',
    properties: {
      group_id: { type: 'integer' },
      message: { $ref: 'https://example.com/message.json' },
      segments: { type: 'array', items: { type: 'object' } },
      silent: { type: 'boolean' },
    },
    required: ['group_id'],
    additionalProperties: false,
  },
  broken: { $ref: 'https://example.com/missing.json' },
};

function setup(handlers: Record<string, (params: never) => unknown> = {}) {
  const errors: unknown[] = [];
  const got: unknown[] = [];
  const dispatcher = new Dispatcher({
    handlers: { send: (params: unknown) => void got.push(params), broken: () => null, ...handlers },
    actions: ['send', 'broken', 'zero'],
    paramsSchemas: SCHEMAS,
    sharedSchemas: [MESSAGE],
    selfId: 1,
    onError: (error) => errors.push(error),
  });
  return { dispatcher, errors, got };
}

const rows: Array<[string, { frame: unknown; want: { retcode: number; message?: string; params?: unknown } }]> = [
  [
    'frame that is not an object',
    { frame: [1], want: { retcode: 1400, message: 'a call is an object with a string action' } },
  ],
  [
    'action that is not a string',
    { frame: { action: 5 }, want: { retcode: 1400, message: 'a call is an object with a string action' } },
  ],
  [
    'null params count as none',
    { frame: { action: 'send', params: null }, want: { retcode: 1400, message: 'params.group_id: is required' } },
  ],
  [
    'a field the schema does not allow',
    {
      frame: { action: 'send', params: { group_id: 1, extra: 1 } },
      want: { retcode: 1400, message: 'params.extra: is not allowed' },
    },
  ],
  [
    'nested path in the message',
    {
      frame: { action: 'send', params: { group_id: 1, message: [{ type: 'text' }] } },
      want: { retcode: 1400, message: 'params.message: must match a schema in anyOf' },
    },
  ],
  [
    'shared schema through $ref accepts segments',
    {
      frame: { action: 'send', params: { group_id: '1', message: [{ type: 'text', data: { text: 'x' } }] } },
      want: { retcode: 0, params: { group_id: 1, message: [{ type: 'text', data: { text: 'x' } }] } },
    },
  ],
  [
    'a JSON string where only an array is allowed is parsed; 1 is true',
    {
      frame: { action: 'send', params: { group_id: 2, segments: '[{"type":"face"}]', silent: '1' } },
      want: { retcode: 0, params: { group_id: 2, segments: [{ type: 'face' }], silent: true } },
    },
  ],
  [
    'a string message stays a string',
    {
      frame: { action: 'send', params: { group_id: 3, message: '[1]' } },
      want: { retcode: 0, params: { group_id: 3, message: '[1]' } },
    },
  ],
  [
    'a JSON string that is not JSON is reported by field',
    {
      frame: { action: 'send', params: { group_id: 2, segments: '[' } },
      want: { retcode: 1400, message: 'params.segments: must be array' },
    },
  ],
  [
    'a schema that does not compile answers 1500',
    { frame: { action: 'broken' }, want: { retcode: 1500, message: 'params schema of broken does not compile' } },
  ],
];

describe('Dispatcher.dispatch', () => {
  for (const [name, { frame, want }] of rows) {
    it(name, async () => {
      const { dispatcher, got } = setup();
      const { response } = await dispatcher.dispatch(frame, { transport: 'ws' });
      check(
        { retcode: response.retcode, message: response.message, params: got[0] },
        { retcode: want.retcode, message: want.message, params: want.params },
      );
    });
  }

  it('reports a broken schema to onError on every call, compiling it once', async () => {
    const { dispatcher, errors } = setup();
    await dispatcher.dispatch({ action: 'broken' }, { transport: 'ws' });
    await dispatcher.dispatch({ action: 'broken' }, { transport: 'ws' });
    check(errors.length, 2);
    check(errors[0] === errors[1], true, 'the error of the one compile, not a second one');
  });

  it('turns a OneBotActionError with retcode 0 into 1500, and undefined data into null', async () => {
    const { dispatcher } = setup({
      zero: () => {
        throw new OneBotActionError('zero', 0, 'odd');
      },
      send: () => undefined,
    });
    const zero = await dispatcher.dispatch({ action: 'zero' }, { transport: 'http' });
    check([zero.response.status, zero.response.retcode, zero.response.message], ['failed', 1500, 'odd']);
    const sent = await dispatcher.dispatch({ action: 'send', params: { group_id: 1 } }, { transport: 'http' });
    check(sent.response, { status: 'ok', retcode: 0, data: null });
  });

  it('answers a rejected promise like a throw', async () => {
    const { dispatcher, errors } = setup({ send: () => Promise.reject(new Error('later')) });
    const { response } = await dispatcher.dispatch(
      { action: 'send', params: { group_id: 1 }, echo: 'e' },
      { transport: 'ws' },
    );
    check([response.retcode, response.message, response.echo, errors.length], [1500, 'later', 'e', 1]);
  });
});
