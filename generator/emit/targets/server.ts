/**
 * Target `<impl>/server.ts`: the server skeleton of one implementation (typed `Handlers`, options,
 * `create<Impl>Server`), plus what a handler needs from the runtime, re-exported:
 *
 *     import { createNapCatServer, OneBotActionError, type Handlers } from './generated/napcat/server.js';
 */
import { IMPLEMENTATION_LABELS } from '../../model/implementations.js';
import type { ImplId, Model } from '../../model/types.js';
import { actionsOf } from '../../model/views.js';
import { actionSchemas } from '../schema/index.js';
import { fileHeader } from '../ts/header.js';
import { ImportCollector } from '../ts/imports.js';
import { paramsTypeName, responseTypeName, type TsNames, tsNames } from '../ts/names.js';
import { createServerStructure, handlersStructure, serverOptionsStructure } from '../ts/structures/server.js';
import type { EmittedFile } from './types.js';

const RUNTIME_SERVER = 'runtime/server/index.ts';

export function serverTarget(model: Model, impl: ImplId, names: TsNames = tsNames(model)): EmittedFile {
  const path = `${impl}/server.ts`;
  const actions = actionsOf(model, impl);
  const imports = new ImportCollector();
  imports.addSymbol(RUNTIME_SERVER, 'createOneBotServer');
  for (const name of ['Handler', 'OneBotServer', 'ServerOptions'])
    imports.addSymbol(RUNTIME_SERVER, name, { typeOnly: true });
  imports.addSymbol(`${impl}/types.ts`, 'ACTION_NAMES');
  imports.addSymbol(`${impl}/params-schemas.ts`, 'PARAMS_SCHEMAS');
  imports.addSymbol(`${impl}/types.ts`, 'Actions', { typeOnly: true });
  for (const a of actions) {
    imports.addSymbol(`${impl}/types.ts`, paramsTypeName(a, names), { typeOnly: true });
    imports.addSymbol(`${impl}/types.ts`, responseTypeName(a, names), { typeOnly: true });
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
      handlersStructure(impl, actions, names),
      serverOptionsStructure(impl),
      createServerStructure(impl, true),
    ],
  };
}

/**
 * Target `<impl>/params-schemas.ts`: the JSON Schema (2020-12) of every action's params, by action
 * name, which the server validates and coerces params with (ajv, compiled on first use).
 *
 *     export const PARAMS_SCHEMAS: Readonly<Record<string, object>> = { get_cookies: { type: 'object', … } };
 */
export function paramsSchemasTarget(model: Model, impl: ImplId): EmittedFile {
  const schemas = Object.fromEntries(Object.entries(actionSchemas(model, impl)).map(([name, s]) => [name, s.params]));
  return {
    path: `${impl}/params-schemas.ts`,
    header: fileHeader(
      `JSON Schema of every ${IMPLEMENTATION_LABELS[impl]} action's params.`,
      actionsOf(model, impl).map((a) => a.source.file),
    ),
    statements: [
      `/** Params schema (JSON Schema 2020-12, self-contained) of each action, by action name. */\nexport const PARAMS_SCHEMAS: Readonly<Record<string, object>> = ${JSON.stringify(schemas)};`,
    ],
  };
}
