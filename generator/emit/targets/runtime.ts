/**
 * Target `runtime/*.ts`: hand-written runtime code that generated modules import, copied verbatim
 * so the output is self-contained.
 *
 * The sources are read at generate time from `generator/runtime/`: beside this file's folder when
 * running from source, and from the copy the build puts in `dist/generator/runtime/` when running
 * compiled (the same relative place), else from the tool's package root.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolPackage } from '../../tool.js';
import { fileHeader } from '../ts/header.js';
import type { EmittedFile } from './types.js';

const RUNTIME_FILES = ['cq-code.ts'] as const;

export function runtimeTargets(): EmittedFile[] {
  const dir = runtimeDir();
  return RUNTIME_FILES.map((name) => ({
    path: `runtime/${name}`,
    header: fileHeader(`Runtime code, copied from onebot-codegen's generator/runtime/${name}.`),
    statements: [readFileSync(path.join(dir, name), 'utf8')],
  }));
}

/** The folder holding the runtime `.ts` sources; throws naming the places looked in. */
export function runtimeDir(): string {
  const candidates = [
    fileURLToPath(new URL('../../runtime/', import.meta.url)),
    path.join(toolPackage().root, 'generator/runtime/'),
  ];
  const found = candidates.find((dir) => RUNTIME_FILES.every((name) => existsSync(path.join(dir, name))));
  if (found === undefined) throw new Error(`runtime sources not found in ${candidates.join(' or ')}`);
  return found;
}
