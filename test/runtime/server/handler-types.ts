/**
 * The handler types a generated `server.ts` relies on: params and response typed per action from the
 * `Actions` interface, unknown actions and wrong return types rejected. Checked by `npm run typecheck`
 * (tsc over test/), never run: a `.test-d.ts` would add seconds of vitest typecheck to this folder.
 */
import { expectTypeOf } from 'vitest';
import {
  createOneBotServer,
  type HandlerContext,
  type Handlers,
  type OneBotServer,
} from '../../../generator/runtime/server/index.js';

/** Shaped like a generated `Actions` interface (an interface, not a type alias, on purpose). */
interface Actions {
  send_private_msg: { params: { user_id: number; message: string }; response: { message_id: number } };
  get_status: { params: Record<string, never>; response: { online: boolean } };
}

export function typesParamsAndResponses(): void {
  const handlers: Partial<Handlers<Actions>> = {
    send_private_msg: (params, ctx) => {
      expectTypeOf(params.user_id).toEqualTypeOf<number>();
      expectTypeOf(ctx).toEqualTypeOf<HandlerContext>();
      return { message_id: params.user_id };
    },
    get_status: async () => ({ online: true }),
  };
  expectTypeOf(createOneBotServer<Actions>({ handlers, actions: [], selfId: 1 })).toEqualTypeOf<OneBotServer>();
}

export function rejectsWrongReturnAndUnknownAction(): void {
  createOneBotServer<Actions>({
    actions: [],
    selfId: 1,
    handlers: {
      // @ts-expect-error message_id must be a number
      send_private_msg: () => ({ message_id: 'x' }),
    },
  });
  createOneBotServer<Actions>({
    actions: [],
    selfId: 1,
    handlers: {
      // @ts-expect-error not an action of the table
      no_such_action: () => null,
    },
  });
}

export function typesQuickOperationCall(): void {
  createOneBotServer<Actions>({
    actions: [],
    selfId: 1,
    handlers: {},
    onQuickOperation: async (_event, _operation, ctx) => {
      const response = await ctx.call('send_private_msg', { user_id: 1, message: 'm' });
      expectTypeOf(response.data).toEqualTypeOf<{ message_id: number } | null>();
      // @ts-expect-error user_id must be a number
      await ctx.call('send_private_msg', { user_id: '1', message: 'm' });
    },
  });
}
