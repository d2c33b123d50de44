import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The packed-tool test builds and packs the whole tool: `npm run test:pack` (vitest.pack.config.ts).
    exclude: ['test/pack/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test-d.json',
    },
  },
});
