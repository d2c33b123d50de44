/**
 * The CLI's worker thread (worker.ts), started as early as the process can: scripts/generate.mjs
 * starts it before it loads the rest of the generator, so the worker's own loading (ts-morph,
 * prettier) begins ~0.2 s sooner and it takes more of the pages. This module imports nothing heavy.
 */
import { Worker } from 'node:worker_threads';

const COMPILED = import.meta.url.endsWith('.js');
let early: Worker | undefined;

/** Start the worker now; it waits, without keeping the process alive, until a run takes it. */
export function startWorkerEarly(): void {
  early ??= startWorker();
  early.unref();
}

/** The worker started early, or a new one. */
export function takeWorker(): Worker {
  const worker = early ?? startWorker();
  early = undefined;
  worker.ref();
  return worker;
}

/**
 * The compiled worker, or from TypeScript sources (tests) the source file behind tsx's loader,
 * which the worker registers for itself (tsx is a dev dependency).
 */
function startWorker(): Worker {
  if (COMPILED) return new Worker(new URL('./worker.js', import.meta.url));
  const source = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`, {
    eval: true,
  });
}
