/**
 * `npm run generate -- --watch`: generate, then again after every change under the docs folder.
 *
 *     $ npm run generate -- --watch
 *     58 actions, 4 implementations, 11 files, 0 errors, 102 warnings in 2310 ms
 *     watching onebot-11-docs for changes (Ctrl-C to stop)
 *     api/bot.md changed
 *     58 actions, 4 implementations, 11 files, 0 errors, 102 warnings in 148 ms (1 page parsed (1 of 43 sections), 19 reused; 5 files written)
 *
 * Changes are debounced (a burst of saves is one run). Each run reuses what did not change: pages
 * whose text is the same are not parsed again, and of a changed page only the changed sections are
 * (PageCache). Statements printed as before but for the words of their comments (prose, `@see`
 * lines) are not formatted again, nor files compiled again to twins (one Pipeline, so one worker,
 * for every run; cli-run.ts). Output files written by an earlier run and untouched since are not
 * read again to be compared (OutputMemo).
 *
 * Every run prints all current diagnostics and its time. A run with errors (or warnings under
 * --strict) writes nothing: the last good output stays in place until the docs are fixed. SIGINT
 * (Ctrl-C) stops watching, after a run in progress has finished writing, and resolves 0.
 */
import type { CliIo } from './cli.js';
import { Pipeline } from './cli-run.js';
import type { EmitOptions } from './emit/options.js';
import { PageCache, summary } from './generate.js';
import { failsRun, formatDiagnostic } from './model/diagnostics.js';
import { TreeWatcher } from './watch-tree.js';
import { OutputMemo, writeOutputs } from './write.js';

export interface WatchOptions {
  readonly docsDir: string;
  readonly outDir: string;
  readonly strict: boolean;
  /** What to emit (implementations, artefact groups, package); default everything. */
  readonly generate?: EmitOptions;
  readonly io: CliIo;
  /** Quiet time after the last change before a run starts, in ms (default 50). */
  readonly debounceMs?: number;
  /** Stops watching like SIGINT does (tests, embedding). */
  readonly signal?: AbortSignal;
}

/** Runs until SIGINT or `signal`; resolves the exit code (0). Rejects if the docs folder cannot be watched. */
export async function watch(options: WatchOptions): Promise<number> {
  const { io, docsDir } = options;
  const pages = new PageCache();
  // What was written, so that the next write reads only the files changed since (write/memo.ts).
  const memo = new OutputMemo();
  // One worker for every run, keeping the statements it formatted (see cli-run.ts).
  const pipeline = new Pipeline({
    outDir: options.outDir,
    useCache: false,
    keepStatements: true,
    emit: options.generate ?? {},
  });
  let stop!: () => void;
  let fail!: (error: Error) => void;
  const stopped = new Promise<void>((resolve, reject) => ((stop = resolve), (fail = reject)));
  stopOn(options.signal, () => stop());
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // Runs never overlap: a change during a run queues the next one behind it.
  const next = () =>
    (running = running.then(() => {
      if (changed.size === 0) return;
      io.stdout.write(`${[...changed].sort().join(', ')} changed\n`);
      changed.clear();
      return runOnce(options, { pages, pipeline, memo });
    }));
  // Watching starts before the first run: an edit saved while it runs is not lost, it queues a run.
  const watcher = new TreeWatcher(
    docsDir,
    (file) => {
      changed.add(file);
      clearTimeout(timer);
      timer = setTimeout(next, options.debounceMs ?? 50);
    },
    (error) => fail(error),
  );
  io.stdout.write(`watching ${docsDir} for changes (Ctrl-C to stop)\n`);
  running = runOnce(options, { pages, pipeline, memo });
  try {
    await stopped;
  } finally {
    clearTimeout(timer);
    watcher.close();
    await running;
    await pipeline.close();
  }
  return 0;
}

/** What every run of one watch session shares. */
interface Session {
  readonly pages: PageCache;
  readonly pipeline: Pipeline;
  readonly memo: OutputMemo;
}

/** One generation: print diagnostics and the summary; write unless the run has errors. */
async function runOnce(options: WatchOptions, { pages, pipeline, memo }: Session): Promise<void> {
  const { io } = options;
  const started = performance.now();
  try {
    const { result } = await pipeline.run(options.docsDir, pages);
    for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    const broken = failsRun(result.diagnostics, options.strict);
    let note: string;
    if (broken) note = 'nothing written: the last good output is kept until the errors are fixed';
    else {
      const written = await writeOutputs(options.outDir, result.files, { memo });
      note = `${plural(written.written.length + written.removed.length, 'file')} written`;
    }
    const { pages: p, sections } = pages.lastRun;
    const reuse = `${plural(p.parsed, 'page')} parsed (${sections.parsed} of ${sections.parsed + sections.reused} sections), ${p.reused} reused`;
    io.stdout.write(`${summary(result, performance.now() - started)} (${reuse}; ${note})\n`);
  } catch (error) {
    // A run that fails outright (an unreadable folder, a bug) leaves the output alone too.
    io.stderr.write(
      `onebot-codegen: ${error instanceof Error ? error.message : String(error)}; the last good output is kept\n`,
    );
  }
}

/** Calls `stop` once, on SIGINT or when `signal` aborts. */
function stopOn(signal: AbortSignal | undefined, stop: () => void): void {
  const done = () => {
    process.off('SIGINT', done);
    signal?.removeEventListener('abort', done);
    stop();
  };
  process.once('SIGINT', done);
  signal?.addEventListener('abort', done);
  if (signal?.aborted) done();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
