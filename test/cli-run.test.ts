/**
 * The CLI's pipeline: with the emitters on a worker thread it gives exactly what one thread gives;
 * the format cache beside the manifest is written after a run and used by the next, and `--check`
 * never trusts it.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../generator/cli.js';
import { FORMAT_CACHE_NAME } from '../generator/format-cache.js';
import { MANIFEST_NAME } from '../generator/write.js';
import { removeTree, writeTempTree } from './support/generate.js';
import { FIXTURES, ROOT } from './support/paths.js';
import { sharedGenerate } from './support/shared-run.js';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map(removeTree));
});
async function tempDir(): Promise<string> {
  const dir = await writeTempTree(new Map());
  temps.push(dir);
  return dir;
}
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

test('the worker thread and this thread produce the same files and diagnostics, also after a failed run', async () => {
  // Several pages, events and segments, and enough text for both threads to share the formatting
  // and the compiling (share.ts's HELP_ABOVE).
  const docs = path.join(FIXTURES, 'family');
  const outDir = await tempDir();
  // This thread's run is generate() itself (runPipeline without a worker calls it), shared with
  // the other tests that read the docs. The worker's run is the compiled one `npm run generate`
  // makes (dist/ is current: global-setup.ts), so the worker loads JavaScript, not sources; its
  // pipeline is watch mode's, which keeps formatted statements from run to run.
  const here = await sharedGenerate(docs);
  const compiled = (await import(
    pathToFileURL(path.join(ROOT, 'dist/generator/cli-run.js')).href
  )) as typeof import('../generator/cli-run.js');
  const pipeline = new compiled.Pipeline({ outDir, useCache: false, keepStatements: true });
  const runs = [];
  try {
    runs.push(await pipeline.run(docs));
    // A failed run ends its worker; the next run starts another and gives what a fresh one gives.
    await expect(pipeline.run(path.join(outDir, 'no-such-docs'))).rejects.toThrow();
    runs.push(await pipeline.run(docs));
  } finally {
    await pipeline.close();
  }
  for (const there of runs) {
    expect([...there.result.files]).toEqual([...here.files]);
    expect(there.result.diagnostics).toEqual(here.diagnostics);
    expect(there.result.model).toEqual(here.model);
  }
}, 60_000);

test('the format cache is written beside the manifest, used next time, and ignored by --check', async () => {
  const out = await tempDir();
  const docs = path.join(FIXTURES, 'good-docs');
  expect(await main(['--docs', docs, '--out', out], quiet)).toBe(0);
  const cache = JSON.parse(await readFile(path.join(out, FORMAT_CACHE_NAME), 'utf8')) as {
    files: Record<string, { printed: string; formatted: string }>;
  };
  expect(Object.keys(cache.files)).toContain('napcat/types.ts');
  const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_NAME), 'utf8')) as { files: string[] };
  expect(manifest.files).not.toContain(FORMAT_CACHE_NAME);

  // A file edited by hand, and a cache that vouches for the edit: a normal run formats it again…
  const edited = '// edited by hand\n';
  const sha = createHash('sha256').update(edited).digest('hex');
  cache.files['napcat/types.ts']!.formatted = sha;
  await writeFile(path.join(out, FORMAT_CACHE_NAME), JSON.stringify(cache));
  await writeFile(path.join(out, 'napcat/types.ts'), edited);
  let stderr = '';
  const check = await main(['--docs', docs, '--out', out, '--check'], {
    ...quiet,
    stderr: { write: (t: string) => (stderr += t) },
  });
  // …and --check, which must not believe it, reports the file.
  expect(check).toBe(1);
  expect(stderr).toContain(`stale: ${out}/napcat/types.ts`);
}, 60_000);

test("a killed run's temporary cache file is removed by the next save; a cache that cannot be saved fails no run", async () => {
  const out = await tempDir();
  const docs = path.join(FIXTURES, 'good-docs');
  // A process that has exited: its pid names a leftover; this process's own pid a file in use.
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  const leftover = `${FORMAT_CACHE_NAME}.${gone}.0123456789ab.tmp`;
  const inUse = `${FORMAT_CACHE_NAME}.${process.pid}.0123456789ab.tmp`;
  await writeFile(path.join(out, leftover), '{');
  await writeFile(path.join(out, inUse), '{');
  expect(await main(['--docs', docs, '--out', out], quiet)).toBe(0);
  const names = await readdir(out);
  expect(names).not.toContain(leftover);
  expect(names).toContain(inUse);
  expect(names).toContain(FORMAT_CACHE_NAME);

  // The cache's name taken by a folder: the output is written, the run says so and exits 0.
  const other = await tempDir();
  await mkdir(path.join(other, FORMAT_CACHE_NAME));
  let stderr = '';
  const code = await main(['--docs', docs, '--out', other], {
    ...quiet,
    stderr: { write: (t: string) => (stderr += t) },
  });
  expect(code).toBe(0);
  expect(stderr).toMatch(/^onebot-codegen: format cache not saved \(.+\); the next run formats everything\n$/);
  expect(await readdir(other)).toContain('index.ts');
});

// The worker's side: the cache reaches it, its twins reach the cache, and --check starts it without
// one. What a run does without the cache's word is the same code in both threads (format-cache.ts).
describe.each([
  ['this thread', async () => main, true],
  [
    'the worker',
    async () =>
      (
        (await import(
          pathToFileURL(path.join(ROOT, 'dist/generator/cli.js')).href
        )) as typeof import('../generator/cli.js')
      ).main,
    false,
  ],
])('compiled twins in the cache (%s)', (_, cli, withoutWord) => {
  const title = 'a twin on disk that the cache vouches for is not compiled again; --check compiles it';
  test(
    withoutWord ? `${title}; one it does not vouch for is` : title,
    async () => {
      const run = await cli();
      const out = await tempDir();
      const docs = path.join(FIXTURES, 'good-docs');
      expect(await run(['--docs', docs, '--out', out], quiet)).toBe(0);
      const cacheFile = path.join(out, FORMAT_CACHE_NAME);
      const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as {
        twinsKey: string;
        files: Record<string, { printed: string; formatted: string; js: string; dts: string }>;
      };
      expect(cache.twinsKey).toMatch(/^typescript \d/);
      const entry = cache.files['napcat/types.ts']!;
      const twin = path.join(out, 'dist/napcat/types.js');
      const compiled = await readFile(twin, 'utf8');
      expect(entry.js).toBe(sha256(compiled));
      expect(Object.values(cache.files).every((e) => Object.keys(e).sort().join() === 'dts,formatted,js,printed')).toBe(
        true,
      );

      // A twin edited by hand, and a cache that vouches for the edit: a normal run takes it as it is…
      const edited = `${compiled}// edited by hand\n`;
      await writeFile(twin, edited);
      await writeFile(
        cacheFile,
        JSON.stringify({ ...cache, files: { ...cache.files, 'napcat/types.ts': { ...entry, js: sha256(edited) } } }),
      );
      expect(await run(['--docs', docs, '--out', out], quiet)).toBe(0);
      expect(await readFile(twin, 'utf8')).toBe(edited);
      // …--check, which must not believe it, compiles and reports it…
      let stderr = '';
      const check = await run(['--docs', docs, '--out', out, '--check'], {
        ...quiet,
        stderr: { write: (t: string) => (stderr += t) },
      });
      expect(check).toBe(1);
      expect(stderr).toContain(`stale: ${out}/dist/napcat/types.js`);
      if (!withoutWord) return;
      // …and without the cache's word for it, the next run compiles it again.
      await writeFile(cacheFile, JSON.stringify(cache));
      expect(await run(['--docs', docs, '--out', out], quiet)).toBe(0);
      expect(await readFile(twin, 'utf8')).toBe(compiled);
      // Entries taken from disk are saved as hashes too, never with the file's text.
      const saved = JSON.parse(await readFile(cacheFile, 'utf8')) as typeof cache;
      expect(Object.values(saved.files).map((e) => Object.keys(e).sort().join())).toEqual(
        Object.keys(saved.files).map(() => 'dts,formatted,js,printed'),
      );
    },
    60_000,
  );
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
