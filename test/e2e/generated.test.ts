/**
 * Gates on the committed output: it matches what `docs-src` generates now (drift), generation is
 * deterministic, and the output plus a consumer file compile under strict tsc.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type GenerateResult, generate } from '../../generator/generate.js';
import { MANIFEST_NAME } from '../../generator/write.js';
import { typecheck } from '../support/tsc.js';
import { ROOT } from '../support/paths.js';

const root = ROOT;
let result: GenerateResult;

beforeAll(async () => {
  result = await generate(path.relative(process.cwd(), path.join(root, 'docs-src')) || 'docs-src');
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

  test('generation is deterministic', async () => {
    const again = await generate(path.relative(process.cwd(), path.join(root, 'docs-src')) || 'docs-src');
    expect([...again.files]).toEqual([...result.files]);
  });

  test('docs-src generates without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('generated code and a consumer compile under strict tsc', () => {
    const files = [...result.files.keys()].filter((f) => f.endsWith('.ts')).map((f) => path.join(root, 'generated', f));
    expect(typecheck([...files, path.join(root, 'test/consumer/app.ts')])).toEqual([]);
  });
});
