/**
 * The action map of one implementation.
 *
 *     export interface Actions {
 *       /** 获取 Cookies … *\/
 *       get_cookies: { params: GetCookiesParams; response: GetCookiesResponse };
 *     }
 */
import type { InterfaceDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../morph.js';
import { IMPLEMENTATION_LABELS } from '../../../model/implementations.js';
import { notesFor } from '../../../model/views.js';
import { describeLevel } from '../../../model/implementations.js';
import type { Action, ImplId } from '../../../model/types.js';
import { docText, sourceLine } from '../jsdoc.js';
import { paramsTypeName, propertyKey, responseTypeName, type TsNames } from '../names.js';

const TAG_TEXT: Readonly<Record<Action['tag'], string | undefined>> = {
  none: undefined,
  gocq: 'go-cqhttp extension (gocq拓展)',
  napcat: 'NapCat extension (NapCat拓展)',
  lagrange: 'Lagrange extension (Lagrange拓展)',
  community: 'community extension (社区拓展)',
};

export function actionDoc(action: Action, impl: ImplId): string {
  const notes = notesFor(action, impl).map((n) => `Note (${IMPLEMENTATION_LABELS[impl]}): ${n.text}`);
  return docText([
    `${action.title} — \`${action.name}\``,
    action.description,
    ...notes,
    supportLine(action, impl),
    TAG_TEXT[action.tag] && `Tag: ${TAG_TEXT[action.tag]}.`,
    `Available in: ${action.availability.map((i) => IMPLEMENTATION_LABELS[i]).join(', ')}.`,
    `@see ${sourceLine(action.source)}`,
  ]);
}

/**
 * `Support (NapCat): minor differences (☑️), from docs-src/api/README.md:42.` — the matrix row's
 * level; the standard's own level follows from the tag, so it names no row.
 */
function supportLine(action: Action, impl: ImplId): string | undefined {
  const level = action.support?.[impl];
  if (!level) return undefined;
  const from = impl !== 'onebot11' && action.supportSource ? `, from ${sourceLine(action.supportSource)}` : '';
  return `Support (${IMPLEMENTATION_LABELS[impl]}): ${describeLevel(level)}${from}.`;
}

export function actionMapStructure(
  actions: readonly Action[],
  impl: ImplId,
  names: TsNames,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: 'Actions',
    isExported: true,
    docs: [
      docText([`Every action ${IMPLEMENTATION_LABELS[impl]} has, by action name, with its params and response types.`]),
    ],
    properties: actions.map((a) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(a.name),
      type: `{ params: ${paramsTypeName(a, names)}; response: ${responseTypeName(a, names)} }`,
      docs: [actionDoc(a, impl)],
    })),
  };
}
