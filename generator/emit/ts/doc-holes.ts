/**
 * The words of a printed module's JSDoc comments, taken out and put back.
 *
 * Most edits of the docs change prose: a description, a note, or the line a section starts on
 * (every `@see` below an edit moves). In the generated modules that prose is JSDoc text, which
 * prettier and the TypeScript compiler copy as it is: each line of a comment trimmed, after an
 * indentation of their own (JSDoc is not parsed when compiling, see compiled.ts). So formatting or
 * compiling a text whose comments hold numbered holes instead, then filling the holes, gives what
 * formatting or compiling the text itself gives (test/emit/ts/doc-holes.test.ts holds this on the
 * docs with every description and line changed, and lines added). The caches of formatted
 * statements and of compiled twins are keyed by the text with holes: an edit of prose costs no
 * prettier or TypeScript work.
 *
 *     /**                                 /**
 *      * 获取 Cookies — `get_cookies`   →    * <hole 0>       lines ['* 获取 Cookies — `get_cookies`\n*\n* @see docs-src/api/bot.md:210',
 *      *                                    *\/                       'Name of an action.']
 *      * @see docs-src/api/bot.md:210     /** <hole 1> *\/
 *      *\/
 *     /** Name of an action. *\/
 *
 * Only the comment shapes the emitters print are recognised: a block that opens with `/**` alone
 * on its line, has a `*` at the start of every line and closes with `*\/` alone; or a one-line
 * `/** … *\/` alone on its line. A text with anything that makes this reading unsafe (a template
 * that may go on past its line, a comment of another shape) is taken as it is, with no holes.
 */

/**
 * Holes are private-use characters (a text that holds any is never holed): `OPEN n CLOSE` stands
 * for the words of a one-line comment; a line `* BLOCK n CLOSE` for all the lines of a block.
 */
const OPEN = '\uE000';
const BLOCK = '\uE002';
const CLOSE = '\uE001';
const WORDS_HOLE = /\uE000(\d+)\uE001/g;
/** A block's hole as the tools print it: whatever indentation they give it, then `* hole`. */
const BLOCK_HOLE = /^(.*)\* \uE002(\d+)\uE001$/gm;

const BLOCK_OPEN = /^\s*\/\*\*\s*$/;
const BLOCK_CLOSE = /^\s*\*\/\s*$/;
/** Inside a block: the indentation, then `*` and the rest. */
const BLOCK_LINE = /^(\s*)(\*.*)$/;
/** `/** text *\/` alone on its line. */
const ONE_LINE = /^(\s*\/\*\* )(.*?)( \*\/\s*)$/;
/** A comment that is not JSDoc, alone on its line: `// …`, `/* … *\/` (the header, eslint-disable). */
const OTHER_COMMENT = /^\s*(\/\/.*|\/\*(?!\*)(?:(?!\*\/).)*\*\/\s*)$/;

/** A text with the words of its comments taken out, and those words in order. */
export interface Holes {
  readonly text: string;
  readonly lines: readonly string[];
}

/**
 * The text with the words of its JSDoc comments replaced by numbered holes, and those words in
 * order: a block's lines, each trimmed, as one entry (so a description that gains a line is still
 * the same text with holes); a one-line comment's words. The text itself, with no lines, when it
 * cannot be read safely (see above).
 *
 * Filling relies on how both tools print a block: each line trimmed, after an indentation that is
 * the same for lines that had the same one. So every line of a block must have the same.
 */
export function withHoles(text: string): Holes {
  const asIs = { text, lines: [] };
  // prettier reads `@type` and `@satisfies` in a comment (it keeps the brackets of a cast after one).
  if (!text.includes('/**') || /[\uE000-\uE002]|@(type|satisfies)\b/.test(text)) return asIs;
  const lines: string[] = [];
  const out: string[] = [];
  let block: { indent: string; lines: string[] } | undefined;
  for (const line of text.split('\n')) {
    if (block) {
      if (BLOCK_CLOSE.test(line)) {
        if (block.lines.length > 0)
          out.push(`${block.indent}* ${BLOCK}${lines.push(block.lines.join('\n')) - 1}${CLOSE}`);
        out.push(line);
        block = undefined;
        continue;
      }
      const m = BLOCK_LINE.exec(line);
      if (!m || m[2]!.includes('*/') || (block.lines.length > 0 && m[1] !== block.indent)) return asIs;
      block.indent = m[1]!;
      block.lines.push(m[2]!.trimEnd());
    } else if (BLOCK_OPEN.test(line)) {
      block = { indent: '', lines: [] };
      out.push(line);
    } else {
      const m = ONE_LINE.exec(line);
      if (m && m[2] !== '' && !m[2]!.includes('*/') && m[2]!.trim() === m[2]) {
        out.push(`${m[1]}${OPEN}${lines.push(m[2]!) - 1}${CLOSE}${m[3]}`);
      } else if (OTHER_COMMENT.test(line)) out.push(line);
      else if (line.includes('/*') || (line.includes('`') && !templatesClose(line))) return asIs;
      else out.push(line);
    }
  }
  return block ? asIs : { text: out.join('\n'), lines };
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
  return text
    .replace(BLOCK_HOLE, (_, indent: string, index: string) =>
      lines[Number(index)]!.split('\n')
        .map((line) => indent + line)
        .join('\n'),
    )
    .replace(WORDS_HOLE, (_, index: string) => lines[Number(index)]!);
}
