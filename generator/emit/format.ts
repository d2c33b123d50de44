/**
 * prettier over the printed TypeScript, statement by statement. prettier formats each top-level
 * statement of a file independently, so a file is its header, then its statements formatted one by
 * one, joined with a blank line where ts-morph printed one (print.ts); a test holds this
 * byte-identical to formatting each whole file, on every fixture and on the docs.
 *
 * That makes three savings possible, all keyed by what ts-morph printed (so a saving gives exactly
 * what prettier would):
 *   - a statement printed in several files (the same interface in every implementation's types)
 *     is formatted once;
 *   - the statements to format go to prettier in one call, separated by a boundary statement, not
 *     one call each (a call costs ~1 ms before any work);
 *   - across runs: a file cache (FormatCache, kept by the caller beside the manifest) returns a
 *     file printed as last time, and with `keepStatements` (watch mode) the statements of the last
 *     run are remembered, so an edit costs the statements it changed. Statements are known by
 *     their text with holes for the words of their comments (doc-holes.ts): one whose prose or
 *     `@see` lines changed is not formatted again.
 *
 * prettier is loaded on the first statement that needs it: a run served from the caches never
 * loads it.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { shareOf } from './share.js';
import type { PrintedFile } from './ts/print.js';
import { fillHoles, type Holes, withHoles } from './ts/doc-holes.js';
import { requireCached } from './ts/require-cached.js';

/**
 * The prettier options of every generated TypeScript file. prettier's `babel-ts` parser reads the
 * generated TypeScript about a third faster than its `typescript` parser, for the same output: a
 * test formats every generated file both ways and requires them byte-identical, so the files pass
 * `prettier --check` with the usual parser.
 */
export const PRETTIER = { parser: 'babel-ts', singleQuote: true, printWidth: 120 } as const;

/** Formatted texts from an earlier run, by output path and the hash of what was printed. */
export interface FormatCache {
  get(path: string, printedHash: string): string | undefined;
  set(path: string, printedHash: string, formatted: string): void;
}

/** Which prettier and options a cached text was formatted with, known without loading prettier. */
export const FORMAT_KEY = (() => {
  const require = createRequire(import.meta.url);
  const version = (require(require.resolve('prettier/package.json')) as { version: string }).version;
  return `prettier ${version} ${JSON.stringify(PRETTIER)}`;
})();

/** sha256 of a printed file under FORMAT_KEY, hex. */
export function printedHash(file: PrintedFile): string {
  return createHash('sha256').update(FORMAT_KEY).update('\0').update(file.header).update(file.text).digest('hex');
}

export interface FormatterOptions {
  readonly cache?: FormatCache;
  /** Remember formatted statements from one run to the next (watch mode). */
  readonly keepStatements?: boolean;
  /**
   * Another thread that formats statements (as formatBatch does): when there is enough to format,
   * about half goes there while this thread formats the rest.
   */
  readonly helper?: (statements: readonly string[]) => Promise<string[]>;
}

export class Formatter {
  /**
   * Statement text with holes (doc-holes.ts) → formatted text with the same holes: this run's, and
   * the last run's when statements are kept.
   */
  private current = new Map<string, string>();
  private previous = new Map<string, string>();
  /** The last formatFiles call: files taken from the file cache; distinct statements, and how many went to prettier. */
  lastRun = { cachedFiles: 0, statements: 0, formatted: 0 };

  constructor(private readonly options: FormatterOptions = {}) {}

  /** The files formatted, in order. */
  async formatFiles(files: readonly PrintedFile[]): Promise<string[]> {
    const hashes = files.map(printedHash);
    const cached = files.map((f, i) => this.options.cache?.get(f.path, hashes[i]!));
    const todo = files.filter((f, i) => cached[i] === undefined && f.statements && f.statements.length > 0);
    const holed = new Map(todo.flatMap((f) => f.statements!).map((s) => [s, withHoles(s)]));
    const { distinct, formatted } = await this.formatStatements([...holed.values()].map((h) => h.text));
    this.lastRun = { cachedFiles: cached.filter((c) => c !== undefined).length, statements: distinct, formatted };
    const out: string[] = [];
    for (const [i, file] of files.entries()) {
      const text = cached[i] ?? (await this.assemble(file, holed));
      if (cached[i] === undefined) this.options.cache?.set(file.path, hashes[i]!, text);
      out.push(text);
    }
    if (this.options.keepStatements) this.previous = this.current;
    this.current = new Map();
    return out;
  }

  /** Format the statements not known yet, each distinct text once, in one prettier call. */
  private async formatStatements(statements: readonly string[]): Promise<{ distinct: number; formatted: number }> {
    const distinct = new Set(statements);
    const missing: string[] = [];
    for (const s of distinct) {
      const known = this.previous.get(s);
      if (known !== undefined) this.current.set(s, known);
      else missing.push(s);
    }
    const formatted = await this.formatMissing(missing);
    missing.forEach((s, i) => this.current.set(s, formatted[i]!));
    return { distinct: distinct.size, formatted: missing.length };
  }

  /** The statements formatted, here or, for about half of the text, by the helper at the same time. */
  private async formatMissing(missing: readonly string[]): Promise<string[]> {
    const { helper } = this.options;
    const share = helper && shareOf(missing, (s) => s.length);
    if (!share) return formatBatch(missing);
    const [theirs, ours] = await Promise.all([helper(share[0]), formatBatch(share[1])]);
    return [...theirs, ...ours];
  }

  /** Header + statements joined as prettier joins them; the whole file through prettier if not split. */
  private async assemble(file: PrintedFile, holed: ReadonlyMap<string, Holes>): Promise<string> {
    if (!file.statements || file.statements.length === 0) return formatText(file.header + file.text);
    let out = file.header;
    file.statements.forEach((s, i) => {
      const { text, lines } = holed.get(s)!;
      out += (file.blankBefore?.[i] ? '\n' : '') + fillHoles(this.current.get(text)!, lines);
    });
    return out;
  }
}

type Standalone = typeof import('prettier/standalone');
type Plugin = import('prettier').Plugin;
let prettier: { format: Standalone['format']; plugins: Plugin[] } | undefined;

/**
 * prettier, loaded once per process: its standalone core and the two plugins the TypeScript parser
 * needs, as CommonJS with V8's code cache (~35 ms, against ~85 ms for the full ESM entry, which
 * also carries config resolution and the CLI). The core is the same, and so is the output.
 */
export function loadPrettier(): NonNullable<typeof prettier> {
  if (!prettier) {
    const load = (id: string) => requireCached(id, import.meta.url);
    const plugins = [load('prettier/plugins/babel'), load('prettier/plugins/estree')] as Plugin[];
    prettier = { format: (load('prettier/standalone') as Standalone).format, plugins };
  }
  return prettier;
}

/** prettier with the generated files' options. */
export async function formatText(text: string): Promise<string> {
  const { format, plugins } = loadPrettier();
  return format(text, { ...PRETTIER, plugins });
}

/**
 * A statement prettier leaves as it is, put between the statements of a batch: the formatted batch
 * splits back at it. Should a batch not split into as many pieces as it had statements, each
 * statement is formatted on its own instead.
 */
const BOUNDARY = '\n\ndeclare const __onebot_codegen_statement_boundary__: unique symbol;\n\n';

/** At most this much text (characters) per prettier call: its memory grows with the input. */
const BATCH_LIMIT = 256_000;

/**
 * Statements → formatted statements (each ending in a newline), with one prettier call per
 * BATCH_LIMIT of text.
 */
export async function formatBatch(statements: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (let start = 0; start < statements.length;) {
    let end = start + 1;
    for (let size = statements[start]!.length; end < statements.length && size < BATCH_LIMIT; end++)
      size += statements[end]!.length;
    out.push(...(await formatOneCall(statements.slice(start, end))));
    start = end;
  }
  return out;
}

async function formatOneCall(statements: readonly string[]): Promise<string[]> {
  const pieces = (await formatText(statements.join(BOUNDARY))).split(BOUNDARY);
  if (pieces.length !== statements.length) return Promise.all(statements.map(formatText));
  return pieces.map((p, i) => (i < pieces.length - 1 ? `${p}\n` : p));
}
