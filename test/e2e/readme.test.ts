/**
 * The README is part of the interface: its Quick start, its diagnostics table, its TypeScript
 * examples (compiled against the declarations of the committed `generated/` and of the API), and what it says the
 * scripts and CI run stay true.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, expect, test } from 'vitest';
import { USAGE } from '../../generator/config.js';
import { DIAGNOSTIC_CODES } from '../../generator/model/diagnostics.js';
import { ROOT } from '../support/paths.js';
import { sharedLibraryHost } from '../support/tsc.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as PackageJson;

interface PackageJson {
  name: string;
  scripts: Record<string, string>;
  exports: Record<string, string | { types: string }>;
}

test('the Quick start has exactly the two set-up commands', () => {
  const quick = readme.split('## Quick start')[1]!.split('```')[1]!;
  expect(quick.trim().split('\n').slice(1)).toEqual(['npm ci && npm run generate', 'npm test']);
});

test('the diagnostics table lists every code with its meaning, and nothing else', () => {
  const table = readme.split('<!-- diagnostics:start -->')[1]!.split('<!-- diagnostics:end -->')[0]!;
  const rows = [...table.matchAll(/^\| `([\w-]+)` +\| (.*?) *\|$/gm)].map((m) => [m[1], m[2]!.replaceAll('\\|', '|')]);
  expect(rows).toEqual(Object.entries(DIAGNOSTIC_CODES));
});

/**
 * Module paths a README block may import, resolved as a user's project would: each package by its
 * `exports`, to its declarations (the committed `generated/dist/*.d.ts`; the tool's
 * `dist/generator/*.d.ts`, which the tests' global setup rebuilds when a source is newer).
 */
function packagePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  const add = (pkg: PackageJson, dir: string) => {
    for (const [sub, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      paths[sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`] = [path.join(ROOT, dir, target.types)];
    }
  };
  add(json('generated/package.json'), 'generated');
  add(json('package.json'), '.');
  return paths;
}

/** The README's ```ts blocks as modules beside it (`export {}` keeps blocks without imports apart). */
const blocks = new Map(
  [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m, i) => [
    path.join(ROOT, `README.block-${i + 1}.ts`),
    `${m[1]!}\nexport {};\n`,
  ]),
);
const API = path.join(ROOT, 'dist/generator/index.d.ts');
let program: ts.Program;

beforeAll(() => {
  // One program for every block and the API module: parsing the libraries is most of the cost.
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    baseUrl: ROOT,
    paths: packagePaths(),
  };
  const host = sharedLibraryHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => blocks.has(f) || fileExists(f);
  host.readFile = (f) => blocks.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) =>
    blocks.has(f) ? ts.createSourceFile(f, blocks.get(f)!, lang) : getSourceFile(f, lang, ...rest);
  program = ts.createProgram([...blocks.keys(), API], options, host);
});

test('every TypeScript block compiles, in one strict program, against generated/ and the API', () => {
  expect(blocks.size).toBeGreaterThanOrEqual(2);
  // Only the blocks are checked: the generator and generated/ have their own gates (typecheck, tsc tests).
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...[...blocks.keys()].flatMap((f) => {
      const file = program.getSourceFile(f);
      return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    }),
  ];
  const problems = diagnostics.map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file ? path.basename(d.file.fileName) : ''}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(problems).toEqual([]);
  // The blocks really went through the packages: the modules a user imports resolve to real files.
  const files = program.getSourceFiles().map((f) => path.relative(ROOT, f.fileName));
  expect(files).toEqual(expect.arrayContaining(['generated/dist/index.d.ts', 'dist/generator/index.d.ts']));
});

test('the API exports exactly what the README documents, and its values at run time', async () => {
  const table = readme.split('<!-- api:start -->')[1]!.split('<!-- api:end -->')[0]!;
  const firstCells = [...table.matchAll(/^\| (.*?) \|/gm)].map((m) => m[1]!).slice(2);
  const documented = firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Za-z_]\w*)/g)].map((m) => m[1]!)).sort();
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(API)!)!;
  const exported = checker.getExportsOfModule(module);
  expect(exported.map((s) => s.name).sort()).toEqual(documented);
  const values = exported.filter((s) => checker.getAliasedSymbol(s).flags & ts.SymbolFlags.Value).map((s) => s.name);
  expect(Object.keys(await import('../../generator/index.js')).sort()).toEqual(values.sort());
});

test('the CLI section shows the usage text the CLI prints', () => {
  expect(readme.split('## CLI')[1]!.split('```')[1]).toBe(`\n${USAGE}\n`);
});

test('the `--` note and the scripts that need none are true', () => {
  const { scripts } = json('package.json');
  expect(readme).toContain('`npm run generate -- --check`');
  expect(readme).toContain('`npm run check:generated`');
  expect(scripts['check:generated']).toBe(`${scripts.generate} --check`);
  expect(scripts.check).toContain('npm run check:generated');
});

test('the README says what CI runs', () => {
  const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
  const commands = [...ci.matchAll(/^(npm (?:ci|test|run [\w:-]+))$/gm)].map((m) => m[1]!);
  expect(commands.length).toBeGreaterThan(1);
  const said = readme.split('CI (`.ci/run`) runs ')[1]!.split('.\n')[0]!;
  expect([...said.matchAll(/`(npm [^`]+)`/g)].map((m) => m[1])).toEqual(commands);
});
