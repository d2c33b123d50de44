/**
 * Target `runtime/*.ts`: hand-written runtime code that generated modules import, copied verbatim
 * so `generated/` is self-contained.
 */
import { readFileSync } from 'node:fs';
import { fileHeader } from '../ts/header.js';
import type { EmittedFile } from './types.js';

const RUNTIME_FILES = ['cq-code.ts'] as const;

export function runtimeTargets(): EmittedFile[] {
  return RUNTIME_FILES.map((name) => ({
    path: `runtime/${name}`,
    header: fileHeader(`Runtime code, copied from onebot-codegen's generator/runtime/${name}.`),
    statements: [readFileSync(new URL(`../../runtime/${name}`, import.meta.url), 'utf8')],
  }));
}
