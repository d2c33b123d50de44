/**
 * The OneBot 11 envelopes as JSON Schema, from the protocol facts in `runtime/protocol.ts`:
 *
 *     request   { action: 'get_cookies', params: { … }, echo?: any }
 *     response  { status: 'ok' | 'async' | 'failed', retcode: 0, data: { … }, message?, wording?, echo? }
 */
import { RETCODE } from '../../runtime/protocol.js';
import type { JsonSchema } from './type-schema.js';

/** `status` values of a response envelope, in protocol order. */
export const RESPONSE_STATUSES = ['ok', 'async', 'failed'] as const;

const ECHO: JsonSchema = {
  description: 'Any JSON value the caller sent with the request; returned unchanged to match the response to it.',
};

/** The response envelope around `data` (a schema or a `$ref` to one). */
export function responseEnvelope(data: JsonSchema, statusRef?: string): JsonSchema {
  return {
    type: 'object',
    description: `The response envelope. \`data\` is null when status is \`async\` (retcode ${RETCODE.async}) or \`failed\`.`,
    properties: {
      status: statusRef ? { $ref: statusRef } : statusSchema(),
      retcode: {
        type: 'integer',
        description: `${RETCODE.ok} ok, ${RETCODE.async} async; any other value is a failure (${RETCODE.badRequest} bad request, ${RETCODE.unauthorized} no token, ${RETCODE.forbidden} wrong token, ${RETCODE.notFound} unknown action, or the implementation's own codes).`,
      },
      data: { anyOf: [data, { type: 'null' }] },
      message: { type: 'string', description: 'Error text some implementations add to a failed response.' },
      wording: { type: 'string', description: 'Error text for people, when the implementation sends one.' },
      echo: ECHO,
    },
    required: ['status', 'retcode', 'data'],
  };
}

export function statusSchema(): JsonSchema {
  return {
    enum: [...RESPONSE_STATUSES],
    description: `ok (retcode ${RETCODE.ok}), async (retcode ${RETCODE.async}), failed (any other retcode).`,
  };
}

/** One action call over WebSocket: `{ action, params, echo }`; `params` may be left out when it has none. */
export function requestEnvelope(action: string | undefined, params: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: {
      action: action === undefined ? { type: 'string' } : { const: action },
      params,
      echo: ECHO,
    },
    required: ['action'],
  };
}
