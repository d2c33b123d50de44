/**
 * The text of a printed module's JSDoc comments, taken out and put back.
 *
 * Most edits of the docs change prose: a description, a note, or the line a section starts on
 * (every `@see` below an edit moves). In the generated modules that prose is JSDoc text, which
 * prettier and the TypeScript compiler copy as it is (each comment line trimmed, then indented
 * again; JSDoc is not parsed when compiling, see compiled.ts). So formatting or compiling a text
 * whose comment lines hold numbered holes instead, then filling the holes, gives what formatting
 * or compiling the text itself gives, as long as every comment keeps its lines
 * (test/emit/ts/doc-holes.test.ts holds this on the docs with every description and line changed).
 * The caches of formatted statements and of compiled twins are keyed by the text with holes: an
 * edit of prose costs no prettier or TypeScript work.
 *
 *     /**                                 /**
 *      * 获取 Cookies — `get_cookies`   →    * <hole 0>                 lines ['获取 Cookies — `get_cookies`',
 *      * @see docs-src/api/bot.md:210        * <hole 1>                         '@see docs-src/api/bot.md:210']
 *      *\/                                   *\/
 *     /** Name of an action. *\/        →   /** <hole 2> *\/
 *
 * Only the comment shapes the emitters print are recognised: a block that opens with `/**` alone
 * on its line, has a `*` at the start of every line and closes with `*\/` alone; or a one-line
 * `/** … *\/` alone on its line. A text with anything that makes this reading unsafe (a template
 * that may go on past its line, a comment of another shape) is taken as it is, with no holes.
 */

/** A hole is `OPEN index CLOSE`: private-use characters, which a text holding them is never holed. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const HOLE = /\uE000(\d+)\uE001/g;

const BLOCK_OPEN = /^\s*\/\*\*\s*$/;
const BLOCK_CLOSE = /^\s*\*\/\s*$/;
/** Inside a block: indentation, `*`, an optional space, the text, trailing space. */
const BLOCK_LINE = /^(\s*\*)( ?)(.*?)(\s*)$/;
/** `/** text *\/` alone on its line. */
const ONE_LINE = /^(\s*\/\*\* )(.*?)( \*\/\s*)$/;
/** A comment that is not JSDoc, alone on its line: `// …`, `/* … *\/` (the header, eslint-disable). */
const OTHER_COMMENT = /^\s*(\/\/.*|\/\*(?!\*)(?:(?!\*\/).)*\*\/\s*)$/;

/** A text with the text of its comment lines taken out, and that text in order. */
export interface Holes {
  readonly text: string;
  readonly lines: readonly string[];
}

/**
 * The text with the words of each JSDoc line replaced by a numbered hole, and those words in
 * order; the text itself with no lines when it cannot be read safely (see above).
 */
export function withHoles(text: string): Holes {
  const asIs = { text, lines: [] };
  if (!text.includes('/**') || text.includes(OPEN) || text.includes(CLOSE)) return asIs;
  const lines: string[] = [];
  const hole = (words: string) => (words === '' ? '' : `${OPEN}${lines.push(words) - 1}${CLOSE}`);
  const out: string[] = [];
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (inBlock) {
      if (BLOCK_CLOSE.test(line)) {
        inBlock = false;
        out.push(line);
        continue;
      }
      const m = BLOCK_LINE.exec(line);
      if (!m || m[3]!.includes('*/')) return asIs;
      out.push(`${m[1]}${m[2]}${hole(m[3]!)}${m[4]}`);
    } else if (BLOCK_OPEN.test(line)) {
      inBlock = true;
      out.push(line);
    } else {
      const m = ONE_LINE.exec(line);
      if (m && !m[2]!.includes('*/') && m[2]!.trim() === m[2]) out.push(`${m[1]}${hole(m[2]!)}${m[3]}`);
      else if (OTHER_COMMENT.test(line)) out.push(line);
      else if (line.includes('/*') || (line.includes('`') && !templatesClose(line))) return asIs;
      else out.push(line);
    }
  }
  return inBlock ? asIs : { text: out.join('\n'), lines };
}

/**
 * A line of code with backticks: true when it has no quote or slash (so no string, regular
 * expression or comment can hide a backtick) and every template it opens closes on it, such as
 * `` `${K}.${string}` ``. False says the line may leave a template open.
 */
function templatesClose(line: string): boolean {
  if (/['"/]/.test(line)) return false;
  // 'template': in template text; 'hole': in a `${…}` of one; 'brace': a `{` of code.
  const open: ('template' | 'hole' | 'brace')[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (open.at(-1) === 'template') {
      if (c === '\\') i++;
      else if (c === '`') open.pop();
      else if (c === '$' && line[i + 1] === '{') (open.push('hole'), i++);
    } else if (c === '`') open.push('template');
    else if (c === '{') open.push('brace');
    else if (c === '}') open.pop(); // a brace of an earlier line, when none is open here
  }
  return !open.includes('template');
}

/** The holes of `text` (a result of formatting or compiling `withHoles(…).text`) filled with `lines`. */
export function fillHoles(text: string, lines: readonly string[]): string {
  if (lines.length === 0) return text;
  return text.replace(HOLE, (_, index: string) => lines[Number(index)]!);
}
