/**
 * `npm run build` (and `prepare`, so `npm ci`, `npm pack` and installs from git run it): compile
 * generator/ to dist/ (tsconfig.build.json, with declarations for the package's `exports`) so the
 * CLI runs as plain JavaScript, with no TypeScript loader at run time. The runtime sources are
 * copied beside their compiled twins, because the runtime target copies them into the output
 * verbatim, and the runtime's own compiled twins are made once (dist/generator/runtime-twins.json,
 * see emit/targets/compiled.ts); the CLI is made executable. Progress and errors go to stderr, so `npm pack --json`
 * stays parseable.
 *
 * `isStale()` tells scripts/generate.mjs whether a source changed since the last build.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const STAMP = path.join(ROOT, 'dist/.build-stamp');
const SOURCES = ['generator', 'tsconfig.json', 'tsconfig.build.json'];

/** Newest modification time (ms) among the generator's sources and the build settings. */
function newestSource() {
  let newest = 0;
  for (const entry of SOURCES) {
    const full = path.join(ROOT, entry);
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
      : [full];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than a source. */
export function isStale() {
  try {
    return statSync(STAMP).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

export function build() {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: ['ignore', 2, 2] });
  } catch {
    process.stderr.write('build failed: tsc reported the errors above\n');
    process.exit(1);
  }
  const runtime = path.join(ROOT, 'generator/runtime');
  for (const entry of readdirSync(runtime, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(ROOT, 'dist/generator/runtime', path.relative(runtime, from));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  // The runtime's compiled twins, the same in every output: compiled once here, not on every run.
  const twins = `
    const { allRuntimeTargets } = await import('./dist/generator/emit/targets/runtime.js');
    const { builtTwinsJson, BUILT_TWINS_FILE } = await import('./dist/generator/emit/targets/compiled.js');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(BUILT_TWINS_FILE, builtTwinsJson(new Map(allRuntimeTargets().map((f) => [f.path, f.text]))));
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', twins], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  chmodSync(path.join(ROOT, 'dist/generator/cli.js'), 0o755);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
