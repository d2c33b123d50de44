/**
 * Targets `dist/**\/*.js` and `dist/**\/*.d.ts`: every emitted TypeScript module compiled, so the
 * output works as a package for plain `tsc` and `node` consumers (a `.ts` file inside
 * `node_modules` is neither run by Node nor covered by a consumer's `skipLibCheck`).
 *
 *     napcat/types.ts   →   dist/napcat/types.js     (ES2022 module, types erased)
 *                           dist/napcat/types.d.ts   (the declarations, JSDoc kept)
 *
 * Each file is compiled on its own (`transpileModule`, `transpileDeclaration`): no type checking,
 * no module resolution, so the result depends only on the file's text and is the same on every
 * machine. That needs code that states its exported types (`isolatedDeclarations`): generated
 * code does, and so must hand-written runtime code (explicit return types on exported functions).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ts as Ts } from 'ts-morph';
import { shareOf } from '../share.js';
import { fillHoles, type Holes, withHoles } from '../ts/doc-holes.js';
import { ts } from '../ts/typescript.js';
import { twinPaths } from './dist-paths.js';
import type { RawFile } from './types.js';

const OPTIONS: Ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  declaration: true,
  isolatedDeclarations: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
};

/** How transpiling reads JSDoc: not at all. The twins are the same as with it (the goldens, generate --check). */
const JSDOC_PARSING: Ts.JSDocParsingMode = ts.JSDocParsingMode.ParseNone;

/**
 * Compiled twins of every `.ts` file in `files` (relative path → text), sorted by path; a file that
 * `built` (default: the build's table, see loadBuiltTwins) has for its exact text is taken from
 * there. Throws when a file's declarations cannot be emitted on their own, naming `file:line:col`.
 */
export function compiledTargets(files: ReadonlyMap<string, string>, built: BuiltTwins = loadBuiltTwins()): RawFile[] {
  return twinFiles(sourcesOf(files, built));
}

/** Compiles files' twins on another thread, as compileBatch does on this one (see help.ts). */
export type CompileHelper = (files: readonly (readonly [path: string, text: string])[]) => Promise<Twins[]>;

/**
 * compiledTargets, the same result, with about half of the files not compiled yet (by text size)
 * compiled by `helper` while this thread compiles the others: they are the largest cost of a cold
 * run after formatting. Without a helper, or with little to compile, it is compiledTargets.
 */
export async function compiledTargetsShared(
  files: ReadonlyMap<string, string>,
  helper: CompileHelper | undefined,
  built: BuiltTwins = loadBuiltTwins(),
): Promise<RawFile[]> {
  const sources = sourcesOf(files, built);
  // The texts with holes, as the process cache keeps them: the helper's twins are remembered as they come.
  const todo = sources
    .filter((s) => s.ahead === undefined && !cache.has(cacheKey(s.path, s.holes.text)))
    .map((s) => [s.path, s.holes.text] as const);
  const share = helper && shareOf(todo, ([, text]) => text.length);
  if (share) {
    const answer = helper(share[0]);
    for (const [path, text] of share[1]) compileCached(path, text);
    (await answer).forEach((twins, i) => remember(share[0][i]![0], share[0][i]![1], twins));
  }
  return twinFiles(sources);
}

/**
 * What twins depend on besides the text: TypeScript's version and the options. Twins kept from an
 * earlier run (the cache beside the manifest, format-cache.ts) are used only under the same key.
 */
export const TWINS_KEY = `typescript ${ts.version} ${JSON.stringify(OPTIONS)} jsdoc ${JSDOC_PARSING}`;

/** Twins of each file (path, text with holes), in order, with the same holes: a helper's side of compiledTargetsShared. */
export function compileBatch(files: readonly (readonly [path: string, text: string])[]): Twins[] {
  return files.map(([path, text]) => compileCached(path, text));
}

/** A TypeScript module that gets twins (not a declaration file). */
const isSource = (path: string): boolean => path.endsWith('.ts') && !path.endsWith('.d.ts');

/** A file's compiled twins, texts in full (header included). */
export interface Twins {
  readonly js: string;
  readonly dts: string;
}

/**
 * Twins made before a run, not by it (the build's runtime table, twins on disk from the last run):
 * relative path → the sha256 of the text they were made from, and the twins.
 */
export type BuiltTwins = ReadonlyMap<string, Twins & { readonly sha256: string }>;

/** Where scripts/build.mjs writes the runtime's twins: beside the compiled generator (`dist/generator/`). */
export const BUILT_TWINS_FILE = new URL('../../runtime-twins.json', import.meta.url);
let builtTwins: BuiltTwins | undefined;

/**
 * The runtime's twins, which are the same in every output, as the build compiled them (read once
 * per process). Empty when the generator runs from its TypeScript sources (there is no such file
 * beside them) or the file cannot be read.
 */
export function loadBuiltTwins(): BuiltTwins {
  if (!builtTwins) {
    try {
      const entries = JSON.parse(readFileSync(BUILT_TWINS_FILE, 'utf8')) as Record<string, Twins & { sha256: string }>;
      builtTwins = new Map(Object.entries(entries));
    } catch {
      builtTwins = new Map();
    }
  }
  return builtTwins;
}

/** `runtime-twins.json`'s content for these files (relative path → text): their twins and text hashes. */
export function builtTwinsJson(files: ReadonlyMap<string, string>): string {
  const entries = [...files].map(([path, text]) => [path, { sha256: sha256(text), ...compileText(path, text) }]);
  return `${JSON.stringify(Object.fromEntries(entries))}\n`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Compiled files by path and text with holes (doc-holes.ts), their twins with the same holes: most
 * files (the runtime, entry modules, the message module) are the same from one run to the next in
 * a process (watch mode, tests, the API in a loop), and most edits of the docs change only the
 * prose in the comments of the files they touch. Least recently used first (Map order): a run of
 * new files evicts the oldest, not the runtime.
 */
const cache = new Map<string, Twins>();
const CACHE_LIMIT = 512;
const cacheKey = (path: string, holed: string) => `${path}\0${holed}`;

/** A module of the output: its text with holes, and its twins if they were made before the run. */
interface Source {
  readonly path: string;
  readonly holes: Holes;
  readonly ahead?: Twins;
}

/**
 * The TypeScript modules of `files`. Twins made ahead of the run (`built`: the build's runtime
 * table, twins on disk from the last run) are taken for their exact text, but not kept in the
 * process: a later run (a `--check`) must not take one run's word for what is on disk.
 */
function sourcesOf(files: ReadonlyMap<string, string>, built: BuiltTwins): Source[] {
  const sources: Source[] = [];
  for (const [path, text] of files) {
    if (!isSource(path)) continue;
    const entry = built.get(path);
    if (entry && entry.sha256 === sha256(text)) {
      sources.push({ path, holes: { text, lines: [] }, ahead: { js: entry.js, dts: entry.dts } });
    } else sources.push({ path, holes: withHoles(text) });
  }
  return sources;
}

/** Each source's twins as files, sorted by path: made ahead, from the process cache, or compiled now. */
function twinFiles(sources: readonly Source[]): RawFile[] {
  const out: RawFile[] = [];
  for (const { path, holes, ahead } of sources) {
    const holed = ahead ?? compileCached(path, holes.text);
    const at = twinPaths(path);
    out.push(
      { path: at.js, text: fillHoles(holed.js, holes.lines) },
      { path: at.dts, text: fillHoles(holed.dts, holes.lines) },
    );
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Twins of a text with holes, from the process cache (which a hit refreshes) or compiled now and kept. */
function compileCached(path: string, holed: string): Twins {
  const key = cacheKey(path, holed);
  const hit = cache.get(key);
  if (hit) {
    // Least recently used first: a hit moves to the end.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const twins = compileText(path, holed);
  remember(path, holed, twins);
  return twins;
}

function remember(path: string, holed: string, twins: Twins): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey(path, holed), twins);
}

/**
 * A file's twins compiled from its text, with no cache. Throws when its declarations cannot be
 * emitted on their own, naming `file:line:col`.
 */
export function compileText(path: string, text: string): Twins {
  // The compiler drops comments attached to declarations it erases (a header above an
  // interface), so the header is taken off and put back on each output.
  const { header, body } = splitHeader(text);
  // Comments are copied as text: the JSDoc inside them need not be parsed into tags (as tsc does
  // not, for TypeScript files), which makes parsing the doc-heavy generated files faster.
  const transpile = { fileName: path, compilerOptions: OPTIONS, jsDocParsingMode: JSDOC_PARSING };
  const js = ts.transpileModule(body, transpile);
  const dts = ts.transpileDeclaration(body, { ...transpile, reportDiagnostics: true });
  const problem = dts.diagnostics?.[0];
  if (problem) throw new Error(`cannot compile ${path} to declarations: ${describe(problem, header)}`);
  return { js: header + withNewline(js.outputText), dts: header + withNewline(dts.outputText) };
}

/** The leading `//` lines and `/* eslint-disable *\/` of a generated file (see ts/header.ts), and the rest. */
function splitHeader(text: string): { header: string; body: string } {
  const lines = text.split('\n');
  let n = 0;
  while (n < lines.length && (lines[n]!.startsWith('//') || lines[n] === '/* eslint-disable */')) n++;
  return {
    header: lines
      .slice(0, n)
      .map((l) => `${l}\n`)
      .join(''),
    body: lines.slice(n).join('\n'),
  };
}

const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/** `napcat/types.ts:12:3: Variable must have an explicit type annotation …` (line in the full file). */
function describe(d: Ts.Diagnostic, header: string): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const headerLines = header.split('\n').length - 1;
  return `${d.file.fileName}:${line + 1 + headerLines}:${character + 1}: ${message}`;
}
