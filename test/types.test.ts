/**
 * The type tests (`test/**\/*.test-d.ts`, listed by tsconfig.test-d.json): real `tsc` with the
 * project's options over them, in one program. An `expectTypeOf` that does not hold, or a
 * `@ts-expect-error` with nothing to expect, is a compile error in its file. The modules they
 * import lend their types; their own code is checked by `npm run typecheck` and the compile tests.
 *
 * (In-process rather than vitest's typecheck mode, which runs its `tsc` after every other test
 * file, on one core.)
 */
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { ROOT } from './support/paths.js';
import { typecheck } from './support/tsc.js';

test('the type tests compile: every expectTypeOf holds, every @ts-expect-error is needed', () => {
  const configFile = path.join(ROOT, 'tsconfig.test-d.json');
  const { config } = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  const {
    fileNames: roots,
    options,
    errors,
  } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configFile);
  expect(errors).toEqual([]);
  expect(roots.length).toBeGreaterThan(1);
  expect(roots.filter((f) => !f.endsWith('.test-d.ts'))).toEqual([]);
  expect(typecheck(roots, { options, checked: 'roots' })).toEqual([]);
});
