/**
 * Fixture folders with golden output: small docs written for the tests, and the exact files the
 * generator makes from them, committed under `test/fixtures/<name>.golden/` (real `.ts` files,
 * type-checked by `npm run typecheck`). Update on purpose with `npx vitest run test/e2e/golden.test.ts -u`.
 *
 * The compiled twins under `dist/` are left out: they are the TypeScript compiler's rendering of
 * the golden sources, checked instead by installing the committed output as a package and
 * compiling and running a consumer against it (test/e2e/package.test.ts).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../../generator/generate.js';
import { ROOT } from '../support/paths.js';

const FIXTURES = ['good-docs', 'family'] as const;
const root = ROOT;

describe.each(FIXTURES)('fixture %s', (name) => {
  test('generates the golden files, without diagnostics', async () => {
    const result = await generate(path.relative(process.cwd(), path.join(root, 'test/fixtures', name)));
    expect(result.diagnostics).toEqual([]);
    for (const [rel, text] of result.files) {
      if (rel.startsWith('dist/')) continue;
      await expect(text, rel).toMatchFileSnapshot(path.join(root, 'test/fixtures', `${name}.golden`, rel));
    }
  });
});
