/** The README is part of the interface: its Quick start and its diagnostics table stay true. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../generator/model/diagnostics.js';
import { ROOT } from '../support/paths.js';

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
