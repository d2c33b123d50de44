/**
 * remark plugin: VitePress custom containers as `container` nodes.
 *
 *     ::: details 点击查看响应示例数据        { type: 'container', kind: 'details',
 *     ```json … ```                    →      title: '点击查看响应示例数据',
 *     :::                                     children: [code] }
 *
 * micromark has no container syntax for `:::`, so the fences arrive as paragraphs (`::: tip 提示\n
 * 该 API 没有参数\n:::` is a single paragraph). We split such paragraphs at fence lines, then fold
 * the root's children between an opening and a closing fence into one node. A container left open
 * is closed at the next opening fence or heading and marked `unclosed`, so it never swallows the
 * rest of the page.
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

/** Fold fences into containers; the only nesting is one level, as VitePress pages use it. */
function fold(nodes: readonly (RootContent | Fence)[]): RootContent[] {
  const out: RootContent[] = [];
  let open: Container | undefined;
  const close = (unclosed: boolean, end?: Position) => {
    if (!open) return;
    open.unclosed = unclosed;
    if (open.position && end) open.position = { start: open.position.start, end: end.end };
    out.push(open);
    open = undefined;
  };
  for (const node of nodes) {
    if (node.type === 'fence') {
      if (node.kind) {
        close(true);
        open = {
          type: 'container',
          kind: node.kind,
          title: node.title,
          unclosed: false,
          children: [],
          position: node.position,
        };
      } else if (open) close(false, node.position);
      else out.push(strayFence(node));
      continue;
    }
    if (node.type === 'heading') close(true);
    if (open) open.children.push(node);
    else out.push(node);
  }
  close(true);
  return out;
}

/** A closing fence with nothing open: keep it visible as text so the builder can report it. */
function strayFence(fence: Fence): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: ':::', position: fence.position }],
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
