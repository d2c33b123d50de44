/**
 * `npm run generate -- [--docs DIR] [--out DIR] [--check] [--strict] [--watch]`
 *
 * Exit codes: 0 success (warnings allowed unless --strict), 1 errors or a failed --check,
 * 2 bad usage. No logic of its own beyond argv and printing.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runPipeline } from './cli-run.js';
import { isEntry } from './entry.js';
import { summary } from './generate.js';
import { failsRun, formatDiagnostic } from './model/diagnostics.js';
import { IMPLEMENTATIONS, type ImplId } from './model/types.js';
import { DocsError } from './parse/read-docs.js';
import { writeScaffold } from './scaffold.js';
import { watch } from './watch.js';
import { OutputError, outDirProblem, writeOutputs } from './write.js';

const USAGE = `usage: npm run generate -- [--docs DIR] [--out DIR] [--check] [--strict] [--watch]
  --docs DIR   folder of Markdown docs, read recursively (default: docs-src)
  --out DIR    output folder (default: generated)
  --check      write nothing; exit 1 and list the files that are out of date
  --strict     treat warnings as errors
  --watch      generate again on every change under the docs folder; Ctrl-C stops
  --scaffold DIR --impl IMPL
               also write one handler stub per action of IMPL into DIR (only files that do not exist)`;

/** Where the CLI writes: stdout for the summary, stderr for diagnostics and errors. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code; never calls
 * `process.exit`, so tests run it in-process. Relative paths are taken from the working directory.
 */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        docs: { type: 'string', default: 'docs-src' },
        out: { type: 'string', default: 'generated' },
        check: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        scaffold: { type: 'string' },
        impl: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) return (io.stdout.write(`${USAGE}\n`), 0);
  if (values.scaffold !== undefined && !IMPLEMENTATIONS.includes(values.impl as ImplId)) {
    io.stderr.write(`--scaffold needs --impl, one of ${IMPLEMENTATIONS.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  if (values.watch && values.check) {
    io.stderr.write(`--watch and --check cannot be combined\n${USAGE}\n`);
    return 2;
  }
  const usage = usageProblem(values.docs, values.out);
  if (usage) return (io.stderr.write(`${usage}\n${USAGE}\n`), 2);
  try {
    if (values.watch) return await watch({ docsDir: values.docs, outDir: values.out, strict: values.strict, io });
    return await run(values, io);
  } catch (error) {
    // Bad docs or a refused write: a sentence for the user, never a stack trace.
    if (!(error instanceof DocsError || error instanceof OutputError)) throw error;
    if (error instanceof DocsError) for (const d of error.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    io.stderr.write(`onebot-codegen: ${error.message}\n`);
    return 1;
  }
}

interface Options {
  readonly docs: string;
  readonly out: string;
  readonly check: boolean;
  readonly strict: boolean;
  readonly scaffold?: string | undefined;
  readonly impl?: string | undefined;
}

async function run(values: Options, io: CliIo): Promise<number> {
  const started = performance.now();
  const { result, saveCache } = await runPipeline(values.docs, { outDir: values.out, useCache: !values.check });
  for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  const failed = failsRun(result.diagnostics, values.strict);
  // Like tsc, errors do not stop the output: every section that could be read is still generated.
  const written = await writeOutputs(values.out, result.files, { check: values.check });
  if (!values.check) await saveCache();
  if (values.check) {
    for (const p of written.problems) io.stderr.write(`inconsistent: ${p}\n`);
    for (const f of written.written) io.stderr.write(`stale: ${values.out}/${f}\n`);
    for (const f of written.removed) io.stderr.write(`stale (would be removed): ${values.out}/${f}\n`);
  }
  io.stdout.write(`${summary(result, performance.now() - started)}\n`);
  if (values.scaffold !== undefined && !values.check) {
    const { created, skipped } = await writeScaffold(result.model, values.impl as ImplId, values.scaffold, values.out);
    for (const f of created) io.stdout.write(`scaffold: created ${values.scaffold}/${f}\n`);
    if (skipped.length > 0) io.stdout.write(`scaffold: ${skipped.length} files already exist, left as they are\n`);
    if (created.length > 0 && skipped.includes('index.ts'))
      io.stdout.write(`scaffold: add the new handlers to ${values.scaffold}/index.ts\n`);
  }
  if (failed) return 1;
  return values.check && written.written.length + written.removed.length + written.problems.length > 0 ? 1 : 0;
}

/** Why `--docs`/`--out` cannot be used (checked before anything is read), or undefined. */
function usageProblem(docs: string, out: string): string | undefined {
  if (docs.trim() === '') return '--docs is empty';
  if (!existsSync(docs)) return `--docs ${docs}: no such folder`;
  if (!statSync(docs).isDirectory()) return `--docs ${docs}: not a folder`;
  const problem = outDirProblem(out, docs);
  return problem ? `--out ${out === '' ? "''" : out}: ${problem}` : undefined;
}

if (isEntry(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`onebot-codegen: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
