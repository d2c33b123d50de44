/**
 * Generated output compiles under strict tsc as a consumer compiles it, with the files a bot
 * developer would write against it: the committed `generated/` (from `docs-src`) with
 * test/consumer/app.ts, the shared corpus's output (and its events with test/consumer/events.ts),
 * and the `family` fixture's clients with test/consumer/family-client.ts (wrong uses, marked
 * `@ts-expect-error`, must not compile). All of them go into ONE
 * program (typecheckTrees): the outputs share most of the runtime, and each file is checked once.
 * (Without the corpus, test/e2e/corpus.test.ts says so.)
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVENTS_CONSUMER } from '../consumer/events.js';
import { FAMILY_CLIENT_CONSUMER } from '../consumer/family-client.js';
import { removeTree, TEMP_ROOT } from '../support/generate.js';
import { CORPUS, FIXTURES, ROOT } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';
import { type Tree, typecheckTrees } from '../support/tsc-trees.js';

/** TypeScript sources of an output (the compiled twins under dist/ are checked by test/e2e/package.test.ts). */
const sources = (files: ReadonlyMap<string, string>) =>
  [...files].filter(([rel]) => rel.endsWith('.ts') && !rel.startsWith('dist/'));

/** The trees, by key, each with what the test says of it. */
const TREES: [string, string, () => Promise<Tree | undefined>][] = [
  ['generated', 'generated/ as committed compiles', committedTree],
  ['consumer', 'test/consumer/app.ts compiles against generated/', consumerTree],
  ['corpus', 'the corpus’s output compiles', corpusTree],
  [
    'corpus-events',
    'the corpus’s common/events.ts compiles with test/consumer/events.ts: events by key, quick operations',
    corpusEventsTree,
  ],
  [
    'family',
    'the family fixture’s clients compile with a consumer: methods, params and responses as documented; wrong uses do not',
    familyTree,
  ],
];

let dir = '';
let messages = new Map<string, string[]>();
const present = new Set<string>();

beforeAll(async () => {
  const trees: Tree[] = [];
  for (const [key, , make] of TREES) {
    const tree = await make();
    if (!tree) continue;
    trees.push(tree);
    present.add(key);
  }
  await mkdir(TEMP_ROOT, { recursive: true });
  dir = await mkdtemp(path.join(TEMP_ROOT, 'onebot-compile-'));
  messages = await typecheckTrees(dir, trees);
}, 120_000);

afterAll(async () => {
  if (dir) await removeTree(dir);
});

test.each(TREES.map(([key, said]) => [said, key]))('%s', (_said, key) => {
  if (!present.has(key)) return; // the corpus, when it is not beside the project
  expect(messages.get(key) ?? []).toEqual([]);
});

test('every message belongs to a tree', () => {
  expect([...messages.keys()].filter((key) => !present.has(key))).toEqual([]);
});

/** generated/ where it is (test/e2e/generated.test.ts holds it to what docs-src generates now). */
async function committedTree(): Promise<Tree> {
  const generated = path.join(ROOT, 'generated');
  const files = await Promise.all(
    sources((await sharedGenerate(path.join(ROOT, 'docs-src'))).files).map(
      async ([rel]) => [rel, await readFile(path.join(generated, rel), 'utf8')] as const,
    ),
  );
  return { key: 'generated', at: generated, files: new Map(files) };
}

async function consumerTree(): Promise<Tree> {
  const at = path.join(ROOT, 'test/consumer');
  return { key: 'consumer', at, files: new Map([['app.ts', await readFile(path.join(at, 'app.ts'), 'utf8')]]) };
}

async function corpusTree(): Promise<Tree | undefined> {
  if (!existsSync(CORPUS)) return undefined;
  return { key: 'corpus', files: new Map(sources((await sharedGenerate(CORPUS)).files)) };
}

/** The corpus's output again (every file links to the corpus tree's) with the events consumer. */
async function corpusEventsTree(): Promise<Tree | undefined> {
  const corpus = await corpusTree();
  if (!corpus) return undefined;
  return {
    key: 'corpus-events',
    files: new Map([...corpus.files, ['consumer.ts', EVENTS_CONSUMER]]),
    isRoot: (rel) => rel === 'consumer.ts',
  };
}

/** The clients and the consumer are the roots: the rest is checked as far as they use it. */
async function familyTree(): Promise<Tree> {
  const { files } = await sharedGenerate(path.join(FIXTURES, 'family'));
  const roots = new Set(['napcat/client.ts', 'lagrange/client.ts', 'onebot11/client.ts', 'consumer.ts']);
  return {
    key: 'family',
    files: new Map([...sources(files), ['consumer.ts', FAMILY_CLIENT_CONSUMER]]),
    isRoot: (rel) => roots.has(rel),
  };
}
