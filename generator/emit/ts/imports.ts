/**
 * One import collector per output file: every name a file needs from another generated module or
 * from the runtime, deduplicated and sorted; a module whose names are all types gets `import type`.
 * No emitter writes import lines by hand.
 *
 *     collector.addType(type)                                →  import type { Message } from '../common/message.js';
 *     collector.addSymbol('runtime/client/index.ts', 'OneBotClient')
 *     collector.addSymbol('runtime/client/index.ts', 'ParamsArgs', { typeOnly: true })
 *                                                            →  import { OneBotClient, type ParamsArgs } from '../runtime/client/index.js';
 */
import type { ImportDeclarationStructure } from 'ts-morph';
import { StructureKind } from './morph.js';
import type { TypeRef } from '../../model/types.js';
import type { TsNames } from './names.js';

/** The shared modules other generated files import from: messages (segments) and events. */
export type ModuleKey = 'message' | 'events';

/** Where each shared module lives, relative to the output root. */
export const MODULE_PATHS: Readonly<Record<ModuleKey, string>> = {
  message: 'common/message.ts',
  events: 'common/events.ts',
};

export class ImportCollector {
  /** Module path (relative to the output root) → imported name → whether only its type is used. */
  private readonly names = new Map<string, Map<string, boolean>>();

  /** A type from a shared generated module. */
  add(module: ModuleKey, name: string): void {
    this.addSymbol(MODULE_PATHS[module], name, { typeOnly: true });
  }

  /**
   * `name` exported by the module at `modulePath` (relative to the output root, `.ts`). A value import
   * wins over type-only uses of the same name.
   */
  addSymbol(modulePath: string, name: string, options: { readonly typeOnly?: boolean } = {}): void {
    const names = this.names.get(modulePath) ?? new Map<string, boolean>();
    names.set(name, (names.get(name) ?? true) && (options.typeOnly ?? false));
    this.names.set(modulePath, names);
  }

  /** Names that a type needs: event unions and the `message` spelling in use (sub-types are local). */
  addType(type: TypeRef, message: string, names: Pick<TsNames, 'postType'>): void {
    switch (type.kind) {
      case 'message':
        return this.add('message', message);
      case 'events':
        return this.add('events', names.postType(type.postType));
      case 'array':
        return this.addType(type.element, message, names);
      case 'union':
        return type.members.forEach((m) => this.addType(m, message, names));
      case 'object':
        return type.fields.forEach((f) => this.addType(f.type, message, names));
      default:
        return undefined;
    }
  }

  /** Import declarations for a file at `fromPath` (relative to the output root), sorted. */
  structures(fromPath: string): ImportDeclarationStructure[] {
    return [...this.names]
      .filter(([module]) => module !== fromPath)
      .map(([module, names]) => ({ specifier: relativeSpecifier(fromPath, module), names }))
      .sort((a, b) => (a.specifier < b.specifier ? -1 : a.specifier > b.specifier ? 1 : 0))
      .map(({ specifier, names }) => {
        const sorted = [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const allTypes = sorted.every(([, typeOnly]) => typeOnly);
        return {
          kind: StructureKind.ImportDeclaration,
          isTypeOnly: allTypes,
          moduleSpecifier: specifier,
          namedImports: sorted.map(([name, typeOnly]) => (typeOnly && !allTypes ? `type ${name}` : name)),
        };
      });
  }
}

/** `napcat/types.ts` → `common/message.ts` gives `../common/message.js`. */
export function relativeSpecifier(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let i = 0;
  while (i < fromDir.length && i < toParts.length - 1 && fromDir[i] === toParts[i]) i++;
  const up = fromDir.length - i;
  const rest = toParts.slice(i).join('/').replace(/\.ts$/, '.js');
  return (up === 0 ? './' : '../'.repeat(up)) + rest;
}
