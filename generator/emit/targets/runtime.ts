/**
 * Target `runtime/**`: the hand-written runtime (`generator/runtime/`) that generated modules import,
 * copied verbatim with the same layout, so `generated/` is self-contained.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileHeader } from '../ts/header.js';
import type { EmittedFile } from './types.js';

const RUNTIME_DIR = fileURLToPath(new URL('../../runtime/', import.meta.url));

/** Every `.ts` file under `generator/runtime/`, as `runtime/<relative path>`, sorted. */
function runtimeFiles(): string[] {
  return readdirSync(RUNTIME_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(RUNTIME_DIR, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export function runtimeTargets(): EmittedFile[] {
  return runtimeFiles().map((rel) => ({
    path: `runtime/${rel}`,
    header: fileHeader(`Runtime code, copied verbatim from onebot-codegen's generator/runtime/${rel}.`),
    statements: [readFileSync(path.join(RUNTIME_DIR, rel), 'utf8')],
  }));
}
