/**
 * Target `<impl>/client.ts`: the typed client of one implementation, plus the transports and errors
 * an app needs, re-exported so one import is enough:
 *
 *     import { NapCatClient, WebSocketTransport } from './generated/napcat/client.js';
 */
import { actionsOf } from '../../model/views.js';
import { IMPLEMENTATION_LABELS } from '../../model/implementations.js';
import type { ImplId, Model } from '../../model/types.js';
import { fileHeader } from '../ts/header.js';
import { ImportCollector, MODULE_PATHS } from '../ts/imports.js';
import { methodNames, paramsTypeName, responseTypeName, type TsNames, tsNames } from '../ts/names.js';
import { clientClassStructure } from '../ts/structures/client.js';
import type { EmittedFile } from './types.js';

const RUNTIME_CLIENT = 'runtime/client/index.ts';

/** What an app takes from the runtime through this file. */
const REEXPORTS = [
  'HttpTransport',
  'OneBotActionError',
  'OneBotConnectionError',
  'OneBotHttpError',
  'OneBotProtocolError',
  'OneBotTimeoutError',
  'ReverseWebSocketServer',
  'WebSocketTransport',
  'type CallOptions',
  'type ClientTransport',
  'type HttpTransportOptions',
  'type OneBotClientOptions',
  'type ReverseWebSocketOptions',
  'type WebSocketTransportOptions',
];

export function clientTarget(model: Model, impl: ImplId, names: TsNames = tsNames(model)): EmittedFile {
  const path = `${impl}/client.ts`;
  const actions = actionsOf(model, impl);
  const withEvents = model.events.length > 0;
  const imports = new ImportCollector();
  imports.addSymbol(RUNTIME_CLIENT, 'OneBotClient');
  imports.addSymbol(RUNTIME_CLIENT, 'ParamsArgs', { typeOnly: true });
  imports.addSymbol(`${impl}/types.ts`, 'Actions', { typeOnly: true });
  for (const a of actions) {
    imports.addSymbol(`${impl}/types.ts`, paramsTypeName(a, names), { typeOnly: true });
    imports.addSymbol(`${impl}/types.ts`, responseTypeName(a, names), { typeOnly: true });
  }
  if (withEvents) {
    imports.addSymbol(RUNTIME_CLIENT, 'ClientTransport', { typeOnly: true });
    imports.addSymbol(RUNTIME_CLIENT, 'OneBotClientOptions', { typeOnly: true });
    imports.addSymbol(MODULE_PATHS.events, 'EventMap', { typeOnly: true });
    imports.addSymbol(MODULE_PATHS.events, 'eventKey');
  }
  return {
    path,
    header: fileHeader(
      `OneBot 11 client for ${IMPLEMENTATION_LABELS[impl]}.`,
      actions.map((a) => a.source.file),
    ),
    statements: [
      ...imports.structures(path),
      `export { ${REEXPORTS.join(', ')} } from '../runtime/client/index.js';`,
      clientClassStructure(impl, actions, methodNames(actions), withEvents, names),
    ],
  };
}
