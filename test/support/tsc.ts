/** Real `tsc` (the TypeScript compiler API) over files on disk, strict, as a consumer compiles them. */
import ts from 'typescript';

/** A Node project's: the ES2022 library and Node's types, no DOM (which would add 1.5 MB of globals to every program). */
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  types: ['node'],
};

/**
 * Parsed declaration files under `node_modules` (TypeScript's `lib.*.d.ts`, `@types/node`, `ws`'s
 * types), by path and parse settings, kept for every program this test worker creates. Parsing them
 * is most of a small program's cost (~1 s of ~1.2 s); the files do not change during a test run.
 * Sharing parsed files between programs is what TypeScript's own language service does (its
 * DocumentRegistry): a declaration file's binding does not depend on the program it is in.
 */
const libraryFiles = new Map<string, ts.SourceFile>();

/** A compiler host for `options` that takes library declaration files from the worker's cache. */
export function sharedLibraryHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, settings, onError, shouldCreate) => {
    // (test outputs live under node_modules/.cache: those change from test to test)
    if (!fileName.includes('/node_modules/') || fileName.includes('/.cache/') || !fileName.endsWith('.d.ts')) {
      return getSourceFile(fileName, settings, onError, shouldCreate);
    }
    const key = `${fileName}\0${JSON.stringify(settings)}`;
    let file = libraryFiles.get(key);
    if (!file) {
      file = getSourceFile(fileName, settings, onError, shouldCreate);
      if (file) libraryFiles.set(key, file);
    }
    return file;
  };
  return host;
}

/**
 * A host whose imports resolve to real paths. TypeScript follows symlinks to real paths for
 * package imports only; a relative import of a linked file would otherwise be a second source file.
 */
function realPathHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = sharedLibraryHost(options);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, containingSourceFile) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
      const found = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, cache, redirected, mode);
      const resolved = found.resolvedModule;
      if (!resolved) return found;
      return { ...found, resolvedModule: { ...resolved, resolvedFileName: host.realpath!(resolved.resolvedFileName) } };
    });
  return host;
}

/**
 * Formatted diagnostics (`file(line,col): message`); empty when everything compiles. With
 * `realPaths`, a linked file is one source file however many links lead to it. `options`: other
 * compiler options than a consumer's strict NodeNext ones (OPTIONS). With `checked` (`'roots'`,
 * or a test of file names), only the files it accepts are checked (the options' and global problems are always reported):
 * the others are read for their types alone, which costs a fraction of checking their bodies.
 */
export function typecheck(
  rootFiles: readonly string[],
  {
    realPaths = false,
    checked,
    options = OPTIONS,
  }: { realPaths?: boolean; checked?: 'roots' | ((fileName: string) => boolean); options?: ts.CompilerOptions } = {},
): string[] {
  const host = realPaths ? realPathHost(options) : sharedLibraryHost(options);
  const program = ts.createProgram({ rootNames: rootFiles, options, host });
  const accept = checked === 'roots' ? (f: string) => rootFiles.includes(f) : checked;
  const files = accept && program.getSourceFiles().filter((f) => accept(f.fileName));
  // A path spelt otherwise than the program spells it would check nothing: a problem, not a pass.
  if (files?.length === 0) return ['typecheck: `checked` accepts no file of the program'];
  const diagnostics = files
    ? [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...files.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
      ]
    : ts.getPreEmitDiagnostics(program);
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}(${line + 1},${character + 1}): ${message}`;
  });
}
