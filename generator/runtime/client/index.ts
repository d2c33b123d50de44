/**
 * The client runtime: a typed OneBot 11 client over HTTP, forward WebSocket or reverse WebSocket.
 * Generated clients extend {@link OneBotClient}; apps pick a transport.
 */
export {
  type ActionMap,
  type ActionShape,
  type CallOptions,
  OneBotClient,
  type OneBotClientOptions,
  type ParamsArgs,
  type ParamsOf,
  type ResponseOf,
  type UntypedActions,
} from './client.js';
export {
  ANY_EVENT,
  type EventContext,
  type EventListener,
  type EventOfPrefix,
  type EventPrefix,
  structuralEventKey,
} from './events.js';
export {
  OneBotConnectionError,
  OneBotHttpError,
  OneBotProtocolError,
  OneBotTimeoutError,
  OneBotTransportError,
} from './errors.js';
export { OneBotActionError } from '../protocol.js';
export { type ReconnectOptions, RECONNECT_DEFAULTS, reconnectDelay } from './backoff.js';
export { HttpTransport, type HttpTransportOptions } from './http.js';
export { WebSocketTransport, type WebSocketCloseInfo, type WebSocketTransportOptions } from './websocket.js';
export { ReverseWebSocketServer, type ReverseWebSocketOptions } from './reverse.js';
export type { ReverseHandshake } from './reverse-handshake.js';
export type {
  ClientTransport,
  EventFrame,
  EventFrameListener,
  EventSource,
  TransportRequestOptions,
} from './transport.js';
