/**
 * Formatting statement by statement, in one batch, with statements shared between files formatted
 * once, and with prettier's babel-ts parser, gives byte for byte what prettier's typescript parser
 * gives each whole file (what `prettier --check` compares against); the caches (statements kept
 * between runs, the file cache beside the manifest) only ever return what prettier would.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'prettier';
import { describe, expect, test } from 'vitest';
import { formatBatch, Formatter, formatText, PRETTIER } from '../../generator/emit/format.js';
import { emit, typeScriptTargets } from '../../generator/emit/index.js';
import { allRuntimeTargets } from '../../generator/emit/targets/runtime.js';
import { printFile } from '../../generator/emit/ts/print.js';
import { withHoles } from '../../generator/emit/ts/doc-holes.js';
import { DiskFormatCache, FORMAT_CACHE_NAME } from '../../generator/format-cache.js';
import { buildModel, generate } from '../../generator/generate.js';
import { readDocs } from '../../generator/parse/read-docs.js';
import { writeOutputs } from '../../generator/write.js';
import { removeTree, writeTempTree } from '../support/generate.js';
import { CORPUS, FIXTURES } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';

/** The goldens and generated/ (made with whole-file formatting) hold the other fixtures and docs-src to it. */
const DOCS = [
  ['bad-docs fixture', path.join(FIXTURES, 'bad-docs')],
  ['the docs', CORPUS],
] as const;

describe('statement-wise formatting', () => {
  test.each(DOCS)(
    '%s: every TypeScript file is what prettier (typescript parser) makes of the whole file',
    async (_name, dir) => {
      const { model, files } = await sharedGenerate(dir);
      const targets = typeScriptTargets(model);
      expect(targets.length).toBeGreaterThan(4);
      for (const target of targets) {
        const printed = printFile(target);
        expect(printed.statements, `${target.path} splits into statements`).toBeDefined();
        // The reference is prettier's own TypeScript parser on the whole file.
        const whole = await format(printed.header + printed.text, { ...PRETTIER, parser: 'typescript' });
        expect(files.get(target.path), target.path).toBe(whole);
      }
    },
  );

  test('the runtime, copied as written, is already what prettier makes of each file', async () => {
    const runtime = allRuntimeTargets();
    expect(runtime.length).toBeGreaterThan(4);
    for (const { path: file, text } of runtime) {
      expect(text, file).toBe(await format(text, { ...PRETTIER, parser: 'typescript' }));
    }
  });

  test('a batch whose boundary appears inside a statement falls back to one call per statement', async () => {
    const tricky = 'const s = `\n\ndeclare const __onebot_codegen_statement_boundary__: unique symbol;\n\n`;';
    const statements = ['export   type A = 1', tricky, 'export interface B {a:A}'];
    expect(await formatBatch(statements)).toEqual(await Promise.all(statements.map(formatText)));
  });
});

describe('formatter caches', () => {
  test('kept statements: a second run formats nothing, an edit formats only the code it changed', async () => {
    const docs = await readDocs(path.join(FIXTURES, 'family'));
    const formatter = new Formatter({ keepStatements: true });
    // No package: its compiled twins are made from the formatted files, after the formatter's work.
    const sources = { package: false } as const;
    const first = await emit(buildModel(docs).model, sources, { formatter });
    expect(formatter.lastRun.formatted).toBe(formatter.lastRun.statements);
    expect(await emit(buildModel(docs).model, sources, { formatter })).toEqual(first);
    expect(formatter.lastRun.formatted).toBe(0);

    const edited = docs.map((d) =>
      // A new paragraph (prose: the comments of every statement below change) and a new type (code).
      d.file.endsWith('things.md')
        ? { ...d, text: d.text.replace(/^(## .*\n)/m, '$1\n改过的说明。\n').replace('| boolean  ', '| string   ') }
        : d,
    );
    const editedModel = buildModel(edited).model;
    const fresh = await emit(editedModel, sources);
    expect(await emit(editedModel, sources, { formatter })).toEqual(fresh);
    // Known by their text with holes for the words of their comments: a statement whose `@see`
    // only moved, or whose prose alone changed, is not formatted again.
    const statements = (model: typeof editedModel, holes: (s: string) => string) =>
      new Set(typeScriptTargets(model).flatMap((t) => (printFile(t).statements ?? []).map(holes)));
    const changed = (holes: (s: string) => string) => {
      const before = statements(buildModel(docs).model, holes);
      return [...statements(editedModel, holes)].filter((s) => !before.has(s));
    };
    const changedText = changed((s) => withHoles(s).text);
    expect(changedText.length).toBeGreaterThan(0);
    expect(changed((s) => s).length).toBeGreaterThan(changedText.length);
    expect(formatter.lastRun.formatted).toBe(changedText.length);
  });

  test('file cache: unchanged files come from the output folder, a file edited by hand is formatted again', async () => {
    const dir = await writeTempTree(new Map());
    try {
      const docs = path.join(FIXTURES, 'good-docs');
      const first = await generate(docs, { formatter: new Formatter({ cache: await DiskFormatCache.load(dir) }) });
      await writeOutputs(dir, first.files);
      const cache = await DiskFormatCache.load(dir);
      expect(cache.size).toBe(0); // nothing saved yet
      const recording = new Formatter({ cache });
      await generate(docs, { formatter: recording });
      await cache.save();

      const reloaded = new Formatter({ cache: await DiskFormatCache.load(dir) });
      expect((await generate(docs, { formatter: reloaded })).files).toEqual(first.files);
      expect(reloaded.lastRun).toMatchObject({ formatted: 0, statements: 0 });
      expect(reloaded.lastRun.cachedFiles).toBe(
        // (the runtime is copied as written, never formatted)
        [...first.files.keys()].filter((f) => f.endsWith('.ts') && !/^(dist|runtime)\//.test(f)).length,
      );

      await writeFile(path.join(dir, 'napcat/types.ts'), '// edited by hand\n');
      const afterEdit = new Formatter({ cache: await DiskFormatCache.load(dir) });
      expect((await generate(docs, { formatter: afterEdit })).files.get('napcat/types.ts')).toBe(
        first.files.get('napcat/types.ts'),
      );
      expect(afterEdit.lastRun.cachedFiles).toBe(reloaded.lastRun.cachedFiles - 1);

      await writeFile(path.join(dir, FORMAT_CACHE_NAME), '{ not json');
      expect((await DiskFormatCache.load(dir)).size).toBe(0);
      expect(JSON.parse(await readFile(path.join(dir, '.onebot-codegen-manifest.json'), 'utf8')).files).not.toContain(
        FORMAT_CACHE_NAME,
      );
    } finally {
      await removeTree(dir);
    }
  });
});
