/**
 * The one Markdown processor: remark-parse + remark-gfm (tables) + our `:::` containers.
 * Frozen once, reused for every page; positions are kept on every node.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkContainers from './containers.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkContainers).freeze();

/** Markdown text → mdast with containers folded in. */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}
