/**
 * prettier over the printed TypeScript. prettier is loaded on the first file that needs it, so a
 * run whose files all come from a cache never loads it.
 *
 * Two caches, both keyed by what ts-morph printed (so a hit is exactly what prettier would give):
 *   - a file cache (FormatCache, kept between runs by the caller): a file printed the same as last
 *     time is not formatted again;
 *   - with `byStatement` (watch mode), a statement cache: each top-level statement is formatted on
 *     its own and remembered, so a changed page costs the statements it changed. Statements are
 *     joined as prettier joins them in a whole file (one blank line where the print had one); a
 *     test holds the two ways byte-identical on every fixture and the docs.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { PrintedFile } from './ts/print.js';

/** The prettier options of every generated TypeScript file. */
export const PRETTIER = { parser: 'typescript', singleQuote: true, printWidth: 120 } as const;

/** Formatted texts from an earlier run, by output path and the hash of what was printed. */
export interface FormatCache {
  get(path: string, printedHash: string): string | undefined;
  set(path: string, printedHash: string, formatted: string): void;
}

type Prettier = typeof import('prettier');

let prettier: Promise<Prettier> | undefined;

/** prettier, imported once per process (its first import costs ~0.2 s). */
export function loadPrettier(): Promise<Prettier> {
  prettier ??= import('prettier');
  return prettier;
}

/** Which prettier and options a cached text was formatted with, without loading prettier. */
export const FORMAT_KEY = (() => {
  const require = createRequire(import.meta.url);
  const version = (require(require.resolve('prettier/package.json')) as { version: string }).version;
  return `prettier ${version} ${JSON.stringify(PRETTIER)}`;
})();

/** sha256 of the printed text under FORMAT_KEY, hex. */
export function printedHash(file: PrintedFile): string {
  return createHash('sha256').update(FORMAT_KEY).update('\0').update(file.header).update(file.text).digest('hex');
}

export interface FormatterOptions {
  readonly cache?: FormatCache;
  /** Format statement by statement and remember each (for repeated runs in one process). */
  readonly byStatement?: boolean;
}

export class Formatter {
  /** Statement text → formatted, for the statements seen in this run and the one before. */
  private current = new Map<string, string>();
  private previous = new Map<string, string>();

  constructor(private readonly options: FormatterOptions = {}) {}

  /** Whether files should be printed statement by statement for this formatter. */
  get statementWise(): boolean {
    return this.options.byStatement ?? false;
  }

  /** The formatted file: from the file cache, statement by statement, or prettier on the whole. */
  async format(file: PrintedFile): Promise<string> {
    const hash = printedHash(file);
    const cached = this.options.cache?.get(file.path, hash);
    if (cached !== undefined) return cached;
    const formatted =
      this.statementWise && file.statements && file.statements.length > 0
        ? await this.joinStatements(file.header, file.statements, file.blankBefore ?? [])
        : await formatText(file.header + file.text);
    this.options.cache?.set(file.path, hash, formatted);
    return formatted;
  }

  /** Call once a run's files are all formatted: statements unused in two runs are forgotten. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  private async joinStatements(header: string, statements: readonly string[], blank: readonly boolean[]) {
    let out = header;
    for (const [i, statement] of statements.entries()) {
      let formatted = this.current.get(statement) ?? this.previous.get(statement);
      formatted ??= await formatText(statement);
      this.current.set(statement, formatted);
      out += (blank[i] ? '\n' : '') + formatted;
    }
    return out;
  }
}

/** prettier with the generated files' options. */
export async function formatText(text: string): Promise<string> {
  return (await loadPrettier()).format(text, PRETTIER);
}

/**
 * Format a small file shaped like the generated ones, so prettier's TypeScript parser and printer
 * are loaded and compiled before the real files arrive (e.g. while the docs are still parsed).
 */
export async function warmUpPrettier(): Promise<void> {
  await formatText(WARM_UP);
}

const WARM_UP = `import type { A } from './a.js';
/** doc
 * @see x.md:1 */
export interface B { /** field */ a?: A | 'x' | 1; b: { c: string[] }; [key: string]: unknown }
export type C = B | Record<string, never>;
export const D = ["a", "b"] as const satisfies readonly string[];
export function e(x: B): x is B { return true; }
`;
