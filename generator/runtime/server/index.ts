/**
 * The OneBot 11 server runtime: what an implementation, a bridge or a mock server runs. Generated
 * `server.ts` files call {@link createOneBotServer} with their `Actions` table, action names and
 * params schemas; everything here is generic over that table.
 */
export { createOneBotServer, SERVER_DEFAULTS } from './server.js';
export {
  Dispatcher,
  HANDLER_ERROR_RETCODE,
  type CallInfo,
  type DispatchResult,
  type DispatcherOptions,
} from './dispatch.js';
export { HANDLE_QUICK_OPERATION } from './events.js';
export { PAYLOAD_TOO_LARGE } from './http-body.js';
export { quickOperationCalls, DEFAULT_BAN_DURATION_S, type QuickOperationCall } from './quick-operation.js';
export { DEFAULT_RECONNECT_INTERVAL_MS, reverseTargets, type ReverseTarget } from './ws-reverse.js';
export type {
  ActionShape,
  ActionTable,
  Handler,
  HandlerContext,
  Handlers,
  HttpPostOptions,
  JsonObject,
  ListenOptions,
  OneBotServer,
  PushReport,
  QuickOperationContext,
  ReverseOptions,
  ServerOptions,
  Transport,
} from './types.js';
