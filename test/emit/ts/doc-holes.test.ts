/**
 * The words of JSDoc comments taken out and put back (doc-holes.ts): the round trip is exact, texts
 * it cannot read safely are left alone, and formatting or compiling a text with holes, then filling
 * them, gives what prettier and TypeScript give for the text itself. The caches of statements and
 * twins rely on the last.
 */
import path from 'node:path';
import fc from 'fast-check';
import { format } from 'prettier';
import { expect, test } from 'vitest';
import { Formatter, PRETTIER } from '../../../generator/emit/format.js';
import { emit, typeScriptTargets } from '../../../generator/emit/index.js';
import { compiledTargets, compileText } from '../../../generator/emit/targets/compiled.js';
import { twinPaths } from '../../../generator/emit/targets/dist-paths.js';
import { fillHoles, withHoles } from '../../../generator/emit/ts/doc-holes.js';
import { printFile } from '../../../generator/emit/ts/print.js';
import type { Model } from '../../../generator/model/types.js';
import { ROOT } from '../../support/paths.js';
import { sharedGenerate } from '../../support/shared-run.js';
import { table } from '../../support/table.js';

const words = (n: number) => `\uE000${n}\uE001`;
const block = (n: number) => `\uE002${n}\uE001`;

table(
  'withHoles',
  [
    [
      'a block: one hole for its lines, each trimmed',
      {
        given: '  /**\n   * 获取 Cookies  \n   *\n   * @see api/bot.md:210\n   */\n  a: string;',
        want: {
          text: `  /**\n   * ${block(0)}\n   */\n  a: string;`,
          lines: ['* 获取 Cookies\n*\n* @see api/bot.md:210'],
        },
      },
    ],
    [
      'a one-line comment, indented; the header and eslint-disable are left as they are',
      {
        given: '// run `npm run generate`\n/* eslint-disable */\n  /** Name of an action. */\n  a: string;',
        want: {
          text: `// run \`npm run generate\`\n/* eslint-disable */\n  /** ${words(0)} */\n  a: string;`,
          lines: ['Name of an action.'],
        },
      },
    ],
    [
      'a template type that closes on its line',
      {
        given: '/** k */\ntype K = `${A}.${string}`;',
        want: { text: `/** ${words(0)} */\ntype K = \`\${A}.\${string}\`;`, lines: ['k'] },
      },
    ],
    ['no comment', { given: 'export type A = 1;\n', want: { text: 'export type A = 1;\n', lines: [] } }],
  ],
  ({ given }) => withHoles(given),
);

table(
  'withHoles leaves alone what it cannot read safely',
  [
    ['a template that goes on past its line', '/** a */\nconst s = `x\n/** not a comment */\n`;'],
    // A template whose lines read as comments up to its end: what the lines of code show must do.
    ['a backtick in a string, then a template', "const s = '`' + `\n/** b */\n/** ` */"],
    ['a template left open inside a hole of one', 'const t = `${ { a: 1 }`\n/** b */\n/** ` */'],
    ['a block comment of another shape', '/* one\n * two */\n/** a */'],
    ['a block that does not close', '/**\n * a'],
    ['a line of a block without its star', '/**\n a\n */'],
    ['a cast prettier reads in a comment', 'export const d =\n  /** @type {x} */\n  (1 + 2);'],
    ['a block whose lines are indented differently', '/**\n * a\n   * b\n */'],
    ['a comment after code', '/** a */\nconst a = 1; /** b */'],
    ['a text that already holds a hole', `/** ${words(0)} */`],
  ].map(([name, text]) => [name!, { given: text!, want: { text: text!, lines: [] } }] as const),
  ({ given }) => withHoles(given),
);

// Comment lines come back trimmed at the end, as both tools print them: exact for formatted text.
test('fillHoles(withHoles(text)) is the text, whatever it holds, its lines ending in no space', () => {
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom('/**', '\n', ' * ', ' */', '*/', '`', '${', '}', "'", '\uE000', '\uE002', '// x', '/* y */'),
    fc.string().map((words) => `\n/**\n * ${words}\n */\n`),
    fc.string().map((words) => `\n  /** ${words} */\n`),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('').replace(/[^\S\n]+$/gm, '');
      const { text: holed, lines } = withHoles(text);
      expect(fillHoles(holed, lines)).toBe(text);
    }),
  );
});

/**
 * The model with every source line moved (most line numbers one digit longer) and every line of
 * every description changed (longer, with quotes and markup), every other one with a line more:
 * the prose edits the holes are for.
 */
function editProse(model: Model): Model {
  let n = 0;
  return JSON.parse(JSON.stringify(model), (key, value: unknown) => {
    if (key === 'line' && typeof value === 'number') return value * 7 + 3;
    if (key === 'description' && typeof value === 'string') {
      const edited = value.replace(/\S.*/g, (line) => `「改」'${line}' "${line.length}" \`x\``);
      return n++ % 2 === 0 ? `${edited}\n\n新的一段。` : edited;
    }
    return value;
  }) as Model;
}

test('the docs with their prose edited: what prettier and TypeScript make of the files, from the holes kept before', async () => {
  const { model } = await sharedGenerate(path.join(ROOT, 'docs-src'));
  // One implementation: the others print the same shapes with other names.
  const sources = { package: false, implementations: ['napcat'] } as const;
  const formatter = new Formatter({ keepStatements: true });
  compiledTargets(await emit(model, sources, { formatter }), new Map());
  const before = typeScriptTargets(model, sources).flatMap((t) => printFile(t).statements ?? []);

  const edited = editProse(model);
  const files = await emit(edited, sources, { formatter });
  const targets = typeScriptTargets(edited, sources);
  const after = targets.flatMap((t) => printFile(t).statements ?? []);
  // Only statements whose code changed went to prettier (descriptions are also code, in the
  // params schemas): far fewer than those whose comments did.
  const known = new Set(before.map((s) => withHoles(s).text));
  const changedCode = new Set(after.map((s) => withHoles(s).text).filter((s) => !known.has(s)));
  const changedText = new Set(after.filter((s) => !before.includes(s)));
  expect(formatter.lastRun.formatted).toBe(changedCode.size);
  expect(changedText.size).toBeGreaterThan(4 * changedCode.size);

  for (const target of targets) {
    const printed = printFile(target);
    const whole = await format(printed.header + printed.text, { ...PRETTIER, parser: 'typescript' });
    expect(files.get(target.path), target.path).toBe(whole);
  }
  const twins = new Map(compiledTargets(files, new Map()).map((f) => [f.path, f.text]));
  for (const target of targets) {
    const at = twinPaths(target.path);
    const direct = compileText(target.path, files.get(target.path)!);
    expect({ js: twins.get(at.js), dts: twins.get(at.dts) }, target.path).toEqual(direct);
  }
});
