/** Plain text of mdast nodes, as the docs show it (inline code keeps its content, no backticks). */
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';

export function textOf(node: Node | readonly Node[] | undefined): string {
  if (!node) return '';
  return (Array.isArray(node) ? node.map((n) => toString(n)).join('') : toString(node as Node)).trim();
}

/** Prose for JSDoc: collapse runs of whitespace inside a line, keep line breaks. */
export function proseOf(node: Node | readonly Node[] | undefined): string {
  return textOf(node)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
