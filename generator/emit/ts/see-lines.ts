/**
 * The docs' line numbers in `@see` tags (jsdoc.ts sourceLine), taken out of a text and put back.
 *
 * An edit near the top of a page moves the line of every section below it, so the `@see` tags of
 * many statements change while nothing else in them does. prettier and the TypeScript compiler
 * copy comment text as it is, and a JSDoc block sits on lines of its own, so the width of a line
 * number changes no layout: formatting or compiling a text with its line numbers replaced by
 * numbered holes, then filling the holes, gives what formatting or compiling the text itself gives
 * (test/emit/see-lines.test.ts holds this on the docs). The caches of formatted statements and of
 * compiled twins are therefore keyed by the text with holes, and an edit that only moves lines
 * costs no prettier or TypeScript work.
 *
 *     @see docs-src/api/bot.md:210        →   @see docs-src/api/bot.md:#0      lines ['210']
 */

/** `@see <file>.md:<line>`: the file part (group 1) and the line (group 2). */
const SEE_LINE = /(@see [^\s*]+\.md:)(\d+)/g;
/** A hole left by withHoles: `@see <file>.md:#<index>`. */
const HOLE = /(@see [^\s*]+\.md:)#(\d+)/g;

/** A text with its `@see` line numbers taken out, and those numbers in order. */
export interface Holes {
  readonly text: string;
  readonly lines: readonly string[];
}

/**
 * The text with each `@see` line number replaced by `#0`, `#1`, … and the numbers taken out. A text
 * that already holds something that reads as a hole is returned as it is, with no lines: filling
 * would change it.
 */
export function withHoles(text: string): Holes {
  if (!text.includes('@see ') || /\.md:#\d/.test(text)) return { text, lines: [] };
  const lines: string[] = [];
  return { text: text.replace(SEE_LINE, (_, file: string, line: string) => `${file}#${lines.push(line) - 1}`), lines };
}

/** The holes of `text` (a result of formatting or compiling `withHoles(…).text`) filled with `lines`. */
export function fillHoles(text: string, lines: readonly string[]): string {
  if (lines.length === 0) return text;
  return text.replace(HOLE, (_, file: string, index: string) => `${file}${lines[Number(index)]}`);
}
