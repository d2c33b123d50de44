/**
 * `--scaffold DIR --impl IMPL`: writes the handler stubs of `emit/targets/scaffold.ts` into DIR,
 * creating only files that do not exist. It never overwrites or removes anything, so running it again
 * after the docs add an action adds only that action's stub.
 */
import { constants } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Formatter } from './emit/format.js';
import { scaffoldTargets } from './emit/targets/scaffold.js';
import { printFile } from './emit/ts/print.js';
import type { ImplId, Model } from './model/types.js';

export interface ScaffoldResult {
  /** Files created by this run, relative to DIR, sorted. */
  readonly created: readonly string[];
  /** Files that already existed and were left alone. */
  readonly skipped: readonly string[];
}

/**
 * Writes the stubs of `impl` into `dir`. `outDir` is the generated output folder (the stubs import
 * `<outDir>/<impl>/server.js`). Errors other than "file exists" propagate.
 */
export async function writeScaffold(model: Model, impl: ImplId, dir: string, outDir: string): Promise<ScaffoldResult> {
  const serverModule = path
    .relative(path.resolve(dir), path.resolve(outDir, impl, 'server.ts'))
    .split(path.sep)
    .join('/');
  const printed = scaffoldTargets(model, impl, serverModule).map(printFile);
  const texts = await new Formatter().formatFiles(printed);
  await mkdir(dir, { recursive: true });
  const created: string[] = [];
  const skipped: string[] = [];
  for (const [i, target] of printed.entries()) {
    const text = texts[i]!;
    try {
      // `wx`: fail if the file exists, so a user's file is never replaced, even by a concurrent run.
      await writeFile(path.join(dir, target.path), text, {
        flag: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      });
      created.push(target.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      skipped.push(target.path);
    }
  }
  return { created: created.sort(), skipped: skipped.sort() };
}
