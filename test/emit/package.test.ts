/**
 * The output as a package: which files each option set produces, the generated `package.json`
 * (exports per entry, dependencies derived from imports), and the compiled `dist/` twins.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compiledTargets } from '../../generator/emit/targets/compiled.js';
import { dependenciesOf } from '../../generator/emit/targets/package-json.js';
import { allRuntimeTargets } from '../../generator/emit/targets/runtime.js';
import { type GenerateOptions, generate } from '../../generator/generate.js';
import { FIXTURES, ROOT } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';

const good = path.join(FIXTURES, 'good-docs');
const tool = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = { ...tool.devDependencies, ...tool.dependencies };

interface PackageJson {
  name: string;
  main?: string;
  types?: string;
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
}

describe('options select the files, and package.json follows them', () => {
  const rows: [
    string,
    {
      given: GenerateOptions;
      want: { name: string; exports: string[]; index: string[]; has: string[]; hasNot: string[] };
    },
  ][] = [
    [
      'defaults: every implementation, every group',
      {
        given: {},
        want: {
          name: '@onebot-codegen/generated',
          exports: ['.', './onebot11', './gocq', './napcat', './lagrange', './message', './*.json', './package.json'],
          index: ['onebot11', 'gocq', 'napcat', 'lagrange', 'message'],
          has: ['napcat/index.ts', 'dist/napcat/index.js', 'dist/napcat/types.d.ts', 'dist/napcat/client.d.ts'].concat(
            'dist/napcat/server.js',
            'model.json',
            'schema/napcat.json',
            'openapi/napcat.json',
          ),
          hasNot: [],
        },
      },
    ],
    [
      'one implementation, types only, own name',
      {
        given: { implementations: ['napcat'], artefacts: ['types'], packageName: '@my-bot/onebot' },
        want: {
          name: '@my-bot/onebot',
          exports: ['.', './napcat', './message', './package.json'],
          index: ['napcat', 'message'],
          has: ['napcat/types.ts', 'runtime/cq-code.ts', 'dist/runtime/cq-code.js'],
          // only the runtime the types import: no transports, so no ws to depend on
          hasNot: ['gocq/types.ts', 'onebot11/index.ts', 'model.json', 'compatibility.md'].concat(
            'runtime/client/index.ts',
            'runtime/server/index.ts',
            'runtime/protocol.ts',
          ),
        },
      },
    ],
    [
      'exports only: JSON, no TypeScript, nothing compiled',
      {
        given: { artefacts: ['exports'] },
        want: {
          name: '@onebot-codegen/generated',
          exports: ['./*.json', './package.json'],
          index: [],
          has: ['model.json', 'compatibility.md', 'schema/napcat.json', 'asyncapi/lagrange.json'],
          hasNot: ['index.ts', 'napcat/types.ts', 'dist/index.js'],
        },
      },
    ],
    [
      'the client alone brings the types it imports',
      {
        given: { implementations: ['lagrange'], artefacts: ['client'] },
        want: {
          name: '@onebot-codegen/generated',
          exports: ['.', './lagrange', './message', './package.json'],
          index: ['lagrange', 'message'],
          has: ['lagrange/client.ts', 'lagrange/types.ts', 'runtime/client/index.ts', 'dist/lagrange/client.js'],
          hasNot: ['lagrange/server.ts', 'napcat/client.ts', 'model.json', 'runtime/server/index.ts'],
        },
      },
    ],
  ];
  test.each(rows)('%s', async (_, { given, want }) => {
    const { files } = await generate(good, given);
    const pkg = JSON.parse(files.get('package.json')!) as PackageJson;
    expect(pkg.name).toBe(want.name);
    expect(Object.keys(pkg.exports)).toEqual(want.exports);
    const index = files.get('index.ts') ?? '';
    expect([...index.matchAll(/^export \* as (\w+) from/gm)].map((m) => m[1])).toEqual(want.index);
    for (const p of want.has) expect(files.has(p), p).toBe(true);
    for (const p of want.hasNot) expect(files.has(p), p).toBe(false);
    // Every export target is a file of the output, and every TypeScript source has compiled twins.
    for (const target of Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e!)))) {
      if (String(target).includes('*')) continue;
      expect(files.has(String(target).slice(2)) || target === './package.json', String(target)).toBe(true);
    }
    const sources = [...files.keys()].filter((p) => p.endsWith('.ts') && !p.startsWith('dist/'));
    for (const p of sources) expect(files.has(`dist/${p.slice(0, -3)}.d.ts`), p).toBe(true);
    expect(pkg.main === undefined).toBe(!files.has('index.ts'));
  });
});

test('`package: false`: the TypeScript sources and JSON only, no package.json, nothing compiled', async () => {
  const { files } = await generate(good, { package: false });
  const { files: full } = await sharedGenerate(good);
  const sourcesOnly = [...full.keys()].filter((p) => p !== 'package.json' && !p.startsWith('dist/'));
  expect([...files.keys()]).toEqual(sourcesOnly);
  expect(sourcesOnly).toContain('napcat/index.ts');
});

describe('dependencies are the packages the emitted code imports', () => {
  const rows: [string, { given: Record<string, string>; want: string[] }][] = [
    [
      'types only: none',
      { given: { 'napcat/types.ts': "import type { Message } from '../common/message.js';" }, want: [] },
    ],
    [
      'a runtime importing ws, ajv and Node built-ins',
      {
        given: {
          'runtime/a.ts':
            "import WebSocket from 'ws';\nimport { createServer } from 'node:http';\nimport fs from 'fs';",
          'runtime/b.ts': "export { Ajv2020 } from 'ajv/dist/2020.js';",
          'dist/runtime/a.d.ts': "import x from 'left-out';",
        },
        want: ['@types/ws', 'ajv', 'ws'],
      },
    ],
  ];
  test.each(rows)('%s', (_, { given, want }) => {
    const deps = dependenciesOf(new Map(Object.entries(given)));
    expect(Object.keys(deps)).toEqual(want);
    for (const name of want) expect(deps[name]).toBe(declared[name]);
  });

  test('a package onebot-codegen does not declare is refused', () => {
    const files = new Map([['runtime/x.ts', "import leftPad from 'left-pad';"]]);
    expect(() => dependenciesOf(files)).toThrow(
      "generated code imports left-pad, which onebot-codegen's package.json does not declare",
    );
  });
});

describe('compiled twins', () => {
  test('JavaScript without types and declarations with docs, each under the header', () => {
    const header = '// @generated by onebot-codegen\n/* eslint-disable */\n';
    const text = `${header}/** A pair. */\nexport interface Pair { a: number }\nexport const NAMES = ['a', 'b'] as const;\n`;
    const out = new Map(compiledTargets(new Map([['x/y.ts', text]])).map((f) => [f.path, f.text]));
    expect([...out.keys()]).toEqual(['dist/x/y.d.ts', 'dist/x/y.js']);
    expect(out.get('dist/x/y.js')).toBe(`${header}export const NAMES = ['a', 'b'];\n`);
    expect(out.get('dist/x/y.d.ts')).toBe(
      `${header}/** A pair. */\nexport interface Pair {\n    a: number;\n}\nexport declare const NAMES: readonly ["a", "b"];\n`,
    );
  });

  test("twins compiled ahead (the build's runtime table) are used for their exact text only", () => {
    // (a text no other test compiles: compiled texts are also kept in memory, and those come first)
    const text = '// @generated\nexport const builtTableProbe: number = 1;\n';
    const sha256 = createHash('sha256').update(text).digest('hex');
    const built = new Map([['runtime/a.ts', { sha256, js: 'built js\n', dts: 'built dts\n' }]]);
    const twins = (t: string) => compiledTargets(new Map([['runtime/a.ts', t]]), built).map((f) => f.text);
    expect(twins(text)).toEqual(['built dts\n', 'built js\n']);
    const edited = `${text}export const more: number = 2;\n`;
    expect(twins(edited)).toEqual(compiledTargets(new Map([['runtime/a.ts', edited]]), new Map()).map((f) => f.text));
    expect(twins(edited)[1]).toContain('export const more = 2;');
  });

  test("the build's runtime table (dist/generator/runtime-twins.json) is what compiling the runtime gives", async () => {
    // (dist/ is current: test/support/global-setup.ts)
    const built = await import(pathToFileURL(path.join(ROOT, 'dist/generator/emit/targets/compiled.js')).href);
    const table = (built as typeof import('../../generator/emit/targets/compiled.js')).loadBuiltTwins();
    const runtime = allRuntimeTargets();
    expect([...table.keys()]).toEqual(runtime.map((f) => f.path));
    const compiled = compiledTargets(new Map(runtime.map((f) => [f.path, f.text])), new Map());
    for (const [file, { js, dts }] of table) {
      const stem = `dist/${file.slice(0, -'.ts'.length)}`;
      expect(js, file).toBe(compiled.find((f) => f.path === `${stem}.js`)!.text);
      expect(dts, file).toBe(compiled.find((f) => f.path === `${stem}.d.ts`)!.text);
    }
  });

  test('code whose declarations need type inference is refused at its line', () => {
    const text = '// @generated\nexport const a = 1;\nexport function twice(x: number) {\n  return x * 2;\n}\n';
    expect(() => compiledTargets(new Map([['runtime/t.ts', text]]))).toThrow(
      /^cannot compile runtime\/t\.ts to declarations: runtime\/t\.ts:3:17: Function must have an explicit return type/,
    );
  });
});
