/**
 * One import collector per output file: every name a file needs from another generated module,
 * deduplicated and sorted, emitted as type-only imports. No emitter writes import lines by hand.
 *
 *     collector.addType(type)   →   import type { GroupMessageEvent, Message } from '../../common/events.js';
 */
import type { ImportDeclarationStructure } from 'ts-morph';
import { StructureKind } from './morph.js';
import type { ModuleKey, TypeRef } from '../../model/types.js';

/** Where each shared module lives, relative to the output root. */
export const MODULE_PATHS: Readonly<Record<ModuleKey, string>> = {
  message: 'common/message.ts',
  events: 'common/events.ts',
};

export class ImportCollector {
  private readonly names = new Map<ModuleKey, Set<string>>();

  add(module: ModuleKey, name: string): void {
    const set = this.names.get(module) ?? new Set<string>();
    this.names.set(module, set.add(name));
  }

  /** Names that a type needs: refs into shared modules and the `message` spelling in use. */
  addType(type: TypeRef, message: string): void {
    switch (type.kind) {
      case 'message':
        return this.add('message', message);
      case 'ref':
        return type.module ? this.add(type.module, type.target) : undefined;
      case 'array':
        return this.addType(type.element, message);
      case 'union':
        return type.members.forEach((m) => this.addType(m, message));
      case 'object':
        return type.fields.forEach((f) => this.addType(f.type, message));
      default:
        return undefined;
    }
  }

  /** Import declarations for a file at `fromPath` (relative to the output root), sorted. */
  structures(fromPath: string): ImportDeclarationStructure[] {
    return [...this.names]
      .map(([module, names]) => ({
        specifier: relativeSpecifier(fromPath, MODULE_PATHS[module]),
        names: [...names].sort(),
      }))
      .filter((i) => i.specifier !== './' + fromPath.split('/').pop()!.replace(/\.ts$/, '.js'))
      .sort((a, b) => (a.specifier < b.specifier ? -1 : a.specifier > b.specifier ? 1 : 0))
      .map((i) => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: i.specifier,
        namedImports: i.names,
      }));
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
