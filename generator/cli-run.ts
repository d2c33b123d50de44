/**
 * One CLI run of the pipeline, as fast as a fresh process allows: the docs are parsed on the main
 * thread while a worker (emit-worker.ts) loads ts-morph and prettier and then emits; the format
 * cache beside the manifest spares prettier the files that print as before.
 *
 * The worker is used when the generator runs as compiled JavaScript (`dist/`, what
 * `npm run generate` runs); from TypeScript sources (tests, tsx) everything runs in this thread
 * unless a test asks for the worker. Either way the result is the same.
 */
import { Worker } from 'node:worker_threads';
import { Formatter } from './emit/format.js';
import { DiskFormatCache, saveFormatCache } from './format-cache.js';
import { buildModel, type GenerateResult, generate } from './generate.js';
import { sortDiagnostics } from './model/diagnostics.js';
import type { Model } from './model/types.js';
import { readDocTree } from './parse/read-docs.js';

export interface CliRunOptions {
  /** The output folder: its format cache is used and, by `saveCache`, updated. */
  readonly outDir: string;
  /** false for `--check`, which must format everything itself. */
  readonly useCache: boolean;
  /** Emit on a worker thread; default: when running as compiled JavaScript. */
  readonly worker?: boolean;
}

export interface CliRun {
  readonly result: GenerateResult;
  /** Write the format cache; call once the files are written (not for --check). */
  saveCache(): Promise<void>;
}

const COMPILED = import.meta.url.endsWith('.js');

export async function runPipeline(docsDir: string, options: CliRunOptions): Promise<CliRun> {
  if (options.worker ?? COMPILED) return runWithWorker(docsDir, options);
  const cache = options.useCache ? await DiskFormatCache.load(options.outDir) : undefined;
  const result = await generate(docsDir, { formatter: new Formatter(cache ? { cache } : {}) });
  return { result, saveCache: async () => cache?.save() };
}

interface WorkerReply {
  readonly files?: [string, string][];
  readonly cache?: Parameters<typeof saveFormatCache>[1];
  readonly error?: string;
}

async function runWithWorker(docsDir: string, options: CliRunOptions): Promise<CliRun> {
  // Started first, so that loading the emitters overlaps reading and parsing the docs.
  const worker = startWorker(options.useCache ? { outDir: options.outDir } : {});
  const reply = replyOf(worker);
  reply.catch(() => undefined); // awaited below; a failure before that must not go unhandled
  try {
    const tree = await readDocTree(docsDir);
    const built = buildModel(tree.docs);
    const model = built.model;
    const diagnostics = [...tree.diagnostics, ...built.diagnostics];
    worker.postMessage({ model } satisfies { model: Model });
    const { files, cache, error } = await reply;
    if (error !== undefined || !files) throw new Error(`emit worker: ${error ?? 'no files'}`);
    const result = { model, files: new Map(files), diagnostics: sortDiagnostics(diagnostics) };
    return {
      result,
      saveCache: async () => (options.useCache ? saveFormatCache(options.outDir, cache ?? []) : undefined),
    };
  } finally {
    await worker.terminate();
  }
}

/**
 * The emit worker: the compiled file, or from TypeScript sources (tests) the source file behind
 * tsx's loader, which the worker registers for itself (tsx is a dev dependency).
 */
function startWorker(workerData: { outDir?: string }): Worker {
  if (COMPILED) return new Worker(new URL('./emit-worker.js', import.meta.url), { workerData });
  const source = JSON.stringify(new URL('./emit-worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** The worker's one reply; a crash or an exit without reply rejects. */
function replyOf(worker: Worker): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`emit worker exited (${code}) without a reply`)));
  });
}
