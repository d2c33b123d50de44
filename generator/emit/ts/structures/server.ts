/**
 * The server skeleton of one implementation: a typed handler per action, and a factory that hands
 * the documented action names to the runtime.
 *
 *     export interface Handlers {
 *       /** 获取 Cookies — `get_cookies` … @see docs-src/api/bot.md:210 *\/
 *       get_cookies: Handler<GetCookiesParams, GetCookiesResponse>;
 *     }
 *     export function createNapCatServer(options: NapCatServerOptions): OneBotServer { … }
 */
import type {
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import { StructureKind } from '../morph.js';
import { IMPLEMENTATION_LABELS } from '../../../model/implementations.js';
import type { Action, ImplId } from '../../../model/types.js';
import { docText } from '../jsdoc.js';
import { paramsTypeName, propertyKey, responseTypeName, type TsNames } from '../names.js';
import { actionDoc } from './action-map.js';
import { clientClassName } from './client.js';

/** `napcat` → `NapCat` (the stem of `NapCatClient`, `createNapCatServer`, `NapCatServerOptions`). */
export function implStem(impl: ImplId): string {
  return clientClassName(impl).replace(/Client$/, '');
}

export function handlersStructure(
  impl: ImplId,
  actions: readonly Action[],
  names: TsNames,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: 'Handlers',
    isExported: true,
    docs: [
      docText([
        `One handler per action ${IMPLEMENTATION_LABELS[impl]} has: params in (validated against the docs`,
        'and coerced from query strings), response data out. Throw `OneBotActionError` to answer `failed`',
        'with its retcode; the context carries the self ID, the transport and the connection.',
      ]),
    ],
    properties: actions.map((a) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(a.name),
      type: `Handler<${paramsTypeName(a, names)}, ${responseTypeName(a, names)}>`,
      docs: [actionDoc(a, impl)],
    })),
  };
}

export function serverOptionsStructure(impl: ImplId): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: `${implStem(impl)}ServerOptions`,
    isExported: true,
    docs: [
      docText([
        `Options of {@link create${implStem(impl)}Server}: the runtime's \`ServerOptions\` without what the docs`,
        'fix (the action names and params schemas), with handlers typed per action. A subset of handlers is',
        'allowed: an action without one answers retcode 1404 (HTTP 404).',
      ]),
    ],
    type: `Omit<ServerOptions<Actions>, 'actions' | 'handlers' | 'paramsSchemas'> & { readonly handlers: Partial<Handlers> }`,
  };
}

export function createServerStructure(impl: ImplId, withSchemas: boolean): FunctionDeclarationStructure {
  const stem = implStem(impl);
  return {
    kind: StructureKind.Function,
    name: `create${stem}Server`,
    isExported: true,
    docs: [
      docText([
        `A OneBot 11 server that speaks as ${IMPLEMENTATION_LABELS[impl]}: HTTP, forward and reverse WebSocket,`,
        'event push and HTTP POST reports, as configured. Call `listen()` to start, `close()` to stop.',
        '@example',
        `const server = create${stem}Server({ selfId: 10001, http: { port: 5700 }, ws: 'same-port', handlers: {} });`,
      ]),
    ],
    parameters: [{ name: 'options', type: `${stem}ServerOptions` }],
    returnType: 'OneBotServer',
    statements: [
      `return createOneBotServer<Actions>({ ...options, actions: ACTION_NAMES${withSchemas ? ', paramsSchemas: PARAMS_SCHEMAS' : ''} });`,
    ],
  };
}
