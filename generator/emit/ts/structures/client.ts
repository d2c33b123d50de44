/**
 * The client class of one implementation: one method per action that calls the runtime.
 *
 *     export class NapCatClient extends OneBotClient<Actions, EventMap> {
 *       /** 获取 Cookies — `get_cookies` … @see docs-src/api/bot.md:210 *\/
 *       getCookies(...args: ParamsArgs<GetCookiesParams>): Promise<GetCookiesResponse> {
 *         return this.call('get_cookies', ...args);
 *       }
 *     }
 */
import type { ClassDeclarationStructure, MethodDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../morph.js';
import { IMPLEMENTATION_LABELS } from '../../../model/implementations.js';
import type { Action, ImplId } from '../../../model/types.js';
import { docText } from '../jsdoc.js';
import { paramsTypeName, responseTypeName, type TsNames } from '../names.js';
import { actionDoc } from './action-map.js';

/** `napcat` → `NapCatClient`. */
export function clientClassName(impl: ImplId): string {
  return `${IMPLEMENTATION_LABELS[impl].replace(/\(.*\)/, '').replace(/[^A-Za-z0-9]/g, '')}Client`;
}

export function clientClassStructure(
  impl: ImplId,
  actions: readonly Action[],
  methods: ReadonlyMap<string, string>,
  withEvents: boolean,
  names: TsNames,
): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: clientClassName(impl),
    isExported: true,
    extends: `OneBotClient<Actions${withEvents ? ', EventMap' : ''}>`,
    docs: [
      docText([
        `A ${IMPLEMENTATION_LABELS[impl]} client: one method per action it has, over any transport`,
        '(`HttpTransport`, `WebSocketTransport`, or a bot of a `ReverseWebSocketServer`).',
        withEvents ? "Events are typed by key: `bot.on('message.group', (e) => …)`." : undefined,
        '@example',
        `const bot = new ${clientClassName(impl)}(new WebSocketTransport({ url: 'ws://127.0.0.1:3001' }));`,
      ]),
    ],
    ctors: withEvents
      ? [
          {
            docs: [docText(["Events are filed by the docs' event keys (`eventKey` of the events module)."])],
            parameters: [
              { name: 'transport', type: 'ClientTransport' },
              { name: 'options', type: 'OneBotClientOptions', initializer: '{}' },
            ],
            statements: ['super(transport, { eventKey, ...options });'],
          },
        ]
      : [],
    methods: actions.map((a) => methodStructure(a, impl, methods.get(a.name)!, names)),
  };
}

function methodStructure(action: Action, impl: ImplId, name: string, names: TsNames): MethodDeclarationStructure {
  return {
    kind: StructureKind.Method,
    name,
    docs: [actionDoc(action, impl)],
    parameters: [{ name: 'args', isRestParameter: true, type: `ParamsArgs<${paramsTypeName(action, names)}>` }],
    returnType: `Promise<${responseTypeName(action, names)}>`,
    statements: [`return this.call(${JSON.stringify(action.name)}, ...args);`],
  };
}
