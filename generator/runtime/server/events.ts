/**
 * Pushing one event, in the docs' order: the HTTP POST report first, then its quick operation, then
 * every event socket. The event is serialised once; the same bytes are signed, posted and pushed.
 * Events are not serialised against each other: a slow HTTP POST receiver delays only its own event.
 */
import { OneBotActionError, RETCODE, type ActionResponse } from '../protocol.js';
import type { Dispatcher } from './dispatch.js';
import { reportEvent, type ReportOptions } from './http-post.js';
import type { Peer } from './peer.js';
import { quickOperationCalls } from './quick-operation.js';
import type { JsonObject, PushReport } from './types.js';

/** The hidden action some implementations offer to apply a quick operation (`{ context, operation }`). */
export const HANDLE_QUICK_OPERATION = '.handle_quick_operation';

/** `ServerOptions.onQuickOperation` with the action table erased. */
export type QuickOperationHook = (
  event: JsonObject,
  operation: JsonObject,
  ctx: { call(action: string, params: unknown): Promise<ActionResponse>; readonly signal: AbortSignal },
) => void | Promise<void>;

/** What pushing needs from the server. */
export interface EventPushOptions {
  readonly report: ReportOptions | undefined;
  readonly dispatcher: Dispatcher;
  readonly onQuickOperation: QuickOperationHook | undefined;
  /** Connections that take events now. */
  readonly sockets: () => Iterable<Peer>;
  readonly onError: (error: unknown) => void;
}

/** Pushes `event` everywhere it goes; never rejects (failures go to `onError`). */
export async function pushEvent(options: EventPushOptions, event: JsonObject): Promise<PushReport> {
  const body = JSON.stringify(event);
  let httpPostStatus: number | undefined;
  let quickOperation: JsonObject | undefined;
  if (options.report !== undefined) {
    try {
      const result = await reportEvent(options.report, body, options.dispatcher.signal);
      httpPostStatus = result.status;
      quickOperation = result.operation;
    } catch (error) {
      options.onError(error);
    }
  }
  if (quickOperation !== undefined) await applyQuickOperation(options, event, quickOperation);
  let sockets = 0;
  for (const peer of options.sockets()) if (peer.send(body)) sockets++;
  return { httpPostStatus, quickOperation, sockets };
}

/**
 * `onQuickOperation` when given; else the implementation's `.handle_quick_operation` handler; else
 * the standard operations as calls of its own handlers. Failed calls go to `onError`.
 */
async function applyQuickOperation(options: EventPushOptions, event: JsonObject, operation: JsonObject): Promise<void> {
  const { dispatcher, onError } = options;
  const call = async (action: string, params: unknown): Promise<ActionResponse> => {
    const { response } = await dispatcher.dispatch({ action, params }, { transport: 'http-post' });
    return response;
  };
  try {
    if (options.onQuickOperation !== undefined) {
      await options.onQuickOperation(event, operation, { call, signal: dispatcher.signal });
      return;
    }
    const calls = dispatcher.handles(HANDLE_QUICK_OPERATION)
      ? [{ action: HANDLE_QUICK_OPERATION, params: { context: event, operation } }]
      : quickOperationCalls(event, operation);
    for (const { action, params } of calls) {
      const response = await call(action, params);
      if (response.retcode !== RETCODE.ok && response.retcode !== RETCODE.async) {
        onError(new OneBotActionError(action, response.retcode, response.message, { response }));
      }
    }
  } catch (error) {
    onError(error);
  }
}
