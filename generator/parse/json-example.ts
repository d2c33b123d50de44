/**
 * The text of a ```json example block → values, comments and problems.
 *
 * The docs write JSONC (comments, trailing commas) and often put several top-level values in one
 * block, each introduced by a comment naming an implementation:
 *
 *     { "flag": "请求标识" }              → { value: { flag: '请求标识' }, line: 1 }
 *     // lagrange
 *     {
 *       "reason": "string" // [!code error] 可选 拒绝原因
 *     }                                  → { value: { reason: 'string' }, lead: 'lagrange', line: 3,
 *                                            comments: [{ path: 'reason', text: '可选 拒绝原因', marker: 'error' }] }
 *
 * A scanner pass splits the text into top-level chunks by bracket depth (so a broken chunk does not
 * swallow the well-formed ones after it, unless its brackets are unbalanced) and collects every
 * comment; each chunk is then parsed with `parseTree`.
 *
 * Where a comment goes:
 * - between top-level values: on the line where the previous value ends → that value, path ``;
 *   otherwise → `lead` of the next value (several lines joined with `\n`); after the last value →
 *   the last value, path ``.
 * - inside an object: the property it follows (`"a": 1, // x` and a comment on its own line after
 *   `a` both give `a`); before the first property → the object's own path.
 * - inside an array: the element that follows it, whatever line it is on
 *   (`[ // 返回值1 \n {…}, // 返回值2 \n {…} ]` → `.0`, `.1`); after the last element → the last
 *   element; in an empty array → the array's own path.
 */
import { createScanner, ParseErrorCode, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { ExampleComment } from '../model/types.js';

export interface ParsedJsonValue {
  value: unknown;
  comments: ExampleComment[];
  /** Text of a `//` comment on its own line(s) directly before this top-level value, e.g. "lagrange". */
  lead?: string;
  /** 1-based, relative to the code text. */
  line: number;
  column: number;
}

export interface JsonProblem {
  message: string;
  /** 1-based, relative to the code text. */
  line: number;
  column: number;
}

/** A comment as scanned: `text` is without `//` or `/* *\/`, untrimmed. */
interface RawComment {
  offset: number;
  text: string;
}

/** A top-level value's text range, `[start, end)`. */
interface Chunk {
  start: number;
  end: number;
}

export function parseJsonExample(text: string): { values: ParsedJsonValue[]; problems: JsonProblem[] } {
  const lines = lineStarts(text);
  const { chunks, comments } = scan(text);
  const values: ParsedJsonValue[] = [];
  const problems: JsonProblem[] = [];
  const parsed = chunks.map((chunk) => parseChunk(text, chunk));
  chunks.forEach((chunk, i) => {
    const result = parsed[i];
    if (!result || 'error' in result) {
      if (result) problems.push({ message: describeError(result.error), ...position(lines, result.error.offset) });
      return;
    }
    const inner = comments.filter((c) => c.offset > chunk.start && c.offset < chunk.end);
    const value: ParsedJsonValue = {
      value: nodeValue(result.root),
      comments: inner.map((c) => toExampleComment(innerPath(result.root, c.offset), c.text)),
      ...position(lines, chunk.start),
    };
    values.push(value);
    attachOuter(text, chunk, chunks[i - 1], chunks[i + 1], comments, value);
  });
  return { values, problems };
}

/** Split into top-level chunks by bracket depth; collect all comments. */
function scan(text: string): { chunks: Chunk[]; comments: RawComment[] } {
  const scanner = createScanner(text, false);
  const chunks: Chunk[] = [];
  const comments: RawComment[] = [];
  let open: Chunk | undefined;
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const end = offset + scanner.getTokenLength();
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) {
      comments.push({ offset, text: commentBody(text.slice(offset, end), token) });
      continue;
    }
    if (token === SyntaxKind.LineBreakTrivia || token === SyntaxKind.Trivia) continue;
    open ??= { start: offset, end };
    open.end = end;
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
    else if ((token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) && depth > 0) depth--;
    if (depth === 0) {
      chunks.push(open);
      open = undefined;
    }
  }
  if (open) chunks.push(open);
  return { chunks, comments };
}

/** `// x` → ` x`; `/* x *\/` → ` x ` (an unterminated block comment keeps what there is). */
function commentBody(raw: string, token: SyntaxKind): string {
  if (token === SyntaxKind.LineCommentTrivia) return raw.slice(2);
  return raw.slice(2, raw.endsWith('*/') && raw.length >= 4 ? -2 : undefined);
}

/** Parse one chunk; the first error wins (later ones are mostly fallout from it). */
function parseChunk(text: string, chunk: Chunk): { root: Node } | { error: ParseError } {
  const errors: ParseError[] = [];
  const root = parseTree(text.slice(chunk.start, chunk.end), errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first) return { error: { ...first, offset: first.offset + chunk.start } };
  if (!root) return { error: { error: ParseErrorCode.ValueExpected, offset: chunk.start, length: 0 } };
  return { root };
}

/** `CommaExpected` → `invalid JSON: comma expected`. */
function describeError(error: ParseError): string {
  const name = printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `invalid JSON: ${name}`;
}

/** Like `getNodeValue`, but objects are plain (`Object.fromEntries`, so `__proto__` stays a key). */
function nodeValue(node: Node): unknown {
  const children = node.children ?? [];
  if (node.type === 'array') return children.map(nodeValue);
  if (node.type !== 'object') return node.value;
  return Object.fromEntries(
    children.flatMap(({ children: [key, value] = [] }) =>
      key && value ? [[String(key.value), nodeValue(value)]] : [],
    ),
  );
}

/** Put the top-level comments around `chunk` on it: trailing ones as path ``, leading ones as `lead`. */
function attachOuter(
  text: string,
  chunk: Chunk,
  prev: Chunk | undefined,
  next: Chunk | undefined,
  comments: readonly RawComment[],
  into: ParsedJsonValue,
): void {
  const endLine = lineEnd(text, chunk.end - 1);
  const before = comments.filter((c) => c.offset < chunk.start && (!prev || c.offset >= prev.end));
  const leading = prev ? before.filter((c) => c.offset > lineEnd(text, prev.end - 1)) : before;
  if (leading.length > 0) into.lead = leading.map((c) => c.text.trim()).join('\n');
  const after = comments.filter((c) => c.offset >= chunk.end && (!next || c.offset < next.start));
  const trailing = next ? after.filter((c) => c.offset < endLine) : after;
  into.comments.push(...trailing.map((c) => toExampleComment('', c.text)));
}

/** Offset of the line break ending the line that holds `offset` (or the text length). */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}

const MARKER = /\[!code\s+(\+\+|--|error|warning|focus|highlight)(?::\d+)?\]/g;

/** ` [!code ++] 仅 napcat 存在此参数` → `{ text: '仅 napcat 存在此参数', marker: '++' }`. */
function toExampleComment(path: string, body: string): ExampleComment {
  const marker = [...body.matchAll(MARKER)][0]?.[1];
  const text = body.replace(MARKER, ' ').replace(/\s+/g, ' ').trim();
  return marker === undefined ? { path, text } : { path, text, marker };
}

/** Dotted path a comment at `offset` inside `root` attaches to (rules in the file comment). */
function innerPath(root: Node, offset: number): string {
  let node = root;
  const path: (string | number)[] = [];
  for (;;) {
    const step = childAround(node, offset);
    if (!step) break;
    path.push(step.key);
    node = step.node;
  }
  const target = attachTarget(node, offset);
  return (target === undefined ? path : [...path, target]).join('.');
}

/** The child container of `node` that strictly contains `offset`, with its key or index. */
function childAround(node: Node, offset: number): { key: string | number; node: Node } | undefined {
  const children = node.children ?? [];
  for (const [index, child] of children.entries()) {
    const value = node.type === 'object' ? child.children?.[1] : child;
    if (!value || (value.type !== 'object' && value.type !== 'array')) continue;
    if (value.offset < offset && offset < value.offset + value.length) {
      const key = node.type === 'object' ? String(child.children?.[0]?.value) : index;
      return { key, node: value };
    }
  }
  return undefined;
}

/** Inside container `node`: the property before `offset`, or the array element after it. */
function attachTarget(node: Node, offset: number): string | number | undefined {
  const children = node.children ?? [];
  if (node.type === 'object') {
    const before = children.filter((p) => p.offset < offset).at(-1);
    return before === undefined ? undefined : String(before.children?.[0]?.value);
  }
  if (children.length === 0) return undefined;
  const after = children.findIndex((e) => e.offset > offset);
  return after === -1 ? children.length - 1 : after;
}

/** Offsets at which each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based offset → 1-based line and column. */
function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
