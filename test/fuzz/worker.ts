/**
 * One fuzz worker: `node --import tsx test/fuzz/worker.ts SEED COUNT TYPECHECK` runs COUNT generator
 * cases from fast-check seed SEED in memory, checks every property on each, type-checks the outputs
 * in batches (TYPECHECK: `all`, or `sample` = every case with unusual names plus one in four of the
 * rest), and prints one JSON line with the counts and the first failures.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { Formatter } from '../../generator/emit/format.js';
import { type GenerateResult, generateFromDocs } from '../../generator/generate.js';
import { type FuzzCase, caseArb, pageOf } from './mutate.js';
import {
  bulletProblems,
  crashProblems,
  determinismProblems,
  escapeProblems,
  positionProblems,
  typecheckCases,
} from './properties.js';
import { TEMP_ROOT } from '../support/generate.js';

export interface WorkerReport {
  seed: number;
  cases: number;
  failures: number;
  crashes: number;
  notCompiling: number;
  /** Of those, outputs whose only tsc errors are duplicate identifiers (names colliding after case conversion). */
  notCompilingDuplicateNames: number;
  typechecked: number;
  typecheckSkippedDuplicate: number;
  typecheckSkippedSample: number;
  deterministicChecked: number;
  diagnostics: Record<string, number>;
  messages: string[];
  examples: string[];
  ms: { generate: number; properties: number; typecheck: number; cpu: number };
}

const BATCH = 200;

/** Output with a quoted key, a non-ASCII identifier or a numbered name: where escaping matters. */
function unusual(files: ReadonlyMap<string, string>): boolean {
  for (const [f, text] of files) {
    if (!f.endsWith('.ts') || f.startsWith('runtime/')) continue;
    if (
      /^\s*['"][^'"\n]*['"]\??:/m.test(text) ||
      /[^\x00-\x7f]\w*\??:/.test(text) ||
      /\w\d+(Params|Response)\b/.test(text)
    ) {
      return true;
    }
  }
  return false;
}

/** A message with its specifics (names, numbers, quoted text) blanked: how many kinds of diagnostic. */
const shapeOf = (m: string) => m.replace(/`[^`]*`|"[^"]*"|\d+/g, '_');

export async function runWorker(seed: number, count: number, mode: 'all' | 'sample'): Promise<WorkerReport> {
  const report: WorkerReport = {
    seed,
    cases: 0,
    failures: 0,
    crashes: 0,
    notCompiling: 0,
    notCompilingDuplicateNames: 0,
    typechecked: 0,
    typecheckSkippedDuplicate: 0,
    typecheckSkippedSample: 0,
    deterministicChecked: 0,
    diagnostics: {},
    messages: [],
    examples: [],
    ms: { generate: 0, properties: 0, typecheck: 0, cpu: 0 },
  };
  const messages = new Set<string>();
  const seen = new Set<string>();
  await mkdir(TEMP_ROOT, { recursive: true });
  const dir = await mkdtemp(path.join(TEMP_ROOT, 'onebot-fuzz-'));
  let batch: { index: number; files: ReadonlyMap<string, string>; c: FuzzCase }[] = [];
  const fail = (c: FuzzCase, index: number, what: string[]) => {
    report.failures++;
    if (report.examples.length < 10)
      report.examples.push(`case ${index} ${JSON.stringify(c)}: ${what.slice(0, 3).join('; ')}`);
  };
  const flush = async () => {
    const started = performance.now();
    const errors = await typecheckCases(path.join(dir, `batch-${batch[0]!.index}`), batch);
    report.typechecked += batch.length;
    for (const { index, c } of batch) {
      const own = errors.get(index);
      if (own?.length) {
        report.notCompiling++;
        if (own.every((m) => /Duplicate identifier|Duplicate property|Subsequent property declarations/.test(m))) {
          report.notCompilingDuplicateNames++;
        }
        fail(c, index, own);
      }
    }
    if (errors.has(-1)) fail(batch[0]!.c, batch[0]!.index, errors.get(-1)!);
    await rm(path.join(dir, `batch-${batch[0]!.index}`), { recursive: true, force: true });
    batch = [];
    report.ms.typecheck += performance.now() - started;
  };
  // Statements formatted for one case are kept for the next (as in watch mode): the runtime and
  // most declarations are the same from case to case. The determinism re-run formats afresh.
  const formatter = new Formatter({ keepStatements: true });
  try {
    const cases = fc.sample(caseArb, { seed, numRuns: count });
    for (const [index, c] of cases.entries()) {
      const docs = [{ file: 'api/case.md', text: pageOf(c) }];
      report.cases++;
      let started = performance.now();
      let result: GenerateResult;
      try {
        result = await generateFromDocs(docs, { formatter });
      } catch (error) {
        report.crashes++;
        fail(c, index, [`threw: ${(error as Error).stack ?? String(error)}`]);
        continue;
      }
      report.ms.generate += performance.now() - started;
      started = performance.now();
      const crashed = crashProblems(result);
      if (crashed.length) report.crashes++;
      const problems = [
        ...crashed,
        ...positionProblems(docs, result),
        ...bulletProblems(docs, result),
        ...escapeProblems(result),
      ];
      if (index % 10 === 0) {
        report.deterministicChecked++;
        problems.push(...determinismProblems(result, await generateFromDocs(docs)));
      }
      for (const d of result.diagnostics) {
        report.diagnostics[d.code] = (report.diagnostics[d.code] ?? 0) + 1;
        messages.add(`${d.code}: ${shapeOf(d.message)}`);
      }
      if (problems.length) fail(c, index, problems);
      report.ms.properties += performance.now() - started;

      const key = createHash('sha1')
        .update(
          [...result.files]
            .filter(([f]) => f.endsWith('.ts'))
            .flat()
            .join('\0'),
        )
        .digest('hex');
      if (seen.has(key)) report.typecheckSkippedDuplicate++;
      else if (mode === 'sample' && index % 4 !== 0 && !unusual(result.files)) report.typecheckSkippedSample++;
      else {
        seen.add(key);
        batch.push({ index, files: result.files, c });
        if (batch.length >= BATCH) await flush();
      }
    }
    if (batch.length) await flush();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  report.messages = [...messages].sort();
  const cpu = process.cpuUsage();
  report.ms.cpu = (cpu.user + cpu.system) / 1000;
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [seed, count, mode] = process.argv.slice(2);
  const report = await runWorker(Number(seed), Number(count), mode === 'all' ? 'all' : 'sample');
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
