/**
 * One generation per input for the whole test run: many test files read the same docs (the shared
 * corpus, `docs-src`) and only look at what the generator made of them. The first to ask generates
 * and stores the result under `node_modules/.cache/onebot-codegen-runs/<key>.json`; the others
 * (in any worker) read it. The key hashes every page of the docs folder, every source file of the
 * generator, and the project's package.json and lockfile (the generated package.json copies
 * dependency ranges; prettier's and TypeScript's versions shape the output), so a change to any of
 * them is a new key: a stored run is never stale.
 *
 * Tests of the pipeline itself (determinism, the CLI, caches) call `generate` directly.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type GenerateResult, generate } from '../../generator/generate.js';
import { ROOT } from './paths.js';

const STORE = path.join(ROOT, 'node_modules/.cache/onebot-codegen-runs');
const WAIT_MS = 180_000;

/** Results this worker already has, by docs folder: test files in one worker share them (isolate: false). */
const inMemory = new Map<string, Promise<GenerateResult>>();

/** `generate(docsDir)`, computed once per run of the test suite (and reused while nothing changes). */
export function sharedGenerate(docsDir: string): Promise<GenerateResult> {
  const key = path.resolve(docsDir);
  let result = inMemory.get(key);
  if (!result) {
    result = fromStore(docsDir);
    inMemory.set(key, result);
    result.catch(() => inMemory.delete(key));
  }
  return result;
}

async function fromStore(docsDir: string): Promise<GenerateResult> {
  const file = path.join(STORE, `${await keyOf(docsDir)}.json`);
  const stored = await load(file);
  if (stored) return stored;
  await mkdir(STORE, { recursive: true });
  // A lock folder: one worker generates, the others wait for its file.
  const lock = `${file}.lock`;
  const mine = await mkdir(lock).then(
    () => true,
    () => false,
  );
  if (!mine) {
    const waited = await waitFor(file, lock);
    if (waited) return waited;
  }
  try {
    const result = await generate(docsDir);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const json = { model: result.model, files: [...result.files], diagnostics: result.diagnostics };
    await writeFile(temp, JSON.stringify(json));
    await rename(temp, file);
    return result;
  } finally {
    if (mine) await rmdir(lock).catch(() => undefined);
  }
}

async function load(file: string): Promise<GenerateResult | undefined> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as { files: [string, string][] } & GenerateResult;
    return { model: json.model, files: new Map(json.files), diagnostics: json.diagnostics };
  } catch {
    return undefined;
  }
}

/** The stored result once the lock holder wrote it; undefined when it gave up (its lock is gone, no file). */
async function waitFor(file: string, lock: string): Promise<GenerateResult | undefined> {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    const stored = await load(file);
    if (stored) return stored;
    const locked = await stat(lock).then(
      () => true,
      () => false,
    );
    if (!locked) return load(file);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await rm(lock, { recursive: true, force: true }); // a holder that died
  return undefined;
}

/** What a run depends on besides the docs and generator/: the dependencies, as declared and as installed. */
const PROJECT_FILES = ['package.json', 'package-lock.json'];

/** sha256 of every file under the docs folder and under generator/, by relative path, and of PROJECT_FILES. */
async function keyOf(docsDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of PROJECT_FILES) {
    hash.update(`\0project\0${file}\0`);
    hash.update(await readFile(path.join(ROOT, file)).catch(() => ''));
  }
  for (const root of [path.resolve(docsDir), path.join(ROOT, 'generator')]) {
    hash.update(`\0root\0${path.basename(root)}`);
    for (const rel of await filesUnder(root)) {
      hash.update(`\0${rel}\0`);
      hash.update(await readFile(path.join(root, rel)));
    }
  }
  return hash.digest('hex').slice(0, 32);
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}
