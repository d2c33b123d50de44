/**
 * `require` with V8's code cache, for the heavy CommonJS the emitters load: ts-morph brings a
 * 9 MB TypeScript, and compiling source is most of what loading costs (ts-morph: ~0.25 s of CPU,
 * ~0.12 s from the cache). Node 22 does this itself (`module.enableCompileCache()`, used when
 * present); on Node 20 the CommonJS files loaded during a `requireCached` call are compiled with
 * `vm.Script`, and `saveCodeCache()` (called once the work is done, so the functions compiled
 * meanwhile are in it too) writes what was missing to `node_modules/.cache/onebot-codegen/`. V8
 * rejects cached data made by another V8 or for another source (the key also holds the file's size
 * and time); the file is then compiled as usual. `ONEBOT_CODEGEN_NO_CODE_CACHE=1` turns it off (the
 * benchmark's first-run figure).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

type Compile = (this: Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
  enableCompileCache?: (dir?: string) => unknown;
}
const NodeModule = Module as unknown as ModuleInternals;

/** `require(id)` from `from` (a file URL), its CommonJS files compiled with a code cache. */
export function requireCached(id: string, from: string): unknown {
  const require = createRequire(from);
  const cacheDir = cacheDirFor(require.resolve(id));
  if (!cacheDir || process.env.ONEBOT_CODEGEN_NO_CODE_CACHE) return require(id);
  if (NodeModule.enableCompileCache) {
    NodeModule.enableCompileCache(cacheDir);
    return require(id);
  }
  const original = NodeModule.prototype._compile;
  NodeModule.prototype._compile = function (content, filename) {
    return filename.endsWith('.js')
      ? compileCached(this, content, filename, cacheDir)
      : original.call(this, content, filename);
  };
  try {
    return require(id);
  } finally {
    NodeModule.prototype._compile = original;
  }
}

/** `<node_modules>/.cache/onebot-codegen/v8` for the node_modules folder that holds `file`. */
function cacheDirFor(file: string): string | undefined {
  const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (at === -1) return undefined;
  return path.join(file.slice(0, at), 'node_modules', '.cache', 'onebot-codegen', 'v8');
}

/** What Module.prototype._compile does for a CommonJS file, with cached data read and written. */
function compileCached(module: Module, content: string, filename: string, cacheDir: string): unknown {
  const { size, mtimeMs } = statSync(filename);
  const key = createHash('sha1')
    .update(`${process.version} ${process.arch} ${filename} ${size} ${mtimeMs}`)
    .digest('hex');
  const cacheFile = path.join(cacheDir, `${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(NodeModule.wrap(content), {
    filename,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const result = wrapper.call(
    module.exports,
    module.exports,
    requireFor(module),
    module,
    filename,
    path.dirname(filename),
  );
  if (!cachedData || script.cachedDataRejected) unsaved.set(cacheFile, script);
  return result;
}

/** Scripts compiled without usable cached data, by the cache file to write. */
const unsaved = new Map<string, vm.Script>();

/** Write the code cache of the files that had none; a no-op once every file has one. */
export function saveCodeCache(): void {
  for (const [file, script] of unsaved) writeQuietly(file, script.createCachedData());
  unsaved.clear();
}

/** The `require` a CommonJS module sees. */
function requireFor(module: Module): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = Object.assign(
    (request: string, options?: { paths?: string[] }) => NodeModule._resolveFilename(request, module, false, options),
    { paths: (request: string) => createRequire(module.filename).resolve.paths(request) },
  );
  require.main = process.mainModule;
  require.extensions = NodeModule._extensions as NodeJS.Require['extensions'];
  require.cache = NodeModule._cache as NodeJS.Require['cache'];
  return require;
}

/** A cache that cannot be written (read-only install) only costs the next run its speed. */
function writeQuietly(file: string, data: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // ignored: see above
  }
}
