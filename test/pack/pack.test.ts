/**
 * `npm run test:pack`: the tool as a user gets it. `npm pack` (which builds `dist/` through
 * `prepare`), the tarball installed into a scratch project outside the repository, then the packed
 * bin run there: `npx onebot-codegen --docs … --out …` must write exactly the committed
 * `generated/`, read a config file from its working directory, and answer `--version`.
 *
 * Kept out of `npm test` (vitest.config.ts) because building and packing take longer than the
 * suite's budget allows; `.ci/run` runs it after `npm run check`. The install is offline: the
 * scratch project gets a lockfile made from this repository's own (its production entries, already
 * in npm's cache after `npm ci`), plus the tarball.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MANIFEST_NAME } from '../../generator/write.js';
import { removeTree, writeTempTree } from '../support/generate.js';
import { ROOT } from '../support/paths.js';

const exec = promisify(execFile);
const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;

interface Lock {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; peer?: boolean } & Record<string, unknown>>;
}
interface Manifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
}

let project: string;
let tool: Manifest;

/** Runs `npx onebot-codegen …` (the locally installed bin) in the scratch project; never throws, returns code and output. */
async function codegen(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return exec('npx', ['onebot-codegen', ...args], { cwd: project }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

beforeAll(async () => {
  tool = await readJson<Manifest>(path.join(ROOT, 'package.json'));
  project = await writeTempTree(new Map(), 'onebot-pack-');
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', project], { cwd: ROOT });
  const [{ filename, integrity }] = JSON.parse(stdout) as [{ filename: string; integrity: string }];
  const tarball = `file:${filename}`;
  const lock = await readJson<Lock>(path.join(ROOT, 'package-lock.json'));
  const packages: Lock['packages'] = {};
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...rest } = entry;
    packages[key] = rest;
  }
  const { version, dependencies, bin, engines } = tool;
  packages[`node_modules/${tool.name}`] = { version, resolved: tarball, integrity, dependencies, bin, engines };
  const root = { name: 'my-bot', private: true, dependencies: { [tool.name]: tarball } };
  await writeFile(path.join(project, 'package.json'), JSON.stringify(root));
  await writeFile(
    path.join(project, 'package-lock.json'),
    JSON.stringify({ name: root.name, lockfileVersion: 3, requires: true, packages: { '': root, ...packages } }),
  );
  await exec('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project });
});
afterAll(() => removeTree(project));

describe('the packed tool', () => {
  test('ships compiled JavaScript only: no TypeScript runner is installed', () => {
    expect(existsSync(path.join(project, 'node_modules', tool.name, 'dist/generator/cli.js'))).toBe(true);
    expect(existsSync(path.join(project, 'node_modules', tool.name, 'dist/generator/runtime/cq-code.ts'))).toBe(true);
    expect(existsSync(path.join(project, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(path.join(project, 'node_modules', tool.name, 'generator'))).toBe(false);
  });

  test('`npx onebot-codegen --docs … --out …` writes exactly the committed generated/', async () => {
    const run = await codegen('--docs', path.join(ROOT, 'docs-src'), '--out', 'out');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^30 actions, 4 implementations, \d+ files, 0 errors, \d+ warnings in \d+ ms$/m);
    const { files } = await readJson<{ files: string[] }>(path.join(ROOT, 'generated', MANIFEST_NAME));
    for (const rel of [...files, MANIFEST_NAME]) {
      expect(await readFile(path.join(project, 'out', rel), 'utf8'), rel).toBe(
        await readFile(path.join(ROOT, 'generated', rel), 'utf8'),
      );
    }
  });

  test('reads onebot-codegen.config.json from its working directory; --version, and bad keys exit 2', async () => {
    const config = { docs: path.join(ROOT, 'docs-src'), out: 'out' };
    await writeFile(path.join(project, 'onebot-codegen.config.json'), JSON.stringify(config));
    const check = await codegen('--check');
    expect(check.code, check.stderr).toBe(0);
    expect(await codegen('--version')).toMatchObject({ code: 0, stdout: `${tool.version}\n` });
    await writeFile(path.join(project, 'onebot-codegen.config.json'), JSON.stringify({ ...config, output: 'x' }));
    const bad = await codegen();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^onebot-codegen\.config\.json:1:\d+: unknown key "output" \(did you mean "out"\?\)$/m);
  });
});
