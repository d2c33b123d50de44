/**
 * The full output of the docs compiles under strict tsc, as a consumer compiles it: the committed
 * `generated/` (from `docs-src`) with a consumer file that uses it, and the shared corpus's output.
 * Both go into ONE program (typecheckTrees): the corpus's output shares most of its runtime with
 * `generated/`, and each file is checked once. (Without the corpus, test/e2e/corpus.test.ts says so.)
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { removeTree, TEMP_ROOT } from '../support/generate.js';
import { CORPUS, ROOT } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';
import { type Tree, typecheckTrees } from '../support/tsc-trees.js';

/** TypeScript sources of an output (the compiled twins under dist/ are checked by test/e2e/package.test.ts). */
const sources = (files: ReadonlyMap<string, string>) =>
  [...files].filter(([rel]) => rel.endsWith('.ts') && !rel.startsWith('dist/'));

let dir = '';
afterAll(async () => {
  if (dir) await removeTree(dir);
});

test('generated/ with a consumer, and the corpus’s output, compile in one strict tsc program', async () => {
  const generated = path.join(ROOT, 'generated');
  // As committed (test/e2e/generated.test.ts holds it to what docs-src generates now).
  const committed = await Promise.all(
    sources((await sharedGenerate(path.join(ROOT, 'docs-src'))).files).map(
      async ([rel]) => [rel, await readFile(path.join(generated, rel), 'utf8')] as const,
    ),
  );
  const consumer = path.join(ROOT, 'test/consumer');
  const trees: Tree[] = [
    { key: 'generated', at: generated, files: new Map(committed) },
    {
      key: 'consumer',
      at: consumer,
      files: new Map([['app.ts', await readFile(path.join(consumer, 'app.ts'), 'utf8')]]),
    },
  ];
  if (existsSync(CORPUS)) trees.push({ key: 'corpus', files: new Map(sources((await sharedGenerate(CORPUS)).files)) });
  await mkdir(TEMP_ROOT, { recursive: true });
  dir = await mkdtemp(path.join(TEMP_ROOT, 'onebot-compile-'));
  expect(Object.fromEntries(await typecheckTrees(dir, trees))).toEqual({});
});
