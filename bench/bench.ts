/**
 * `npm run bench`: where generation time goes, measured side by side in one run (ratios, not
 * absolute numbers, are what to compare across machines).
 *
 *   - stages: parse+build (model), emit structures + print, prettier
 *   - batched vs per-call ts-morph: one `statements` array per file against `addInterface` per
 *     declaration, on the same structures
 *   - peak heap of a full in-memory generation
 */
import path from 'node:path';
import { Project } from 'ts-morph';
import { emit } from '../generator/emit/index.js';
import { typesTarget } from '../generator/emit/targets/types.js';
import { buildModel } from '../generator/extract/index.js';
import { readDocs } from '../generator/parse/read-docs.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function median(label: string, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  const m = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(44)} ${m.toFixed(1).padStart(8)} ms (median of ${RUNS})`);
  return m;
}

const docsDir = process.argv[2] ?? 'docs-src';
const docs = await readDocs(docsDir);
console.log(`docs: ${docsDir} (${docs.length} pages)`);
const { model } = buildModel(docs);
const build = await median('parse + build model', () => buildModel(docs));
const full = await median('emit all targets (+ prettier)', () => emit(model));
const target = typesTarget(model, 'napcat');
const batched = await median('ts-morph batched (napcat/types.ts)', () => {
  new Project({ useInMemoryFileSystem: true })
    .createSourceFile('a.ts', { statements: [...target.statements] })
    .getFullText();
});
const perCall = await median('ts-morph per-call (napcat/types.ts)', () => {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('a.ts', '');
  for (const s of target.statements) {
    if (typeof s === 'string') file.addStatements(s);
    else file.addStatements([s]);
  }
  file.getFullText();
});
console.log(`ratio per-call / batched: ${(perCall / batched).toFixed(1)}x`);
console.log(`ratio emit / build: ${(full / build).toFixed(1)}x`);
if (global.gc) global.gc();
const before = process.memoryUsage().heapUsed;
await emit(buildModel(docs).model);
console.log(`heap growth of one full generation: ${((process.memoryUsage().heapUsed - before) / 1e6).toFixed(1)} MB`);
console.log(
  `model.json: ${(JSON.stringify(model).length / 1024).toFixed(0)} KiB for ${model.actions.length} actions (${path.basename(docsDir)})`,
);
