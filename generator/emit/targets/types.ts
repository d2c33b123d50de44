/**
 * Target `<impl>/types.ts`: params/response types, sub-types and the action map of one
 * implementation.
 */
import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../ts/morph.js';
import { compareStrings } from '../../model/diagnostics.js';
import { actionsOf, bodyFor } from '../../model/views.js';
import { IMPLEMENTATION_LABELS } from '../../model/implementations.js';
import type { Action, ImplId, Model, NamedType, TypeRef } from '../../model/types.js';
import { fileHeader } from '../ts/header.js';
import { docText, sourceLine } from '../ts/jsdoc.js';
import { paramsTypeName, responseTypeName, type TsNames, tsNames } from '../ts/names.js';
import { actionDoc, actionMapStructure } from '../ts/structures/action-map.js';
import { bodyStructures, namedTypeStructure } from '../ts/structures/declarations.js';
import { ImportCollector } from '../ts/imports.js';
import { refsOf, type TypeTextContext } from '../ts/type-text.js';

/** A TypeScript file, built from structures and formatted with prettier. */
export interface EmittedFile {
  readonly path: string;
  readonly header: string;
  readonly statements: readonly (string | StatementStructures)[];
}

/** A file that is not TypeScript (JSON, Markdown), written as given. */
export interface RawFile {
  readonly path: string;
  readonly text: string;
}

export function typesTarget(model: Model, impl: ImplId, names: TsNames = tsNames(model)): EmittedFile {
  const path = `${impl}/types.ts`;
  // Params take any message form; responses carry what the implementation sends out.
  const paramsCtx: TypeTextContext = { message: 'Message', names };
  const responseCtx: TypeTextContext = { message: 'ReceivedMessage', names };
  const actions = actionsOf(model, impl);
  const imports = new ImportCollector();
  for (const a of actions) {
    for (const [part, ctx] of [
      ['params', paramsCtx],
      ['response', responseCtx],
    ] as const) {
      const body = bodyFor(a, impl, part);
      if (body.kind === 'type') imports.addType(body.type, ctx.message, names);
    }
  }
  const roots = actions.flatMap((a) => [bodyFor(a, impl, 'params'), bodyFor(a, impl, 'response')]);
  const named = usedNamedTypes(
    model,
    roots.flatMap((b) => (b.kind === 'type' ? [b.type] : [])),
  ).sort((a, b) => compareStrings(names.type(a.id), names.type(b.id)));
  for (const t of named) imports.addType(t.type, paramsCtx.message, names);
  const statements: (string | StatementStructures)[] = [
    ...imports.structures(path),
    ...named.map((t) => namedTypeStructure(t, paramsCtx)),
    ...actions.flatMap((a) => actionStructures(a, impl, paramsCtx, responseCtx)),
    actionMapStructure(actions, impl, names),
    ...helperStatements(actions),
  ];
  return { path, header: typesHeader(model, impl), statements };
}

function actionStructures(
  action: Action,
  impl: ImplId,
  paramsCtx: TypeTextContext,
  responseCtx: TypeTextContext,
): StatementStructures[] {
  const doc = actionDoc(action, impl);
  return [
    ...bodyStructures(
      paramsTypeName(action, paramsCtx.names),
      'params',
      bodyFor(action, impl, 'params'),
      docText([`Params of \`${action.name}\`.`, `@see ${sourceLine(action.source)}`]),
      paramsCtx,
    ),
    ...bodyStructures(
      responseTypeName(action, responseCtx.names),
      'response',
      bodyFor(action, impl, 'response'),
      docText([`Response data of \`${action.name}\`.`, `@see ${sourceLine(action.source)}`]),
      responseCtx,
    ),
  ].map((s, i) => (i === 0 ? { ...s, docs: [docText([doc.split('\n')[0], ...(s.docs as string[])])] } : s));
}

/** Named types reachable from the given types, following refs through other named types; by id. */
function usedNamedTypes(model: Model, roots: readonly TypeRef[]): NamedType[] {
  const all = new Map<string, NamedType>();
  for (const t of [
    ...model.pages.flatMap((p) => p.typeSections.flatMap((s) => s.types)),
    ...model.actions.flatMap((a) => a.types),
  ])
    all.set(t.id, t);
  const seen = new Set<string>();
  const queue = roots.flatMap((r) => [...refsOf(r)]);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id) || !all.has(id)) continue;
    seen.add(id);
    queue.push(...refsOf(all.get(id)!.type));
  }
  return [...seen].sort().map((id) => all.get(id)!);
}

function helperStatements(actions: readonly Action[]): (string | StatementStructures)[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: 'ActionName',
      isExported: true,
      docs: ['Name of an action this implementation has.'],
      type: 'keyof Actions',
    },
    {
      kind: StructureKind.TypeAlias,
      name: 'ParamsOf',
      isExported: true,
      typeParameters: [{ name: 'A', constraint: 'ActionName' }],
      type: "Actions[A]['params']",
    },
    {
      kind: StructureKind.TypeAlias,
      name: 'ResponseOf',
      isExported: true,
      typeParameters: [{ name: 'A', constraint: 'ActionName' }],
      type: "Actions[A]['response']",
    },
    // No `satisfies readonly ActionName[]`: a declaration must be emitted from the file alone
    // (isolatedDeclarations, see targets/compiled.ts); the names are the keys of Actions anyway.
    `/** Every action name, sorted; the runtime twin of {@link ActionName}. */\nexport const ACTION_NAMES: readonly ActionName[] = ${JSON.stringify(actions.map((a) => a.name))};`,
  ];
}

function typesHeader(model: Model, impl: ImplId): string {
  const pages = model.pages.filter((p) => p.actions.length > 0 || p.typeSections.length > 0).map((p) => p.file);
  return fileHeader(`OneBot 11 action types for ${IMPLEMENTATION_LABELS[impl]}.`, pages);
}

/** A JSON file's text: two-space indented, one trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
