/**
 * The CLI's second thread (cli-run.ts). While the main thread parses the docs, it loads ts-morph
 * and prettier and reads the format cache; once the model is built it emits the TypeScript modules
 * (emitModules), with the main thread formatting about half of the statements and compiling about
 * half of the twins (help.ts). The main thread makes the other files and assembles the output.
 *
 *     in   { type: 'start', outDir?, keepStatements? }    the output folder whose format cache to use;
 *                                                        or keep formatted statements from run to run
 *     in   { type: 'emit', model, options }                options: EmitOptions (plain data); once per run
 *     out  a HelpRequest ('format', 'compile')             the main thread answers (HelpAnswer)
 *     out  { type: 'files', files: [path, text][], cache }  the modules; or  { type: 'error', message }
 */
import { parentPort } from 'node:worker_threads';
import type { Formatter } from './emit/format.js';
import type { EmitOptions } from './emit/options.js';
import { saveCodeCache } from './emit/ts/require-cached.js';
import { DiskFormatCache } from './format-cache.js';
import { type HelpAnswer, HelpLine, type HelpRequest } from './help.js';
import type { Model } from './model/types.js';

export type ToWorker =
  | { readonly type: 'start'; readonly outDir?: string; readonly keepStatements?: boolean }
  | { readonly type: 'emit'; readonly model: Model; readonly options: EmitOptions }
  | HelpAnswer;

export type FromWorker =
  | HelpRequest
  | {
      readonly type: 'files';
      readonly files: [string, string][];
      readonly dependencies: Record<string, string>;
      readonly cache: ReturnType<DiskFormatCache['entries']>;
      /** What the twins were compiled with (compiled.ts TWINS_KEY), saved with the cache. */
      readonly twinsKey: string;
    }
  | { readonly type: 'error'; readonly message: string };

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

// The emitters first: they are needed whatever happens, and loading them is what overlaps parsing.
const emitters = Promise.all([
  import('./emit/index.js'),
  import('./emit/format.js'),
  import('./emit/targets/compiled.js'),
]);
emitters.catch(() => undefined); // a failure to load is reported when the model arrives
let cache: Promise<DiskFormatCache | undefined> = Promise.resolve(undefined);
let keepStatements = false;
/** With keepStatements, the one formatter of every run. */
let kept: Formatter | undefined;
const help = new HelpLine(post);

port.on('message', (message: ToWorker) => {
  if (message.type === 'start') {
    keepStatements = message.keepStatements ?? false;
    if (message.outDir !== undefined) cache = DiskFormatCache.load(message.outDir);
  } else if (message.type === 'emit') void guard(() => emitFiles(message.model, message.options));
  else help.receive(message);
});

async function emitFiles(model: Model, options: EmitOptions): Promise<void> {
  const [[{ emitModules }, { Formatter }, { TWINS_KEY }], diskCache] = await Promise.all([emitters, cache]);
  const formatter = keepStatements
    ? (kept ??= new Formatter({ keepStatements: true, helper: help.format }))
    : new Formatter({ ...(diskCache ? { cache: diskCache } : {}), helper: help.format });
  // Twins still on disk from the last run need no compiling (format-cache.ts).
  const twins = diskCache?.knownTwins(TWINS_KEY);
  const tools = { formatter, compileHelper: help.compile, ...(twins ? { twins } : {}) };
  const { files, dependencies } = await emitModules(model, options, tools);
  diskCache?.recordTwins(files);
  saveCodeCache(); // before replying: the main thread may end this one on the reply
  const cacheEntries = diskCache?.entries() ?? [];
  post({ type: 'files', files: [...files], dependencies, cache: cacheEntries, twinsKey: TWINS_KEY });
}

async function guard(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
