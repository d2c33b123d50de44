/**
 * The CLI's second thread (cli-run.ts). While the main thread parses the docs, it loads ts-morph
 * and prettier and reads the format cache; once the model is built it emits, with the main thread
 * formatting about half of the statements.
 *
 *     in   { type: 'start', outDir? }                       the output folder whose format cache to use
 *     in   { type: 'emit', model, options }                  options: EmitOptions (plain data)
 *     out  { type: 'format', id, statements }               (the main thread answers 'formatted')
 *     in   { type: 'formatted', id, texts }
 *     out  { type: 'files', files: [path, text][], cache }  or  { type: 'error', message }
 */
import { parentPort } from 'node:worker_threads';
import { saveCodeCache } from './emit/ts/require-cached.js';
import { DiskFormatCache } from './format-cache.js';
import type { EmitOptions } from './emit/options.js';
import type { Model } from './model/types.js';

export type ToWorker =
  | { readonly type: 'start'; readonly outDir?: string }
  | { readonly type: 'emit'; readonly model: Model; readonly options: EmitOptions }
  | { readonly type: 'formatted'; readonly id: number; readonly texts: string[] };

export type FromWorker =
  | { readonly type: 'format'; readonly id: number; readonly statements: readonly string[] }
  | {
      readonly type: 'files';
      readonly files: [string, string][];
      readonly cache: ReturnType<DiskFormatCache['entries']>;
    }
  | { readonly type: 'error'; readonly message: string };

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

// The emitters first: they are needed whatever happens, and loading them is what overlaps parsing.
const emitters = Promise.all([import('./emit/index.js'), import('./emit/format.js')]);
emitters.catch(() => undefined); // a failure to load is reported when the model arrives
let cache: Promise<DiskFormatCache | undefined> = Promise.resolve(undefined);
const pending = new Map<number, (texts: string[]) => void>();
let ids = 0;

port.on('message', (message: ToWorker) => {
  if (message.type === 'start') cache = message.outDir === undefined ? cache : DiskFormatCache.load(message.outDir);
  else if (message.type === 'formatted') pending.get(message.id)?.(message.texts);
  else void guard(() => emitFiles(message.model, message.options));
});

async function emitFiles(model: Model, options: EmitOptions): Promise<void> {
  const [[{ emit }, { Formatter }], diskCache] = await Promise.all([emitters, cache]);
  const helper = (statements: readonly string[]) =>
    new Promise<string[]>((resolve) => {
      const id = ids++;
      pending.set(id, (texts) => (pending.delete(id), resolve(texts)));
      post({ type: 'format', id, statements });
    });
  const files = await emit(model, options, new Formatter({ ...(diskCache ? { cache: diskCache } : {}), helper }));
  saveCodeCache(); // before replying: the main thread ends this one on the reply
  post({ type: 'files', files: [...files], cache: diskCache?.entries() ?? [] });
}

async function guard(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
