/**
 * `npm run build` (and `prepare`, so `npm ci`, `npm pack` and installs from git run it): compiles
 * the generator to `dist/` with tsconfig.build.json, copies the runtime `.ts` sources the runtime
 * target reads (`dist/generator/runtime/*.ts`, beside their compiled twins), and makes the CLI
 * executable. Type errors are `npm run typecheck`'s job; this fails only when nothing sensible can
 * be emitted. Progress goes to stderr, so `npm pack --json` stays parseable.
 */
import { chmodSync, cpSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => fail([d]),
});
if (!parsed || parsed.errors.length > 0) fail(parsed?.errors ?? []);

rmSync(dist, { recursive: true, force: true });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const emitted = program.emit();
const problems = [...program.getSyntacticDiagnostics(), ...emitted.diagnostics];
if (emitted.emitSkipped || problems.length > 0) fail(problems);

const runtime = path.join(root, 'generator/runtime');
cpSync(runtime, path.join(dist, 'generator/runtime'), {
  recursive: true,
  filter: (source) => statSync(source).isDirectory() || (source.endsWith('.ts') && !source.endsWith('.d.ts')),
});
chmodSync(path.join(dist, 'generator/cli.js'), 0o755);
console.error(`built ${path.relative(process.cwd(), dist) || '.'}: ${parsed.fileNames.length} modules`);

/** @param {readonly ts.Diagnostic[]} diagnostics */
function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnostics(diagnostics, host) || 'build failed\n');
  process.exit(1);
}
