/**
 * Runs of the pipeline as the CLI makes them, as fast as a fresh process on two cores allows:
 *
 *     main       read · parse, extract · resolve ─┐ load prettier, TS · format ½ · other files · compile ½ ─┐ write
 *     worker.ts  load ts-morph, prettier; cache ──┘ print ············· format ½ · runtime ····· compile ½ ─┘
 *
 * The worker does not parse pages too: measured on two cores, a second parser (with its own copy
 * of remark to load) made runs slower, not faster, since parsing already keeps a second core busy
 * with garbage collection. The format cache beside the manifest spares prettier the files that
 * print as before, and TypeScript the twins still on disk. Watch mode keeps one pipeline, and so
 * one worker, for all its runs: pages that did not change are not parsed again (PageCache),
 * statements printed as before are not formatted again, nor files formatted as before compiled.
 *
 * The worker is used when the generator runs as compiled JavaScript (`dist/`, what
 * `npm run generate` runs); from TypeScript sources (tests, tsx) everything runs in this thread.
 * Either way the result is the same (test/cli-run.test.ts compares the two).
 */
import { Worker } from 'node:worker_threads';
import { Formatter } from './emit/format.js';
import type { EmitOptions } from './emit/options.js';
import type { RawFile } from './emit/targets/types.js';
import { saveCodeCache } from './emit/ts/require-cached.js';
import { DiskFormatCache, saveFormatCache } from './format-cache.js';
import { buildModel, type GenerateResult, generate, type PageCache } from './generate.js';
import { answerHelp, preloadHelp } from './help.js';
import { sortDiagnostics } from './model/diagnostics.js';
import { readDocTree } from './parse/read-docs.js';
import type { FromWorker, ToWorker } from './worker.js';

export interface CliRunOptions {
  /** The output folder: its format cache is used and, by `saveCache`, updated. */
  readonly outDir: string;
  /** false for `--check`, which must format everything itself. */
  readonly useCache: boolean;
  /** What to emit (implementations, artefact groups, package); default everything. */
  readonly emit?: EmitOptions;
  /** Keep formatted statements from one run to the next instead of the format cache (watch mode). */
  readonly keepStatements?: boolean;
}

export interface CliRun {
  readonly result: GenerateResult;
  /** Write the format cache; call once the files are written (not for --check). */
  saveCache(): Promise<void>;
}

const COMPILED = import.meta.url.endsWith('.js');

/**
 * Generate from `docsDir` as the CLI does: the result (files sorted by path, diagnostics sorted)
 * and how to save the format cache. Rejects if the docs folder cannot be read or the worker fails.
 */
export async function runPipeline(docsDir: string, options: CliRunOptions): Promise<CliRun> {
  const pipeline = new Pipeline(options);
  try {
    return await pipeline.run(docsDir);
  } finally {
    await pipeline.close();
  }
}

/**
 * One or more runs with the same options. The worker starts with the pipeline, so that loading
 * the emitters overlaps reading and parsing the docs; a run that fails ends it, and the next run
 * starts another. Call `close` when done.
 */
export class Pipeline {
  private worker: { readonly thread: Worker; readonly inbox: Inbox } | undefined;
  /** Without a worker, with keepStatements: the one formatter of every run. */
  private readonly kept: Formatter | undefined;

  constructor(private readonly options: CliRunOptions) {
    this.kept = options.keepStatements ? new Formatter({ keepStatements: true }) : undefined;
    if (COMPILED) this.worker = this.startWorker();
  }

  /** One run; `pages` reuses the pages parsed by earlier runs. */
  async run(docsDir: string, pages?: PageCache): Promise<CliRun> {
    if (!COMPILED) return this.runHere(docsDir, pages);
    const worker = (this.worker ??= this.startWorker());
    try {
      return await this.runWith(worker, docsDir, pages);
    } catch (error) {
      // The worker may be mid-run: the next run gets a fresh one.
      this.worker = undefined;
      await worker.thread.terminate();
      throw error;
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.thread.terminate();
  }

  private async runHere(docsDir: string, pages: PageCache | undefined): Promise<CliRun> {
    const { options } = this;
    const cache = !this.kept && options.useCache ? await DiskFormatCache.load(options.outDir) : undefined;
    const formatter = this.kept ?? new Formatter(cache ? { cache } : {});
    // Loaded here, not at the top: it loads TypeScript, which reading the docs does not need.
    const { TWINS_KEY } = await import('./emit/targets/compiled.js');
    const twins = cache?.knownTwins(TWINS_KEY);
    const result = await generate(docsDir, {
      ...options.emit,
      formatter,
      ...(pages ? { pages } : {}),
      ...(twins ? { twins } : {}),
    });
    cache?.recordTwins(result.files);
    saveCodeCache();
    return { result, saveCache: async () => cache?.save(TWINS_KEY) };
  }

  private async runWith(worker: { thread: Worker; inbox: Inbox }, docsDir: string, pages?: PageCache): Promise<CliRun> {
    const { options } = this;
    const tree = await readDocTree(docsDir);
    const built = buildModel(tree.docs, pages);
    const model = built.model;
    const diagnostics = [...tree.diagnostics, ...built.diagnostics];
    const emitOptions = options.emit ?? {};
    worker.thread.postMessage({ type: 'emit', model, options: emitOptions } satisfies ToWorker);
    await preloadHelp(); // while the worker prints
    const emitters = import('./emit/index.js');
    let raw: RawFile[] | undefined;
    for (;;) {
      const message = await worker.inbox.next('format', 'compile', 'files');
      if (message.type === 'files') {
        saveCodeCache();
        const { assemble, rawTargets } = await emitters;
        const modules = { files: new Map(message.files), dependencies: message.dependencies };
        const files = assemble(modules, raw ?? rawTargets(model, emitOptions), emitOptions);
        const result = { model, files, diagnostics: sortDiagnostics(diagnostics) };
        const useCache = options.useCache && !options.keepStatements;
        const save = async () =>
          useCache ? saveFormatCache(options.outDir, message.cache, message.twinsKey) : undefined;
        return { result, saveCache: save };
      }
      worker.thread.postMessage((await answerHelp(message)) satisfies ToWorker);
      // The files that are not TypeScript, made while the worker adds the runtime files and
      // before it asks for twins: this thread has nothing else to do then.
      if (message.type === 'format') raw ??= (await emitters).rawTargets(model, emitOptions);
    }
  }

  /** The compiled worker (worker.js beside this module), told where its format cache is. */
  private startWorker(): { thread: Worker; inbox: Inbox } {
    const thread = new Worker(new URL('./worker.js', import.meta.url));
    const { outDir, useCache, keepStatements } = this.options;
    const start: ToWorker = keepStatements
      ? { type: 'start', keepStatements: true }
      : { type: 'start', ...(useCache ? { outDir } : {}) };
    thread.postMessage(start);
    return { thread, inbox: new Inbox(thread) };
  }
}

/** The worker's messages in order; an error message, a crash or an early exit rejects the wait. */
class Inbox {
  private readonly queue: FromWorker[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(worker: Worker) {
    worker.on('message', (m: FromWorker) => this.push(m));
    worker.once('error', (error) => this.fail(error));
    worker.once('exit', (code) => this.fail(new Error(`the worker exited (${code}) before it finished`)));
  }

  /** The next message, which must be of one of the given types. */
  async next<T extends FromWorker['type']>(...types: T[]): Promise<Extract<FromWorker, { type: T }>> {
    while (this.queue.length === 0 && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    const message = this.queue.shift();
    if (!message) throw this.failure!;
    if (message.type === 'error') throw new Error(`worker: ${message.message}`);
    if (!types.includes(message.type as T)) throw new Error(`worker: unexpected ${message.type}`);
    return message as Extract<FromWorker, { type: T }>;
  }

  private push(message: FromWorker): void {
    this.queue.push(message);
    this.wake?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }
}
