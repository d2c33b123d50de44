/**
 * Gates on the committed output: it matches what `docs-src` generates now (drift), and generation
 * is deterministic. That it compiles with a consumer file: test/e2e/compile.test.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import type { GenerateResult } from '../../generator/generate.js';
import { MANIFEST_NAME } from '../../generator/write.js';
import { CORPUS, ROOT } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';

const CORPUS_PRESENT = existsSync(CORPUS);

const root = ROOT;
let result: GenerateResult;

const DETERMINISM_DOCS = CORPUS_PRESENT ? CORPUS : path.join(root, 'docs-src');
/** The child process's files (see the determinism test), started first: it runs while the other tests check. */
let childFiles: Promise<Map<string, string>>;

beforeAll(async () => {
  childFiles = promisify(execFile)(
    process.execPath,
    [path.join(root, 'test/support/generate-child.mjs'), DETERMINISM_DOCS, 'reverse'],
    { cwd: os.tmpdir(), maxBuffer: 256 * 1024 * 1024 },
  ).then(({ stdout }) => new Map(JSON.parse(stdout) as [string, string][]));
  childFiles.catch(() => undefined); // reported by the determinism test
  result = await sharedGenerate(path.join(root, 'docs-src'));
});

describe('generated/ from docs-src', () => {
  test('every generated file is committed byte for byte (run `npm run generate` if this fails)', async () => {
    for (const [rel, text] of result.files) {
      expect(await readFile(path.join(root, 'generated', rel), 'utf8'), rel).toBe(text);
    }
  });

  test('the manifest lists exactly the generated files', async () => {
    const manifest = JSON.parse(await readFile(path.join(root, 'generated', MANIFEST_NAME), 'utf8')) as {
      files: string[];
    };
    expect(manifest.files).toEqual([...result.files.keys()]);
  });

  test('docs-src generates without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  // Last: the child started in beforeAll has run while the tests above checked.
  test('generation is deterministic: another process, another cwd, the pages in reverse order', async () => {
    const here = await sharedGenerate(DETERMINISM_DOCS);
    const there = await childFiles;
    // The child makes the sources only (see generate-child.mjs): everything but the package's files.
    const sources = [...here.files].filter(([rel]) => rel !== 'package.json' && !rel.startsWith('dist/'));
    expect(sources.length).toBeGreaterThan(here.files.size / 3);
    expect([...there.keys()]).toEqual(sources.map(([rel]) => rel));
    for (const [rel, text] of sources) expect(there.get(rel), rel).toBe(text);
  });
});
