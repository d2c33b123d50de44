/** Run the pipeline in memory, and put its files in a temporary folder when a test needs them on disk. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function writeTempTree(files: ReadonlyMap<string, string>, prefix = 'onebot-codegen-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

export const removeTree = (dir: string) => rm(dir, { recursive: true, force: true });

/** `.ts` files of a file map, as absolute paths under `root`. */
export function tsFiles(root: string, files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()].filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f));
}
