/**
 * The one Markdown processor: remark-parse + remark-gfm (tables) + our `:::` containers.
 * Frozen once, reused for every page; positions are kept on every node.
 *
 * A page is parsed section by section (chunks.ts) and the pieces joined, with positions moved to
 * where each piece starts in the page: the tree is the one a whole-page parse gives, in time
 * linear in the page's length.
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point, Position } from 'unist';
import { type Chunk, splitChunks } from './chunks.js';
import remarkContainers from './containers.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const containers = remarkContainers();

/** Markdown text → mdast with containers folded in. */
export function parseMarkdown(text: string): Root {
  const tree = parseWhole(text);
  containers(tree);
  return tree;
}

/** The mdast of `text` (no containers yet), chunk by chunk when the page allows it. */
function parseWhole(text: string): Root {
  const chunked = splitChunks(text);
  if (!chunked || chunked.chunks.length < 2) return parser.parse(text);
  const children: RootContent[] = [];
  for (const chunk of chunked.chunks) children.push(...parseChunk(chunk, chunked.definitions));
  const end = endPoint(text);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** One chunk's top-level nodes, positioned in the page; the appended definitions are left out. */
function parseChunk(chunk: Chunk, definitions: string): RootContent[] {
  const text = definitions === '' ? chunk.text : `${chunk.text}\n\n${definitions}\n`;
  const nodes = parser.parse(text).children.filter((n) => (n.position?.start.offset ?? 0) < chunk.text.length);
  if (chunk.offset > 0) for (const node of nodes) shift(node, chunk);
  return nodes;
}

/** Move every position below `node` by the chunk's start (lines and offsets; columns stay). */
function shift(node: RootContent, by: Chunk): void {
  const moved = new Set<Point>();
  const move = (p: Point) => {
    if (moved.has(p)) return;
    moved.add(p);
    p.line += by.line;
    if (p.offset !== undefined) p.offset += by.offset;
  };
  const stack: { position?: Position; children?: unknown }[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      move(n.position.start);
      move(n.position.end);
    }
    if (Array.isArray(n.children)) stack.push(...(n.children as { position?: Position }[]));
  }
}

/** Where a whole-page parse ends the root: the end of the text. */
function endPoint(text: string): Point {
  const lastBreak = text.lastIndexOf('\n');
  const line = text.split('\n').length;
  return { line, column: text.length - lastBreak, offset: text.length };
}
