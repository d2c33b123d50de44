/**
 * Targets `index.ts` and `<impl>/index.ts`: the entry modules, derived from the paths the selected
 * groups wrote, so a new target is exported without touching this file.
 *
 *     // napcat/index.ts: every module of the implementation
 *     export * from './types.js';
 *
 *     // index.ts: one namespace per implementation, plus each shared module
 *     export * as napcat from './napcat/index.js';
 *     export * as message from './common/message.js';
 *     export * as events from './common/events.js';     (when the inputs document events)
 */
import { IMPLEMENTATION_LABELS } from '../../model/implementations.js';
import { IMPLEMENTATIONS, type ImplId } from '../../model/types.js';
import { fileHeader } from '../ts/header.js';
import type { EmittedFile } from './types.js';

/** A public entry point of the output: `napcat` → `napcat/index.ts`, `message` → `common/message.ts`. */
export interface Entry {
  /** The namespace in `index.ts` and the package subpath (`./napcat`). */
  readonly name: string;
  /** Relative path of the module, `.ts`. */
  readonly path: string;
}

/**
 * The entry points for these emitted paths, in `index.ts` order (implementations in
 * IMPLEMENTATIONS order, then shared modules by name).
 */
export function entries(paths: readonly string[]): Entry[] {
  const impls = IMPLEMENTATIONS.filter((impl) => implModules(paths, impl).length > 0);
  const shared = paths
    .filter((p) => /^common\/[A-Za-z_]\w*\.ts$/.test(p))
    .map((p) => ({ name: p.slice('common/'.length, -'.ts'.length), path: p }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...impls.map((impl) => ({ name: impl, path: `${impl}/index.ts` })), ...shared];
}

/** The entry modules for the TypeScript files at `paths` (none when there are none). */
export function entryTargets(paths: readonly string[]): EmittedFile[] {
  const list = entries(paths);
  if (list.length === 0) return [];
  const perImpl = IMPLEMENTATIONS.filter((impl) => implModules(paths, impl).length > 0).map((impl) => ({
    path: `${impl}/index.ts`,
    header: fileHeader(`Everything generated for ${IMPLEMENTATION_LABELS[impl]}.`),
    statements: implModules(paths, impl).map((p) => `export * from './${p.slice(impl.length + 1, -3)}.js';`),
  }));
  const root = {
    path: 'index.ts',
    header: fileHeader('Every implementation as a namespace.'),
    statements: list.map((e) => `export * as ${e.name} from './${e.path.slice(0, -3)}.js';`),
  };
  return [...perImpl, root];
}

/** The modules directly in `<impl>/`, sorted, without its index. */
function implModules(paths: readonly string[], impl: ImplId): string[] {
  return paths.filter((p) => new RegExp(`^${impl}/[\\w-]+\\.ts$`).test(p) && p !== `${impl}/index.ts`).sort();
}
