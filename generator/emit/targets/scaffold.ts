/**
 * Target of `--scaffold DIR --impl IMPL`: one handler stub per action, for the user to fill in, and an
 * `index.ts` that gathers them. Unlike every other target these files belong to the user once written:
 * the scaffold writer only creates files that do not exist yet (see `generator/scaffold.ts`).
 *
 *     // getCookies.ts
 *     export const getCookies: Handlers['get_cookies'] = async (params, ctx) => {
 *       throw new OneBotActionError('get_cookies', 1404, 'get_cookies is not implemented yet');
 *     };
 */
import type { VariableStatementStructure } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../ts/morph.js';
import type { Action, ImplId, Model } from '../../model/types.js';
import { actionsOf } from '../../model/views.js';
import { relativeSpecifier } from '../ts/imports.js';
import { methodNames, propertyKey } from '../ts/names.js';
import { actionDoc } from '../ts/structures/action-map.js';
import { implStem } from '../ts/structures/server.js';
import type { EmittedFile } from './types.js';

const HEADER = (what: string) =>
  `// ${what}, written once by \`onebot-codegen --scaffold\`; yours to edit: the scaffold never overwrites it.\n`;

/**
 * The stub files for `impl`, paths relative to the scaffold folder. `serverModule` is the generated
 * `<impl>/server.ts` as seen from the scaffold folder (`../generated/napcat/server.ts`).
 */
export function scaffoldTargets(model: Model, impl: ImplId, serverModule: string): EmittedFile[] {
  const actions = actionsOf(model, impl);
  const names = methodNames(actions);
  const stubs = actions.map((a) => stubFile(a, impl, names.get(a.name)!, serverModule));
  return [...stubs, indexFile(actions, impl, names, serverModule)];
}

function stubFile(action: Action, impl: ImplId, name: string, serverModule: string): EmittedFile {
  const path = `${name}.ts`;
  const statement: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [actionDoc(action, impl)],
    declarations: [
      {
        name,
        type: `Handlers[${JSON.stringify(action.name)}]`,
        initializer: `async (params, ctx) => {
          void params, ctx;
          throw new OneBotActionError(${JSON.stringify(action.name)}, 1404, ${JSON.stringify(`${action.name} is not implemented yet`)});
        }`,
      },
    ],
  };
  return {
    path,
    header: HEADER(`Handler of \`${action.name}\` for ${implStem(impl)}`),
    statements: [
      `import { OneBotActionError, type Handlers } from '${relativeSpecifier(path, serverModule)}';`,
      statement,
    ],
  };
}

function indexFile(
  actions: readonly Action[],
  impl: ImplId,
  names: ReadonlyMap<string, string>,
  serverModule: string,
): EmittedFile {
  const entries = actions.map((a) => `${propertyKey(a.name)}: ${names.get(a.name)!},`);
  return {
    path: 'index.ts',
    header: HEADER(`Every handler of ${implStem(impl)}, for create${implStem(impl)}Server({ handlers })`),
    statements: [
      `import type { Handlers } from '${relativeSpecifier('index.ts', serverModule)}';`,
      ...actions.map((a) => `import { ${names.get(a.name)!} } from './${names.get(a.name)!}.js';`),
      `export const handlers: Partial<Handlers> = {\n${entries.join('\n')}\n};`,
    ],
  };
}
