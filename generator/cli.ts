#!/usr/bin/env node
/**
 * `onebot-codegen [options]` (the package's bin) and `npm run generate -- [options]` in this
 * repository; the options and the config file are read by config.ts.
 *
 * Exit codes: 0 success (warnings allowed unless --strict), 1 errors or a failed --check,
 * 2 bad usage. No logic of its own beyond argv and printing.
 */
import { runPipeline } from './cli-run.js';
import { type CliContext, parseCommandLine, type RunOptions, USAGE, UsageError } from './config.js';
import { isEntry } from './entry.js';
import { summary } from './generate.js';
import { failsRun, formatDiagnostic } from './model/diagnostics.js';
import { DocsError } from './parse/read-docs.js';
import { writeScaffold } from './scaffold.js';
import { watch } from './watch.js';
import { OutputError, writeOutputs } from './write.js';

/** Where the CLI writes: stdout for the summary, stderr for diagnostics and errors. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code; never calls
 * `process.exit`, so tests run it in-process. Relative paths are taken from `context.cwd`, and the
 * config file is looked for there.
 */
export async function main(
  argv: readonly string[],
  io: CliIo = process,
  context: CliContext = { cwd: process.cwd(), env: process.env },
): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv, context);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(error.usage ? `${error.message}\n${USAGE}\n` : `${error.message}\n`);
    return 2;
  }
  if (command.kind === 'print') return (io.stdout.write(`${command.text}\n`), 0);
  const options = command.options;
  try {
    if (options.watch) {
      return await watch({
        docsDir: options.docs,
        outDir: options.out,
        strict: options.strict,
        generate: options.generate,
        io,
      });
    }
    return await run(options, io);
  } catch (error) {
    // Bad docs or a refused write: a sentence for the user, never a stack trace.
    if (!(error instanceof DocsError || error instanceof OutputError)) throw error;
    if (error instanceof DocsError) for (const d of error.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    io.stderr.write(`onebot-codegen: ${error.message}\n`);
    return 1;
  }
}

async function run(options: RunOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const { result, saveCache } = await runPipeline(options.docs, {
    outDir: options.out,
    useCache: !options.check,
    emit: options.generate,
  });
  for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  const failed = failsRun(result.diagnostics, options.strict);
  // Like tsc, errors do not stop the output: every section that could be read is still generated.
  const written = await writeOutputs(options.out, result.files, { check: options.check });
  // The cache only saves time: a run whose output is written does not fail for want of it.
  if (!options.check)
    await saveCache().catch((error: unknown) =>
      io.stderr.write(
        `onebot-codegen: format cache not saved (${error instanceof Error ? error.message : String(error)}); the next run formats everything\n`,
      ),
    );
  if (options.check) {
    for (const p of written.problems) io.stderr.write(`inconsistent: ${p}\n`);
    for (const f of written.written) io.stderr.write(`stale: ${options.outShown}/${f}\n`);
    for (const f of written.removed) io.stderr.write(`stale (would be removed): ${options.outShown}/${f}\n`);
  }
  io.stdout.write(`${summary(result, performance.now() - started)}\n`);
  const scaffold = options.scaffold;
  if (scaffold !== undefined && !options.check) {
    const { created, skipped } = await writeScaffold(result.model, scaffold.impl, scaffold.dir, options.out);
    for (const f of created) io.stdout.write(`scaffold: created ${scaffold.shown}/${f}\n`);
    if (skipped.length > 0) io.stdout.write(`scaffold: ${skipped.length} files already exist, left as they are\n`);
    if (created.length > 0 && skipped.includes('index.ts'))
      io.stdout.write(`scaffold: add the new handlers to ${scaffold.shown}/index.ts\n`);
  }
  if (failed) return 1;
  return options.check && written.written.length + written.removed.length + written.problems.length > 0 ? 1 : 0;
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
