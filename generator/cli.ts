/**
 * `npm run generate -- [--docs DIR] [--out DIR] [--check] [--strict] [--watch]`
 *
 * Exit codes: 0 success (warnings allowed unless --strict), 1 errors or a failed --check,
 * 2 bad usage. No logic of its own beyond argv and printing.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPipeline } from './cli-run.js';
import { summary } from './generate.js';
import { formatDiagnostic } from './model/diagnostics.js';
import { watch } from './watch.js';
import { writeOutputs } from './write.js';

const USAGE = `usage: npm run generate -- [--docs DIR] [--out DIR] [--check] [--strict] [--watch]
  --docs DIR   folder of Markdown docs, read recursively (default: docs-src)
  --out DIR    output folder (default: generated)
  --check      write nothing; exit 1 and list the files that are out of date
  --strict     treat warnings as errors
  --watch      generate again on every change under the docs folder; Ctrl-C stops`;

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
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) return (io.stdout.write(`${USAGE}\n`), 0);
  if (!existsSync(values.docs) || !statSync(values.docs).isDirectory()) {
    io.stderr.write(`--docs ${values.docs}: no such folder\n${USAGE}\n`);
    return 2;
  }
  if (values.watch && values.check) {
    io.stderr.write(`--watch and --check cannot be combined\n${USAGE}\n`);
    return 2;
  }
  if (values.watch) return watch({ docsDir: values.docs, outDir: values.out, strict: values.strict, io });
  const started = performance.now();
  const { result, saveCache } = await runPipeline(values.docs, { outDir: values.out, useCache: !values.check });
  for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  const failed = result.diagnostics.some((d) => d.severity === 'error' || values.strict);
  // Like tsc, errors do not stop the output: every section that could be read is still generated.
  const written = await writeOutputs(values.out, result.files, { check: values.check });
  if (!values.check) await saveCache();
  if (values.check) {
    for (const f of written.written) io.stderr.write(`stale: ${values.out}/${f}\n`);
    for (const f of written.removed) io.stderr.write(`stale (would be removed): ${values.out}/${f}\n`);
  }
  io.stdout.write(`${summary(result, performance.now() - started)}\n`);
  if (failed) return 1;
  return values.check && written.written.length + written.removed.length > 0 ? 1 : 0;
}

function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`onebot-codegen: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
