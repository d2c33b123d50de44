/**
 * remark plugin: VitePress custom containers as `container` nodes.
 *
 *     ::: details 点击查看响应示例数据        { type: 'container', kind: 'details',
 *     ```json … ```                    →      title: '点击查看响应示例数据',
 *     :::                                     children: [code] }
 *
 * micromark has no container syntax for `:::`, so the fences arrive as paragraphs (`::: tip 提示\n
 * 该 API 没有参数\n:::` is a single paragraph). We split such paragraphs at fence lines, then fold
 * the root's children between an opening and a closing fence into one node; containers nest by
 * colon count (`:::: details` holding a `::: tip`). A container left open is closed at the next
 * opening fence of as many colons, or the next heading, and marked `unclosed`, so it never swallows
 * the rest of the page.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Position } from 'unist';

export interface Container {
  type: 'container';
  kind: string;
  title: string;
  /** True when no closing `:::` was found before the next container or heading. */
  unclosed: boolean;
  children: RootContent[];
  position?: Position;
}

declare module 'mdast' {
  interface RootContentMap {
    container: Container;
  }
}

interface Fence {
  type: 'fence';
  kind?: string;
  /** How many colons open or close it (3 or more). */
  colons: number;
  title: string;
  position?: Position;
}

const FENCE = /^:{3,}[ \t]*([A-Za-z-]*)[ \t]*(.*)$/;

export default function remarkContainers() {
  return (tree: Root): void => {
    const flat = tree.children.flatMap((node): (RootContent | Fence)[] =>
      node.type === 'paragraph' ? splitParagraph(node) : [node],
    );
    tree.children = fold(flat);
  };
}

/**
 * Fold fences into containers. Nesting follows the colon count, as VitePress reads it: an opening
 * fence with fewer colons than the open container nests inside it, and a closing fence closes the
 * open container with the same count (a longer one closes the innermost).
 *
 *     :::: details 示例           details (4)
 *     ::: tip 说明                  └ tip (3)
 *     :::                           (closes the tip)
 *     ::::                        (closes the details)
 *
 * An opening fence with as many colons as the open container closes that one first, unclosed: flat
 * pages often leave a `::: details` open before the next one.
 */
function fold(nodes: readonly (RootContent | Fence)[]): RootContent[] {
  const out: RootContent[] = [];
  const open: { container: Container; colons: number }[] = [];
  const close = (depth: number, unclosed: boolean, end?: Position) => {
    while (open.length > depth) {
      const { container } = open.pop()!;
      const last = open.length === depth;
      container.unclosed = last ? unclosed : true;
      if (last && container.position && end) container.position = { start: container.position.start, end: end.end };
      (open.at(-1)?.container.children ?? out).push(container);
    }
  };
  for (const node of nodes) {
    if (node.type === 'fence') {
      if (node.kind) {
        const keep = open.findIndex((o) => o.colons <= node.colons);
        if (keep >= 0) close(keep, true);
        open.push({ container: containerOf(node), colons: node.colons });
        continue;
      }
      const exact = lastIndex(open, (o) => o.colons === node.colons);
      const index = exact >= 0 ? exact : lastIndex(open, (o) => o.colons < node.colons);
      if (index >= 0) close(index, false, node.position);
      else (open.at(-1)?.container.children ?? out).push(strayFence(node));
      continue;
    }
    if (node.type === 'heading') close(0, true);
    (open.at(-1)?.container.children ?? out).push(node);
  }
  close(0, true);
  return out;
}

function lastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

function containerOf(fence: Fence): Container {
  return {
    type: 'container',
    kind: fence.kind!,
    title: fence.title,
    unclosed: false,
    children: [],
    position: fence.position,
  };
}

/** A closing fence with nothing open: keep it visible as text so the builder can report it. */
function strayFence(fence: Fence): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: ':'.repeat(fence.colons), position: fence.position }],
    position: fence.position,
  };
}

/** Split a paragraph into fences and the paragraphs between them (no-op without fence lines). */
function splitParagraph(node: Paragraph): (Paragraph | Fence)[] {
  const lines = splitLines(node.children);
  if (!lines.some(isFenceLine)) return [node];
  const out: (Paragraph | Fence)[] = [];
  let pending: PhrasingContent[][] = [];
  const flush = () => {
    const kept = trimEmptyLines(pending);
    if (kept.length > 0) out.push(paragraphOf(kept));
    pending = [];
  };
  for (const line of lines) {
    if (!isFenceLine(line)) {
      pending.push(line);
      continue;
    }
    flush();
    const text = line[0] as Text;
    const match = FENCE.exec(lineText(line).trim());
    out.push({
      type: 'fence',
      kind: match?.[1] || undefined,
      colons: /^:+/.exec(lineText(line).trim())![0].length,
      title: (match?.[2] ?? '').trim(),
      position: text.position,
    });
  }
  flush();
  return out;
}

/** A line starting with `:::` text; the title may hold inline code (`::: details 查看 \`NapCat\` 示例`). */
function isFenceLine(line: readonly PhrasingContent[]): boolean {
  return line[0]?.type === 'text' && /^\s*:{3,}/.test(line[0].value) && FENCE.test(lineText(line).trim());
}

function lineText(line: readonly PhrasingContent[]): string {
  return line
    .map((n) => ('value' in n ? n.value : 'children' in n ? lineText(n.children as PhrasingContent[]) : ''))
    .join('');
}

function trimEmptyLines(lines: PhrasingContent[][]): PhrasingContent[][] {
  return lines.filter((line) => line.some((n) => n.type !== 'text' || n.value.trim() !== ''));
}

/** Re-join lines with the newline text nodes they were split at. */
function paragraphOf(lines: PhrasingContent[][]): Paragraph {
  const children: PhrasingContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push({ type: 'text', value: '\n' });
    children.push(...line);
  });
  const first = children.find((n) => n.position)?.position;
  const last = [...children].reverse().find((n) => n.position)?.position;
  return { type: 'paragraph', children, position: first && last ? { start: first.start, end: last.end } : undefined };
}

/** Phrasing children → lines, splitting text nodes at `\n` with positions kept per piece. */
function splitLines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines[lines.length - 1]!.push(child);
      continue;
    }
    child.value.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') lines[lines.length - 1]!.push(textPiece(child, piece, i));
    });
  }
  return lines;
}

/** The i-th line of a multi-line text node: same column on line 0, column 1 after that. */
function textPiece(node: Text, value: string, i: number): Text {
  const start = node.position?.start;
  if (!start) return { type: 'text', value };
  const line = start.line + i;
  const column = i === 0 ? start.column : 1;
  return {
    type: 'text',
    value,
    position: { start: { line, column }, end: { line, column: column + value.length } },
  };
}
