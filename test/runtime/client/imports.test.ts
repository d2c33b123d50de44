/**
 * `generator/runtime/` ships inside `generated/runtime/` with the same layout, so the client runtime may
 * import only itself, `../protocol.js`-style siblings inside `generator/runtime/`, Node built-ins and `ws`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RUNTIME = fileURLToPath(new URL('../../../generator/runtime/', import.meta.url));
const CLIENT = path.join(RUNTIME, 'client');
const files = readdirSync(CLIENT).filter((name) => name.endsWith('.ts'));

/** Every module specifier of `import … from '…'`, `export … from '…'` and bare `import '…'`. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('client runtime imports', () => {
  it('finds the runtime files', () => {
    expect(files).toContain('client.ts');
    expect(specifiers("import WebSocket from 'ws';\nexport { a } from './b.js';")).toEqual(['ws', './b.js']);
  });

  it.each(files)('%s imports only the runtime, node: built-ins and ws', (file) => {
    for (const specifier of specifiers(readFileSync(path.join(CLIENT, file), 'utf8'))) {
      if (specifier === 'ws' || specifier.startsWith('node:')) continue;
      expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\/.*\.js$/);
      const target = path.resolve(CLIENT, specifier);
      expect(target.startsWith(RUNTIME), `${file} imports ${specifier}, outside generator/runtime/`).toBe(true);
    }
  });
});
