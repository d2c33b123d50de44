/**
 * Where a module's compiled twins go (targets/compiled.ts), known without loading TypeScript:
 *
 *     napcat/types.ts   →   dist/napcat/types.js, dist/napcat/types.d.ts
 */

/** The folder the compiled twins go to, relative to the output root. */
export const DIST = 'dist';

/** The twins' paths of the module at `path` (relative, `.ts`). */
export function twinPaths(path: string): { readonly js: string; readonly dts: string } {
  const stem = `${DIST}/${path.slice(0, -'.ts'.length)}`;
  return { js: `${stem}.js`, dts: `${stem}.d.ts` };
}
