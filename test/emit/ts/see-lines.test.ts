/**
 * The docs' line numbers taken out of `@see` tags and put back (see-lines.ts): the round trip is
 * exact, and formatting or compiling a text with holes, then filling them, gives what prettier and
 * TypeScript give for the text itself. The caches of statements and twins rely on the second.
 */
import path from 'node:path';
import fc from 'fast-check';
import { format } from 'prettier';
import { expect, test } from 'vitest';
import { Formatter, PRETTIER } from '../../../generator/emit/format.js';
import { emit, typeScriptTargets } from '../../../generator/emit/index.js';
import { compiledTargets, compileText } from '../../../generator/emit/targets/compiled.js';
import { twinPaths } from '../../../generator/emit/targets/dist-paths.js';
import { printFile } from '../../../generator/emit/ts/print.js';
import { fillHoles, withHoles } from '../../../generator/emit/ts/see-lines.js';
import type { Model } from '../../../generator/model/types.js';
import { ROOT } from '../../support/paths.js';
import { sharedGenerate } from '../../support/shared-run.js';
import { table } from '../../support/table.js';

table(
  'withHoles',
  [
    ['one tag', { given: ' * @see api/bot.md:210\n', want: { text: ' * @see api/bot.md:#0\n', lines: ['210'] } }],
    [
      'tags in order, inline ones too',
      {
        given: '/** @see a/b.md:3 */\n/** x\n * @see c.md:45\n */',
        want: { text: '/** @see a/b.md:#0 */\n/** x\n * @see c.md:#1\n */', lines: ['3', '45'] },
      },
    ],
    ['no tag', { given: 'export type A = 1;\n', want: { text: 'export type A = 1;\n', lines: [] } }],
    [
      'a tag that is not a docs line',
      { given: '@see https://x.org/a', want: { text: '@see https://x.org/a', lines: [] } },
    ],
    [
      'text that already reads as a hole is left as it is',
      { given: '@see a.md:#0 and @see b.md:7', want: { text: '@see a.md:#0 and @see b.md:7', lines: [] } },
    ],
  ],
  ({ given }) => withHoles(given),
);

test('fillHoles(withHoles(text)) is the text, whatever it holds', () => {
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom('@see ', '.md:', '#', '@see a.md:#1', '\n * '),
    fc.tuple(fc.stringMatching(/^[a-z/-]{1,12}$/), fc.nat()).map(([file, line]) => `@see ${file}.md:${line}`),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      const { text: holed, lines } = withHoles(text);
      expect(fillHoles(holed, lines)).toBe(text);
    }),
  );
});

/** The model with every source line moved (and most line numbers one digit longer). */
function moveLines(model: Model): Model {
  return JSON.parse(JSON.stringify(model), (key, value: unknown) =>
    key === 'line' && typeof value === 'number' ? value * 7 + 3 : value,
  ) as Model;
}

test('the docs with every line moved: what prettier and TypeScript make of the files, from the holes kept before', async () => {
  const { model } = await sharedGenerate(path.join(ROOT, 'docs-src'));
  const sources = { package: false } as const;
  const formatter = new Formatter({ keepStatements: true });
  compiledTargets(await emit(model, sources, { formatter }), new Map());

  const moved = moveLines(model);
  const files = await emit(moved, sources, { formatter });
  expect(formatter.lastRun.formatted).toBe(0); // every statement came from the holes of the first run
  const targets = typeScriptTargets(moved);
  expect(targets.length).toBeGreaterThan(4);
  let tags = 0;
  for (const target of targets) {
    const printed = printFile(target);
    tags += printed.text.match(/@see \S+\.md:\d/g)?.length ?? 0;
    const whole = await format(printed.header + printed.text, { ...PRETTIER, parser: 'typescript' });
    expect(files.get(target.path), target.path).toBe(whole);
  }
  expect(tags).toBeGreaterThan(100);
  const twins = new Map(compiledTargets(files, new Map()).map((f) => [f.path, f.text]));
  for (const target of targets) {
    const text = files.get(target.path)!;
    const at = twinPaths(target.path);
    expect({ js: twins.get(at.js), dts: twins.get(at.dts) }, target.path).toEqual(compileText(target.path, text));
  }
});
