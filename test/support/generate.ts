/** Run the pipeline in memory, and put its files in a temporary folder when a test needs them on disk. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmitOptions } from '../../generator/emit/options.js';
import { ROOT } from './paths.js';

/**
 * The types group as TypeScript sources (`<impl>/types.ts`, `common/*.ts`, the runtime they
 * import), for tests about the types: no client, server, exports or compiled twins to make,
 * format and type-check.
 */
export const TYPES_ONLY: EmitOptions = { artefacts: ['types'], package: false };

/**
 * Temporary output folders live inside the project (under `node_modules/.cache`), so generated code
 * resolves the packages it imports (`ws`) the way it does in a user's project.
 */
export const TEMP_ROOT = path.join(ROOT, 'node_modules/.cache/onebot-codegen-tests');

export async function writeTempTree(files: ReadonlyMap<string, string>, prefix = 'onebot-codegen-'): Promise<string> {
  await mkdir(TEMP_ROOT, { recursive: true });
  const dir = await mkdtemp(path.join(TEMP_ROOT, prefix));
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

export const removeTree = (dir: string) => rm(dir, { recursive: true, force: true });

/**
 * The TypeScript sources of a file map (`.ts`, not the compiled twins under `dist/`), as absolute
 * paths under `root`. The twins are the compiler's own rendering of these sources; they are
 * type-checked where a package consumer uses them, without skipLibCheck (test/e2e/package.test.ts).
 */
export function tsFiles(root: string, files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()].filter((f) => f.endsWith('.ts') && !f.startsWith('dist/')).map((f) => path.join(root, f));
}
