/**
 * The tests' own type checking: a file left unchecked still lends its types (a wrong use of them
 * in a checked file is reported), a file shared by trees is reported under every tree that checks
 * it, and nothing else is reported.
 */
import { afterEach, expect, test } from 'vitest';
import { removeTree, writeTempTree } from './generate.js';
import { typecheck } from './tsc.js';
import { type Tree, typecheckTrees } from './tsc-trees.js';

/** A module with an error in its own code, and a type that its users can get wrong. */
const LIBRARY = "export const broken: number = 'text';\nexport interface Shape { readonly size: number }\n";
const WRONG_USE = "import type { Shape } from './lib.js';\nexport const shape: Shape = { size: 'big' };\n";
const RIGHT_USE = "import type { Shape } from './lib.js';\nexport const shape: Shape = { size: 1 };\n";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeTree));
});

test('typecheck with `checked`: unchecked files lend types, their own errors are not reported', async () => {
  const dir = await writeTempTree(
    new Map([
      ['lib.ts', LIBRARY],
      ['use.ts', WRONG_USE],
    ]),
    'onebot-tsc-',
  );
  dirs.push(dir);
  const use = `${dir}/use.ts`;
  const all = typecheck([use]);
  expect(all.map((m) => m.slice(dir.length + 1).split('(')[0])).toEqual(['lib.ts', 'use.ts']);
  const mine = typecheck([use], { checked: (f) => f === use });
  expect(mine).toHaveLength(1);
  expect(typecheck([use], { checked: (f) => f === 'use.ts' })).toEqual([
    'typecheck: `checked` accepts no file of the program',
  ]);
  expect(mine[0]).toMatch(/^.*\/use\.ts\(2,31\): Type 'string' is not assignable to type 'number'\.$/);
});

test('typecheckTrees: a shared file is checked when a tree that holds it asks, and reported for each', async () => {
  const notLib = (rel: string) => rel !== 'lib.ts';
  const a = {
    key: 'a',
    files: new Map([
      ['lib.ts', LIBRARY],
      ['use.ts', RIGHT_USE],
    ]),
    isChecked: notLib,
  };
  const b = {
    key: 'b',
    files: new Map([
      ['lib.ts', LIBRARY],
      ['use.ts', WRONG_USE],
    ]),
    isChecked: notLib,
  };
  const c = {
    key: 'c',
    files: new Map([
      ['lib.ts', LIBRARY],
      ['use.ts', RIGHT_USE],
    ]),
  };
  const run = async (trees: Tree[]) => {
    const dir = await writeTempTree(new Map(), 'onebot-tsc-trees-');
    dirs.push(dir);
    const messages = await typecheckTrees(dir, trees);
    return trees.map((t) => (messages.get(t.key) ?? []).map((m) => m.slice(dir.length + 1).split('(')[0]));
  };
  // No tree asks for lib.ts: only b's wrong use of its type is heard of.
  expect(await run([a, b])).toEqual([[], ['b/use.ts']]);
  // lib.ts is one source file for the three trees (b's and c's are links to a's): c asks for it,
  // so every tree that holds it hears of its error.
  expect(await run([a, b, c])).toEqual([['a/lib.ts'], ['b/lib.ts', 'b/use.ts'], ['c/lib.ts']]);
});
