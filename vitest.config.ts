import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Test files share one module graph per worker thread (`isolate: false`): loading ts-morph,
 * prettier and TypeScript once per worker instead of once per file is most of what isolation
 * costs here. Files that replace modules (`vi.mock`) keep their own graph, and so does the server
 * fuzzer, which measures the heap after forced full collections: in a worker that holds the other
 * files' TypeScript programs and generated outputs, each collection takes a quarter of a second.
 */
const ISOLATED = ['test/write/atomic.test.ts', 'test/fuzz/server.test.ts'];

export default defineConfig({
  resolve: {
    // TypeScript for the tests is required with a code cache, not imported as an ES module (see the file).
    alias: [
      { find: /^typescript$/, replacement: fileURLToPath(new URL('test/support/typescript.ts', import.meta.url)) },
    ],
  },
  test: {
    // Both cores: vitest's default on a 2-core machine is a single worker.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          // The packed-tool test builds and packs the whole tool: `npm run test:pack` (vitest.pack.config.ts).
          exclude: [...ISOLATED, 'test/pack/**', 'node_modules/**'],
          pool: 'threads',
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
