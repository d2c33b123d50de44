/**
 * A page cut at its `##` headings, so each piece is parsed on its own. micromark rewrites the whole
 * event list of a document each time a list or block quote closes, so one parse of a page costs
 * time quadratic in its length; parsing the sections one by one keeps a page of any size linear.
 *
 *     # 标题             ─┐ chunk 0 (offset 0, line 0)
 *     text               │
 *                       ─┘
 *     ## 第一节          ─┐ chunk 1
 *     - `get_thing`      │
 *                       ─┘
 *     ## 第二节          ── chunk 2 …
 *     [get_thing]: ./x.md#第一节     (a definition: appended to every chunk, see `definitions`)
 *
 * A cut is made only where the tree cannot differ from a whole-page parse: at a `##` line that
 * starts in column 0 and follows a blank line, outside fenced code. Reference definitions are page-wide in Markdown, so
 * each chunk is parsed with the page's definitions appended after it (the parser then drops those
 * copies). A page with what this scanner cannot place exactly (a definition inside a block quote,
 * or continuing a paragraph; raw `<pre>`, `<script>`, comments; footnotes; a fence opened with
 * indentation, maybe inside a list item) is parsed whole, so unusual Markdown is still read exactly
 * as before.
 */

/** One piece of a page: its text, and where it starts in the page (0-based offset and line). */
export interface Chunk {
  readonly text: string;
  readonly offset: number;
  readonly line: number;
}

export interface Chunked {
  readonly chunks: readonly Chunk[];
  /** The page's top-level reference definitions, one per line, to append to each chunk. */
  readonly definitions: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** At column 0: an indented `##` after a blank line may still belong to a list item. */
const SECTION = /^##(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\\n]|\\.)+\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
/** Anything that could be (part of) a definition or footnote the simple pattern does not cover. */
const DEFINITION_LIKE = /\]:/;
/**
 * A fence opened with indentation may belong to a list item, and end with it rather than at its
 * closing fence: the scanner cannot tell, so such pages are parsed whole.
 */
const INDENTED_FENCE = /^[ \t]+(`{3,}|~{3,})/;
/** HTML blocks that may hold blank lines (CommonMark kinds 1–5). */
const RAW_HTML = /^ {0,3}<(?:script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)/i;

/** The page's chunks, or undefined when it must be parsed whole (see the file comment). */
export function splitChunks(text: string): Chunked | undefined {
  const lines = text.split('\n');
  const cuts: number[] = [0];
  const definitions: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let blankBefore = true;
  let previousDefinition = false;
  for (const [i, line] of lines.entries()) {
    const open = FENCE.exec(line);
    if (fence) {
      if (open && open[1]![0] === fence.char && open[1]!.length >= fence.length && open[2]!.trim() === '')
        fence = undefined;
      blankBefore = false;
      continue;
    }
    if (INDENTED_FENCE.test(line)) return undefined;
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      blankBefore = previousDefinition = false;
      continue;
    }
    if (RAW_HTML.test(line)) return undefined;
    if (DEFINITION_LIKE.test(line)) {
      if (!DEFINITION.test(line) || !(blankBefore || previousDefinition)) return undefined;
      definitions.push(line.trimStart()); // at column 0, so it cannot continue a list item
      previousDefinition = true;
      blankBefore = false;
      continue;
    }
    if (SECTION.test(line) && blankBefore && i > 0) cuts.push(i);
    blankBefore = line.trim() === '';
    previousDefinition = false;
  }
  if (fence) return undefined;
  return { chunks: chunksAt(lines, cuts), definitions: definitions.join('\n') };
}

/** Lines → chunks starting at the given line indexes (the first is 0). */
function chunksAt(lines: readonly string[], cuts: readonly number[]): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 0;
  cuts.forEach((start, k) => {
    const end = cuts[k + 1] ?? lines.length;
    const piece = lines.slice(start, end).join('\n') + (end < lines.length ? '\n' : '');
    chunks.push({ text: piece, offset, line: start });
    offset += piece.length;
  });
  return chunks;
}
