import { defineConfig } from 'vitest/config';

/** `npm run test:pack`: the packed tool, installed into a scratch project (test/pack/). */
export default defineConfig({
  test: {
    include: ['test/pack/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
