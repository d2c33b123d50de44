/**
 * Target `runtime/**`: the hand-written runtime (`generator/runtime/`) that generated modules import,
 * copied verbatim with the same layout, so `generated/` is self-contained. The sources are already
 * formatted with the generated files' prettier options (the repository's format check, and
 * test/emit/format.test.ts over every emitted file), so they are not formatted again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileHeader } from '../ts/header.js';
import type { RawFile } from './types.js';

const RUNTIME_DIR = fileURLToPath(new URL('../../runtime/', import.meta.url));

/** Every `.ts` file under `generator/runtime/`, as `runtime/<relative path>`, sorted. */
function runtimeFiles(): string[] {
  return readdirSync(RUNTIME_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(RUNTIME_DIR, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** `runtime/<path>` → the header and the source of `generator/runtime/<path>`, for every runtime file. */
export function runtimeTargets(): RawFile[] {
  return runtimeFiles().map((rel) => ({
    path: `runtime/${rel}`,
    text:
      fileHeader(`Runtime code, copied verbatim from onebot-codegen's generator/runtime/${rel}.`) +
      readFileSync(path.join(RUNTIME_DIR, rel), 'utf8'),
  }));
}
