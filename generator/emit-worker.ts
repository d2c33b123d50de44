/**
 * The emit stage on a second thread, for the CLI: ts-morph and prettier load (and prettier's code
 * warms up) while the main thread is still parsing the docs; the model arrives when it is built.
 *
 *     workerData  { outDir?: string }     the output folder whose format cache to use (none: no cache)
 *     in          { model }
 *     out         { files: [path, text][], cache: [path, entry][] }  or  { error: string }
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from './model/types.js';
import { DiskFormatCache } from './format-cache.js';

const { outDir } = workerData as { outDir?: string };

const ready = (async () => {
  const [{ emit }, { Formatter, warmUpPrettier }] = await Promise.all([
    import('./emit/index.js'),
    import('./emit/format.js'),
  ]);
  const cache = outDir === undefined ? undefined : await DiskFormatCache.load(outDir);
  // With a cache from an earlier run most files usually come from it: prettier may not be needed.
  if (!cache || cache.size === 0) await warmUpPrettier();
  return { emit, cache, formatter: new Formatter(cache ? { cache } : {}) };
})();
// A failure to load is reported when the model arrives (below), not as an unhandled rejection.
ready.catch(() => undefined);

parentPort!.once('message', async ({ model }: { model: Model }) => {
  try {
    const { emit, cache, formatter } = await ready;
    const files = await emit(model, formatter);
    parentPort!.postMessage({ files: [...files], cache: cache?.entries() ?? [] });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
