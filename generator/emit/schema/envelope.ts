/**
 * The OneBot 11 envelopes as JSON Schema, from the protocol facts in `runtime/protocol.ts`:
 *
 *     request   { action: 'get_cookies', params: { … }, echo?: any }
 *     response  { status: 'ok' | 'async' | 'failed', retcode: 0, data: { … }, message?, wording?, echo? }
 */
import { RETCODE } from '../../runtime/protocol.js';
import { FIXED_DEFS } from './names.js';
import type { JsonSchema } from './type-schema.js';

/** `status` values of a response envelope, in protocol order. */
export const RESPONSE_STATUSES = ['ok', 'async', 'failed'] as const;

const ECHO: JsonSchema = {
  description: 'Any JSON value the caller sent with the request; returned unchanged to match the response to it.',
};

const RETCODE_SCHEMA: JsonSchema = {
  type: 'integer',
  description: `${RETCODE.ok} ok, ${RETCODE.async} async; any other value is a failure (${RETCODE.badRequest} bad request, ${RETCODE.unauthorized} no token, ${RETCODE.forbidden} wrong token, ${RETCODE.notFound} unknown action, or the implementation's own codes).`,
};

/** The envelope parts every action shares, as defs (`ResponseStatus`, `Retcode`, `Echo`), for documents that `$ref` them. */
export function envelopeDefs(): Record<string, JsonSchema> {
  return { [FIXED_DEFS.status]: statusSchema(), [FIXED_DEFS.retcode]: RETCODE_SCHEMA, [FIXED_DEFS.echo]: ECHO };
}

/** A shared envelope part: a `$ref` when the document has the defs (`ref`), inline otherwise. */
function part(name: keyof typeof PARTS, ref?: (name: string) => string): JsonSchema {
  return ref ? { $ref: ref(FIXED_DEFS[name]) } : PARTS[name]();
}
const PARTS = { status: statusSchema, retcode: () => RETCODE_SCHEMA, echo: () => ECHO };

/** The response envelope around `data` (a schema or a `$ref` to one). */
export function responseEnvelope(data: JsonSchema, ref?: (name: string) => string): JsonSchema {
  return {
    type: 'object',
    description: `The response envelope. \`data\` is null when status is \`async\` (retcode ${RETCODE.async}) or \`failed\`.`,
    properties: {
      status: part('status', ref),
      retcode: part('retcode', ref),
      data: { anyOf: [data, { type: 'null' }] },
      message: { type: 'string', description: 'Error text of a failed call, when sent.' },
      wording: { type: 'string', description: 'Error text for people, when sent.' },
      echo: part('echo', ref),
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
export function requestEnvelope(
  action: string | undefined,
  params: JsonSchema,
  ref?: (name: string) => string,
): JsonSchema {
  return {
    type: 'object',
    properties: {
      action: action === undefined ? { type: 'string' } : { const: action },
      params,
      echo: part('echo', ref),
    },
    required: ['action'],
  };
}
