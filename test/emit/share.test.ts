/**
 * Work shared with a helper thread: how it is cut, and that compiling twins with a helper gives
 * what compiling them here gives, with the helper doing about half.
 */
import { describe, expect, test } from 'vitest';
import { HELP_ABOVE, shareOf } from '../../generator/emit/share.js';
import {
  compileBatch,
  compiledTargets,
  compiledTargetsShared,
  type CompileHelper,
} from '../../generator/emit/targets/compiled.js';

const length = (s: string) => s.length;

describe('shareOf', () => {
  test('less than HELP_ABOVE in all is not shared', () => {
    expect(shareOf(['a'.repeat(HELP_ABOVE - 2), 'b'], length)).toBeUndefined();
  });

  test('more is cut, in order, into two parts whose sizes differ by at most two items', () => {
    const items = Array.from({ length: 40 }, (_, i) => 'x'.repeat(500 + ((i * 37) % 400)));
    const share = shareOf(items, length)!;
    expect([...share[0], ...share[1]]).toEqual(items);
    const size = (part: string[]) => part.reduce((n, s) => n + s.length, 0);
    const largest = Math.max(...items.map(length));
    expect(Math.abs(size(share[0]) - size(share[1]))).toBeLessThanOrEqual(2 * largest);
  });
});

/** Modules with distinct texts, enough to share (each text new to this process's compile cache). */
function modules(count: number, tag: string): Map<string, string> {
  const body = (i: number) =>
    Array.from({ length: 30 }, (_, k) => `/** Field ${k}. */\nexport const ${tag}${i}_${k}: number = ${k};\n`).join('');
  return new Map(Array.from({ length: count }, (_, i) => [`m/${tag}${i}.ts`, `// @generated\n${body(i)}`]));
}

describe('compiledTargetsShared', () => {
  test('with a helper: the same twins as without, about half of the text compiled by the helper', async () => {
    const files = modules(12, 'shared');
    const asked: string[] = [];
    const helper: CompileHelper = async (batch) => (asked.push(...batch.map(([p]) => p)), compileBatch(batch));
    const withHelper = await compiledTargetsShared(files, helper, new Map());
    expect(withHelper).toEqual(compiledTargets(files, new Map()));
    expect(asked.length).toBeGreaterThanOrEqual(5);
    expect(asked.length).toBeLessThanOrEqual(7);
    // Compiled once: asking again finds every file compiled.
    asked.length = 0;
    await compiledTargetsShared(files, helper, new Map());
    expect(asked).toEqual([]);
  });

  test("the helper's twins are the ones used", async () => {
    const files = modules(12, 'marked');
    const helper: CompileHelper = async (batch) =>
      compileBatch(batch).map((t) => ({ js: `${t.js}// helper\n`, dts: t.dts }));
    const out = await compiledTargetsShared(files, helper, new Map());
    const marked = out.filter((f) => f.text.endsWith('// helper\n')).length;
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(files.size);
  });

  test('little to compile: no helper call', async () => {
    const files = modules(1, 'small');
    const helper: CompileHelper = async () => {
      throw new Error('the helper was asked');
    };
    expect(await compiledTargetsShared(files, helper, new Map())).toEqual(compiledTargets(files, new Map()));
  });
});
