/**
 * A fast slice of the generator fuzzer (`npm run fuzz` runs it at size): mutated real pages never
 * make the generator throw, every diagnostic points inside its page, every action bullet is
 * generated or named, no docs text ends a comment or string early, the same input gives the same
 * bytes, and the outputs of all cases compile in one tsc program.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateFromDocs } from '../../generator/generate.js';
import { CANARY, type FuzzCase, caseArbitrary, pageOf } from './mutate.js';
import {
  bulletProblems,
  crashProblems,
  determinismProblems,
  escapeProblems,
  positionProblems,
  typecheckCases,
} from './properties.js';
import { TEMP_ROOT } from '../support/generate.js';

const RUNS = 4;
// Every odd action name, those colliding after case conversion (getX / get_x) included: each action
// gets its own TypeScript names.
const cases = caseArbitrary();
// No package: the compiled twins are TypeScript's own rendering of sources this test compiles
// anyway (npm run fuzz, at size, makes them too).
const SOURCES = { package: false } as const;

describe('generator fuzz (fast slice)', () => {
  test('properties hold for random mutations of real pages; all outputs compile', async () => {
    const outputs: { index: number; files: ReadonlyMap<string, string> }[] = [];
    await fc.assert(
      fc.asyncProperty(cases, async (c: FuzzCase) => {
        const docs = [{ file: 'api/case.md', text: pageOf(c) }];
        const result = await generateFromDocs(docs, SOURCES);
        // Same input, same bytes: on the first case (npm run fuzz re-runs every tenth).
        const again = outputs.length === 0 ? await generateFromDocs(docs, SOURCES) : result;
        expect([
          ...crashProblems(result),
          ...positionProblems(docs, result),
          ...bulletProblems(docs, result),
          ...escapeProblems(result),
          ...determinismProblems(result, again),
        ]).toEqual([]);
        outputs.push({ index: outputs.length, files: result.files });
      }),
      // A fixed seed: the slice in npm test is the same every run (npm run fuzz explores at random).
      { numRuns: RUNS, seed: 20261130 },
    );
    await mkdir(TEMP_ROOT, { recursive: true });
    const dir = await mkdtemp(path.join(TEMP_ROOT, 'onebot-fuzz-slice-'));
    try {
      expect(Object.fromEntries(await typecheckCases(dir, outputs))).toEqual({});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // The checks themselves must be able to fail: each is fed an output that breaks it.
  test('the escape check catches docs text that ends a comment early, and a syntax error', () => {
    const broken = new Map([['a.ts', `/** title */ ${CANARY} /* rest */\nexport type A = 1;\n`]]);
    expect(escapeProblems({ files: broken } as never)).toEqual([`a.ts: docs text became code (${CANARY})`]);
    const syntax = new Map([['b.ts', 'export interface B { a: ; }\n']]);
    expect(escapeProblems({ files: syntax } as never)).toEqual([expect.stringMatching(/^b\.ts\(1,25\): /)]);
  });

  test('the bullet check catches an action bullet that vanished without a word', () => {
    const docs = [{ file: 'p.md', text: '# t\n\n## 节\n\n- `lost_action`\n' }];
    expect(bulletProblems(docs, { model: { actions: [] }, diagnostics: [] } as never)).toEqual([
      'bullet `lost_action` in p.md vanished',
    ]);
  });

  test('the position check catches a diagnostic past the end of its page', () => {
    const docs = [{ file: 'p.md', text: 'one line' }];
    const d = { code: 'no-action', source: { file: 'p.md', line: 2, column: 1 } };
    expect(positionProblems(docs, { diagnostics: [d] } as never)).toEqual(['no-action at p.md:2:1 (file has 1 lines)']);
  });
});
