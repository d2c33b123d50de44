/**
 * Target `runtime/**`: the hand-written runtime (`generator/runtime/`) that generated modules import,
 * copied verbatim with the same layout, so the output is self-contained. Only the runtime files the
 * emitted modules import, directly or through each other, are copied: the types alone bring the
 * CQ-code and event-key helpers, not the client's or server's transports (nor the `ws` they need).
 *
 *     napcat/types.ts       import … from '../runtime/cq-code.js'     →  runtime/cq-code.ts
 *     napcat/client.ts      import … from '../runtime/client/index.js' →  runtime/client/index.ts,
 *                                                                          and what it imports
 *
 * The sources are already formatted with the generated files' prettier options (the repository's
 * format check, and test/emit/format.test.ts over every emitted file), so they are not formatted
 * again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleSpecifiers } from '../ts/specifiers.js';
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
export function allRuntimeTargets(): RawFile[] {
  return runtimeFiles().map((rel) => ({
    path: `runtime/${rel}`,
    text:
      fileHeader(`Runtime code, copied verbatim from onebot-codegen's generator/runtime/${rel}.`) +
      readFileSync(path.join(RUNTIME_DIR, rel), 'utf8'),
  }));
}

/**
 * The runtime files that `modules` (emitted relative path → text) import, directly or through
 * other runtime files, sorted by path. An import of a runtime file that does not exist throws: it
 * is a bug in an emitter.
 */
export function runtimeTargets(modules: ReadonlyMap<string, string>): RawFile[] {
  const runtime = new Map(allRuntimeTargets().map((f) => [f.path, f]));
  const needed = new Set<string>();
  const visit = (from: string, text: string) => {
    for (const target of relativeImports(from, text)) {
      if (!target.startsWith('runtime/') || needed.has(target)) continue;
      const file = runtime.get(target);
      if (!file) throw new Error(`emit: ${from} imports ${target}, which the runtime does not have`);
      needed.add(target);
      visit(target, file.text);
    }
  };
  for (const [file, text] of modules) if (file.endsWith('.ts')) visit(file, text);
  return [...runtime.values()].filter((f) => needed.has(f.path));
}

/** Relative module specifiers of `text` (imports, re-exports, `import()`), as output paths of `.ts` files. */
function relativeImports(from: string, text: string): string[] {
  return moduleSpecifiers(text)
    .filter((name) => /^\.{1,2}\//.test(name) && name.endsWith('.js'))
    .map((name) => `${path.posix.join(path.posix.dirname(from), name.slice(0, -'.js'.length))}.ts`);
}
