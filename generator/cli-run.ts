/**
 * One CLI run of the pipeline, as fast as a fresh process on two cores allows:
 *
 *     main thread   read · parse and extract every page · resolve ─┐ (load prettier) · format ½ ─┐ write
 *     worker.ts     load ts-morph and prettier, read the format cache ┘ print · format ½ · assemble ┘
 *
 * The worker does not parse pages too: measured on two cores, a second parser (with its own copy
 * of remark to load) made runs slower, not faster, since parsing already keeps a second core busy
 * with garbage collection. The format cache beside the manifest spares prettier the files that
 * print as before.
 *
 * The worker is used when the generator runs as compiled JavaScript (`dist/`, what
 * `npm run generate` runs); from TypeScript sources (tests, tsx) everything runs in this thread.
 * Either way the result is the same (test/cli-run.test.ts compares the two).
 */
import { Worker } from 'node:worker_threads';
import { Formatter, formatBatch, loadPrettier } from './emit/format.js';
import type { EmitOptions } from './emit/options.js';
import { saveCodeCache } from './emit/ts/require-cached.js';
import { DiskFormatCache, saveFormatCache } from './format-cache.js';
import { buildModel, type GenerateResult, generate } from './generate.js';
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
  if (COMPILED) return runWithWorker(docsDir, options);
  const cache = options.useCache ? await DiskFormatCache.load(options.outDir) : undefined;
  const result = await generate(docsDir, { ...options.emit, formatter: new Formatter(cache ? { cache } : {}) });
  saveCodeCache();
  return { result, saveCache: async () => cache?.save() };
}

async function runWithWorker(docsDir: string, options: CliRunOptions): Promise<CliRun> {
  // Started first, so that loading the emitters overlaps reading and parsing the docs.
  const worker = startWorker();
  const inbox = new Inbox(worker);
  const send = (message: ToWorker) => worker.postMessage(message);
  send({ type: 'start', ...(options.useCache ? { outDir: options.outDir } : {}) });
  try {
    const tree = await readDocTree(docsDir);
    const built = buildModel(tree.docs);
    const model = built.model;
    const diagnostics = [...tree.diagnostics, ...built.diagnostics];
    send({ type: 'emit', model, options: options.emit ?? {} });
    loadPrettier(); // while the worker prints
    for (;;) {
      const message = await inbox.next('format', 'files');
      if (message.type === 'files') {
        saveCodeCache();
        const result = { model, files: new Map(message.files), diagnostics: sortDiagnostics(diagnostics) };
        const save = async () => (options.useCache ? saveFormatCache(options.outDir, message.cache) : undefined);
        return { result, saveCache: save };
      }
      send({ type: 'formatted', id: message.id, texts: await formatBatch(message.statements) });
    }
  } finally {
    await worker.terminate();
  }
}

/** The compiled worker (worker.js beside this module). */
function startWorker(): Worker {
  return new Worker(new URL('./worker.js', import.meta.url));
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
