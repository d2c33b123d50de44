/**
 * The README is part of the interface: its Quick start, its diagnostics table and its TypeScript
 * examples (compiled by real tsc against the committed output) stay true.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../generator/model/diagnostics.js';
import { ROOT } from '../support/paths.js';
import { typecheck } from '../support/tsc.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('the Quick start has exactly the two set-up commands', () => {
  const quick = readme.split('## Quick start')[1]!.split('```')[1]!;
  expect(quick.trim().split('\n').slice(1)).toEqual(['npm ci && npm run generate', 'npm test']);
});

test('the diagnostics table lists every code with its meaning, and nothing else', () => {
  const table = readme.split('<!-- diagnostics:start -->')[1]!.split('<!-- diagnostics:end -->')[0]!;
  const rows = [...table.matchAll(/^\| `([\w-]+)` \| (.*) \|$/gm)].map((m) => [m[1], m[2]!.replaceAll('\\|', '|')]);
  expect(rows).toEqual(Object.entries(DIAGNOSTIC_CODES));
});

test('every ```ts block compiles against the committed generated/ (blocks marked no-check are fragments)', () => {
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  // Beside the project root's own folders, so `./generated/…` in the examples resolves as written.
  const dir = path.join(ROOT, 'node_modules/.cache/readme-examples');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((code, i) => {
    const file = path.join(dir, `example-${i}.ts`);
    writeFileSync(file, `${code.replaceAll("'./generated/", "'../../../generated/")}\nexport {};\n`);
    return file;
  });
  expect(typecheck(files)).toEqual([]);
});
