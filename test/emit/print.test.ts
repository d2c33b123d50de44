/**
 * Printing: each statement printed alone and joined gives exactly what ts-morph prints for the
 * whole source file, for every TypeScript target of the fixtures, docs-src and the docs; and every
 * statement is found in it, so statement-wise formatting applies to every file.
 */
import path from 'node:path';
import { expect, test } from 'vitest';
import { typeScriptTargets } from '../../generator/emit/index.js';
import { printStructure, StructureKind } from '../../generator/emit/ts/morph.js';
import { joinStatements, printFile } from '../../generator/emit/ts/print.js';
import { CORPUS, FIXTURES, ROOT } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';

const DOCS = [
  ...['family', 'good-docs', 'bad-docs', 'warn-docs'].map((f) => [f, path.join(FIXTURES, f)] as const),
  ['docs-src', path.join(ROOT, 'docs-src')] as const,
  ['the docs', CORPUS] as const,
];

test.each(DOCS)('%s: statements joined as ts-morph joins a source file', async (_name, dir) => {
  const targets = typeScriptTargets((await sharedGenerate(dir)).model);
  for (const target of targets) {
    const printed = printFile(target);
    expect(printed.text, target.path).toBe(
      printStructure({ kind: StructureKind.SourceFile, statements: [...target.statements] }),
    );
    expect(printed.statements?.length, target.path).toBe(target.statements.length);
  }
});

test('the join rules: a blank line after `}` and before set-off kinds, a newline otherwise', () => {
  const statements = [
    "import type { A } from './a.js';",
    "import type { B } from './b.js';",
    { kind: StructureKind.TypeAlias, name: 'C', type: 'A' } as const,
    { kind: StructureKind.Interface, name: 'D' } as const,
    { kind: StructureKind.TypeAlias, name: 'E', type: 'B' } as const,
    'export const f = 1;',
  ];
  const printed = statements.map((s) => (typeof s === 'string' ? s : printStructure(s)));
  const joined = joinStatements(statements, printed);
  expect(joined).toBe(printStructure({ kind: StructureKind.SourceFile, statements }));
  expect(joined).toBe(
    "import type { A } from './a.js';\nimport type { B } from './b.js';\ntype C = A;\n\ninterface D {\n}\n\ntype E = B;\nexport const f = 1;\n",
  );
});
