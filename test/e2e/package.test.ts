/**
 * The committed output as a bot project uses it: `npm install` of the `generated/` folder into a
 * fresh project outside the repository, a consumer compiled by real `tsc` (strict, NodeNext, no
 * skipLibCheck, so the shipped declarations are checked too), then run by `node`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeTree, writeTempTree } from '../support/generate.js';
import { ROOT } from '../support/paths.js';
import { sharedLibraryHost } from '../support/tsc.js';

const run = promisify(execFile);
const generated = path.join(ROOT, 'generated');
let project: string;
let name: string;

/** What a bot developer writes: a namespace import, a subpath import, a runtime value and a runtime function. */
const CONSUMER = (pkg: string) => `
import { message, napcat } from '${pkg}';
import type { ParamsOf, ResponseOf } from '${pkg}/napcat';

declare const console: { log(text: string): void }; // the project has neither DOM nor Node types

const names: readonly napcat.ActionName[] = napcat.ACTION_NAMES;
const cookies: ResponseOf<'get_cookies'> = { cookies: 'uin=1', bkn: '2' };
const params: ParamsOf<'get_record'> = { file_id: '123', out_format: 'mp3' };
const segments: message.MessageSegment[] = message.parseCQString('[CQ:face,id=178]hi');
console.log(JSON.stringify({ names: names.includes('get_cookies'), bkn: cookies.bkn, format: params.out_format, segments }));
`;

/** A consumer's compiler options: strict, NodeNext, declarations of dependencies checked too. */
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  skipLibCheck: false,
  types: [],
};
let program: ts.Program;
const problemsIn = (file: string) =>
  ts
    .getPreEmitDiagnostics(program, program.getSourceFile(path.join(project, file)))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

beforeAll(async () => {
  name = (JSON.parse(await readFile(path.join(generated, 'package.json'), 'utf8')) as { name: string }).name;
  project = await writeTempTree(
    new Map([
      ['package.json', JSON.stringify({ name: 'my-bot', private: true, type: 'module' })],
      ['src/bot.ts', CONSUMER(name)],
      ['src/wrong.ts', `import { napcat } from '${name}';\nnapcat.NO_SUCH_THING;\n`],
    ]),
    'onebot-consumer-',
  );
  // --install-links copies the folder as a published package would be, instead of symlinking into the repo.
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--install-links', generated], {
    cwd: project,
  });
  // One program for both consumer files: type-checking the standard library once is most of the cost.
  const roots = ['src/bot.ts', 'src/wrong.ts'].map((f) => path.join(project, f));
  const options = { ...OPTIONS, outDir: path.join(project, 'out') };
  program = ts.createProgram({ rootNames: roots, options, host: sharedLibraryHost(options) });
});
afterAll(() => removeTree(project));

test('`npm install ./generated` gives a package a strict NodeNext project compiles and runs against', async () => {
  expect(problemsIn('src/bot.ts')).toEqual([]);
  // The types come from the installed copy's declarations, not from the repository's sources.
  const files = program
    .getSourceFiles()
    .filter((f) => !program.isSourceFileDefaultLibrary(f))
    .map((f) => path.relative(project, f.fileName));
  expect(files).toContain(`node_modules/${name}/dist/napcat/types.d.ts`);
  // (type packages may also resolve from folders above the project: the repository's own node_modules)
  expect(files.filter((f) => !f.startsWith('node_modules/') && !f.startsWith('..'))).toEqual([
    'src/bot.ts',
    'src/wrong.ts',
  ]);
  // Of the package, only the compiled twins; its runtime dependencies (ws, ajv) come with it.
  const ours = files.filter((f) => f.startsWith(`node_modules/${name}/`));
  expect(ours.filter((f) => !f.startsWith(`node_modules/${name}/dist/`))).toEqual([]);
  expect(files.some((f) => f.includes('@types/ws/'))).toBe(true);
  // Every shipped declaration file checks on its own (the other tests type-check the sources).
  const shipped = program.getSourceFiles().filter((f) => f.fileName.includes(`/node_modules/${name}/dist/`));
  expect(shipped.length).toBeGreaterThan(10);
  const declarationProblems = shipped.flatMap((f) =>
    [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)].map(
      (d) => `${path.relative(project, f.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    ),
  );
  expect(declarationProblems).toEqual([]);

  program.emit(program.getSourceFile(path.join(project, 'src/bot.ts')));
  const { stdout } = await run(process.execPath, [path.join(project, 'out/bot.js')], { cwd: project });
  expect(JSON.parse(stdout)).toEqual({
    names: true,
    bkn: '2',
    format: 'mp3',
    segments: [
      { type: 'face', data: { id: '178' } },
      { type: 'text', data: { text: 'hi' } },
    ],
  });
});

test('a name the package does not export is a compile error in the consumer', () => {
  expect(problemsIn('src/wrong.ts')).toEqual([expect.stringContaining("Property 'NO_SUCH_THING' does not exist")]);
});
