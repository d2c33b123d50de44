/**
 * The manifest: the list of files the generator wrote into an output folder. Only files it lists
 * are ever replaced or removed; everything else in the folder belongs to the user.
 */
import path from 'node:path';
import { readRegular } from './fs.js';
import { GENERATOR, MANIFEST_NAME, byCodeUnit, pathProblem } from './paths.js';

/** `{ "generator": "onebot-codegen", "files": ["a.ts", "sub/b.ts"] }` with a final newline. */
export function manifestText(paths: readonly string[]): string {
  return `${JSON.stringify({ generator: GENERATOR, files: [...paths].sort(byCodeUnit) }, null, 2)}\n`;
}

/**
 * The files the previous run wrote, or null when there is no usable manifest. Any malformed entry
 * discards the whole manifest: replacing or deleting on a guess could hit hand-written files.
 */
export async function readManifest(outDir: string): Promise<string[] | null> {
  const bytes = await readRegular(path.join(outDir, MANIFEST_NAME)); // never a FIFO or a link; I/O errors propagate
  if (!bytes) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { generator, files } = parsed as { generator?: unknown; files?: unknown };
  if (generator !== GENERATOR || !Array.isArray(files)) return null;
  const valid = files.every((f): f is string => typeof f === 'string' && pathProblem(f) === undefined);
  return valid ? [...new Set(files)].sort(byCodeUnit) : null;
}
