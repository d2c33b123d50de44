/**
 * The module specifiers a TypeScript file imports (imports, re-exports, `import()`, `require`), read
 * by TypeScript's own scanner (`preProcessFile`): comments and strings that merely look like
 * imports are not imports. Both the runtime selection (targets/runtime.ts) and the package's
 * dependencies (targets/package-json.ts) read every emitted module, so each text is scanned once.
 *
 *     "import type { A } from './a.js';\nimport WebSocket from 'ws';"   →   ['./a.js', 'ws']
 */
import { ts } from './typescript.js';

/** Scanned texts → their specifiers; least recently used first (Map order), as compiled.ts's cache. */
const scanned = new Map<string, readonly string[]>();
const LIMIT = 512;

/** The specifiers of `text`, in source order. */
export function moduleSpecifiers(text: string): readonly string[] {
  let specifiers = scanned.get(text);
  if (specifiers) scanned.delete(text);
  else {
    specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    if (scanned.size >= LIMIT) scanned.delete(scanned.keys().next().value!);
  }
  scanned.set(text, specifiers);
  return specifiers;
}
