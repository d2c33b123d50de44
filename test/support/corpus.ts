/**
 * Tests over the shared docs corpus (`../shared/onebot-11-docs`, test data kept outside the project).
 * On a developer machine without it they are skipped; in CI (`CI` set) a missing corpus fails, so a
 * green CI run always means the corpus was checked.
 */
import { existsSync } from 'node:fs';
import { describe, test } from 'vitest';
import { CORPUS } from './paths.js';

/** `describe` for a block that needs `file` (default: the corpus folder) to exist. */
export function describeCorpus(name: string, body: () => void, file: string = CORPUS): void {
  if (existsSync(file)) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      test('the shared docs corpus is present', () => {
        throw new Error(`${file} is missing: CI must run with ../shared/onebot-11-docs beside the project`);
      });
    });
  } else {
    describe.skip(name, body);
  }
}
