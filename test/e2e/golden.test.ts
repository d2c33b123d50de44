/**
 * Fixture folders with golden output: small docs written for the tests, and the exact files the
 * generator makes from them, committed under `test/fixtures/<name>.golden/` (real `.ts` files,
 * type-checked by `npm run typecheck`). Update on purpose with `npx vitest run test/e2e/golden.test.ts -u`.
 * A golden the generator no longer produces fails (delete it on purpose); a missing golden is
 * written locally but fails in CI (vitest never writes snapshots when `CI` is set).
 *
 * The compiled twins under `dist/` are left out: they are the TypeScript compiler's rendering of
 * the golden sources, checked instead by installing the committed output as a package and
 * compiling and running a consumer against it (test/e2e/package.test.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';

const NAMES = ['good-docs', 'family'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe.each(NAMES)('fixture %s', (name) => {
  test('generates exactly the golden files, byte for byte, without diagnostics', async () => {
    const result = await sharedGenerate(path.join(FIXTURES, name));
    expect(result.diagnostics).toEqual([]);
    const goldens = path.join(FIXTURES, `${name}.golden`);
    for (const [rel, text] of result.files) {
      if (rel.startsWith('dist/')) continue;
      await expect(text, rel).toMatchFileSnapshot(path.join(goldens, rel));
    }
    const stale = filesUnder(goldens).filter((rel) => !result.files.has(rel));
    expect(stale, 'goldens the generator no longer produces').toEqual([]);
  });
});
