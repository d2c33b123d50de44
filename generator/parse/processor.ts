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

/** Markdown text → mdast with containers folded in; `trees` reuses chunks parsed before (watch mode). */
export function parseMarkdown(text: string, trees?: ChunkTrees): Root {
  const tree = parseWhole(text, trees);
  containers(tree);
  return tree;
}

/**
 * Chunk trees from earlier parses, by chunk text and the page's definitions, so an edit to one
 * section of a page parses that section again and not the page. Trees are kept as parsed (before
 * being moved to where the chunk starts) and handed out as copies; chunks not used in a run are
 * forgotten at its end.
 */
export class ChunkTrees {
  private current = new Map<string, RootContent[]>();
  private next = new Map<string, RootContent[]>();
  private parsed = 0;
  /** How many chunks the last finished run parsed, and how many it took from here. */
  lastRun = { parsed: 0, reused: 0 };

  /** The chunk's nodes (a copy to move and keep), parsing them only if they are not known. */
  nodesOf(key: string, parse: () => RootContent[]): RootContent[] {
    let nodes = this.next.get(key) ?? this.current.get(key);
    if (!nodes) {
      nodes = parse();
      this.parsed++;
    }
    this.next.set(key, nodes);
    return structuredClone(nodes);
  }

  endRun(): void {
    this.lastRun = { parsed: this.parsed, reused: this.next.size - this.parsed };
    this.current = this.next;
    this.next = new Map();
    this.parsed = 0;
  }
}

/** The mdast of `text` (no containers yet), chunk by chunk when the page allows it. */
function parseWhole(text: string, trees: ChunkTrees | undefined): Root {
  const chunked = splitChunks(text);
  if (!chunked || chunked.chunks.length < 2) return parser.parse(text);
  const children: RootContent[] = [];
  for (const chunk of chunked.chunks) {
    const parse = () => parseChunk(chunk, chunked.definitions);
    const nodes = trees ? trees.nodesOf(`${chunk.text}\0${chunked.definitions}`, parse) : parse();
    if (chunk.offset > 0) for (const node of nodes) shift(node, chunk);
    children.push(...nodes);
  }
  const end = endPoint(text);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** One chunk's top-level nodes, positioned as if the chunk were a page; the appended definitions are left out. */
function parseChunk(chunk: Chunk, definitions: string): RootContent[] {
  const text = definitions === '' ? chunk.text : `${chunk.text}\n\n${definitions}\n`;
  return parser.parse(text).children.filter((n) => (n.position?.start.offset ?? 0) < chunk.text.length);
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
