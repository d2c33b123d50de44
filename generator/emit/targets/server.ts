/**
 * Target `<impl>/server.ts`: the server skeleton of one implementation (typed `Handlers`, options,
 * `create<Impl>Server`), plus what a handler needs from the runtime, re-exported:
 *
 *     import { createNapCatServer, OneBotActionError, type Handlers } from './generated/napcat/server.js';
 */
import { IMPLEMENTATION_LABELS } from '../../model/implementations.js';
import type { ImplId, Model } from '../../model/types.js';
import { actionsOf } from '../../model/views.js';
import { fileHeader } from '../ts/header.js';
import { ImportCollector } from '../ts/imports.js';
import { paramsTypeName, responseTypeName } from '../ts/names.js';
import { createServerStructure, handlersStructure, serverOptionsStructure } from '../ts/structures/server.js';
import type { EmittedFile } from './types.js';

const RUNTIME_SERVER = 'runtime/server/index.ts';

export function serverTarget(model: Model, impl: ImplId): EmittedFile {
  const path = `${impl}/server.ts`;
  const actions = actionsOf(model, impl);
  const imports = new ImportCollector();
  imports.addSymbol(RUNTIME_SERVER, 'createOneBotServer');
  for (const name of ['Handler', 'OneBotServer', 'ServerOptions'])
    imports.addSymbol(RUNTIME_SERVER, name, { typeOnly: true });
  imports.addSymbol(`${impl}/types.ts`, 'ACTION_NAMES');
  imports.addSymbol(`${impl}/types.ts`, 'Actions', { typeOnly: true });
  for (const a of actions) {
    imports.addSymbol(`${impl}/types.ts`, paramsTypeName(a), { typeOnly: true });
    imports.addSymbol(`${impl}/types.ts`, responseTypeName(a), { typeOnly: true });
  }
  return {
    path,
    header: fileHeader(
      `OneBot 11 server skeleton for ${IMPLEMENTATION_LABELS[impl]}.`,
      actions.map((a) => a.source.file),
    ),
    statements: [
      ...imports.structures(path),
      "export { OneBotActionError } from '../runtime/protocol.js';",
      "export type { HandlerContext, OneBotServer } from '../runtime/server/index.js';",
      handlersStructure(impl, actions),
      serverOptionsStructure(impl),
      createServerStructure(impl, false),
    ],
  };
}
