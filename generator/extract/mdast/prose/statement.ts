/**
 * A sentence of the docs as the intent readers see it: its words, with every inline code span,
 * implementation name and link replaced by one marker character that says what it is.
 *
 *     参数 `notify` 在 `NapCat` 和 `Lagrange` 中都不生效
 *       → shape "参数 Ⓕ 在 Ⓘ 和 Ⓘ 中都不生效", marks [notify (field), napcat, lagrange]
 *
 *     `Lagrange`: 返回当前机器人的 QQ 号，类型为 `number`
 *       → shape "Ⓘ: 返回当前机器人的 QQ 号，类型为 Ⓣ", marks [lagrange, number (type)]
 *
 * Readers match a small vocabulary around the markers (`vocabulary.ts`), never whole sentences, so
 * another wording of the same statement reads the same.
 */
import type { PhrasingContent } from 'mdast';
import type { ImplId, TypeRef } from '../../../model/types.js';
import { implFromName } from '../impls.js';

/** Marker characters (private use area, so no docs text contains them). */
export const FIELD = '\uE001';
export const IMPL = '\uE002';
export const TYPE = '\uE003';
export const VALUE = '\uE004';
export const LINK = '\uE005';

export type Mark =
  | { readonly kind: 'field'; readonly name: string; readonly at: number }
  | { readonly kind: 'impl'; readonly impl: ImplId; readonly at: number }
  | { readonly kind: 'type'; readonly type: TypeRef; readonly name: string; readonly at: number }
  | { readonly kind: 'value'; readonly value: string; readonly at: number }
  | { readonly kind: 'link'; readonly text: string; readonly url: string; readonly at: number };

export interface Statement {
  /** The words, markers in place of code, implementation names and links; spaces collapsed, line breaks kept. */
  readonly shape: string;
  /** One per marker, in order; `at` is the marker's index in `shape`. */
  readonly marks: readonly Mark[];
}

const MARK_OF: Readonly<Record<Mark['kind'], string>> = {
  field: FIELD,
  impl: IMPL,
  type: TYPE,
  value: VALUE,
  link: LINK,
};

/** Type words written in inline code: `number`, `string[]`, `int64`. */
const CODE_TYPES: Readonly<Record<string, TypeRef>> = {
  string: { kind: 'string' },
  str: { kind: 'string' },
  number: { kind: 'number' },
  integer: { kind: 'number' },
  int: { kind: 'number', format: 'int32' },
  int32: { kind: 'number', format: 'int32' },
  int64: { kind: 'number', format: 'int64' },
  long: { kind: 'number', format: 'int64' },
  float: { kind: 'number', format: 'float' },
  double: { kind: 'number', format: 'double' },
  boolean: { kind: 'boolean' },
  bool: { kind: 'boolean' },
  null: { kind: 'null' },
};

/** Implementation names written without code: `仅 NapCat 可用`, `点击查看 Lagrange 响应示例`. */
const BARE_IMPL = /napcat|lagrange(?:\.onebot)?|go-?cq(?:http)?/gi;
/** Text that puts the code after it in the place of a value: `默认为 \`file\``, `= \`true\``. */
const VALUE_POSITION = /(?:为|是|等于|=)\s*$/;
const IDENTIFIER = /^[A-Za-z_][\w.]*$/;

/** Phrasing content (a paragraph, a list item's first line, a tip's body) → a statement. */
export function statementOf(nodes: readonly PhrasingContent[]): Statement {
  const builder = { shape: '', marks: [] as Mark[] };
  walk(builder, nodes);
  return fieldsBeforeNouns(trimStatement(builder));
}

/** Code in a value's place that a noun follows is a field after all: `下表为 \`owner\` 的字段`. */
function fieldsBeforeNouns(s: Statement): Statement {
  const marks = s.marks.map((m): Mark => {
    if (m.kind !== 'value' || !IDENTIFIER.test(m.value) || /^(true|false)$/i.test(m.value)) return m;
    return /^\s*(?:的|字段|参数|对象|数组|列表)/.test(s.shape.slice(m.at + 1))
      ? { kind: 'field', name: m.value, at: m.at }
      : m;
  });
  const shape = s.shape
    .split('')
    .map((ch, i) => (marks.some((m) => m.at === i && m.kind === 'field') ? FIELD : ch))
    .join('');
  return { shape, marks };
}

function walk(b: { shape: string; marks: Mark[] }, nodes: readonly PhrasingContent[]): void {
  for (const node of nodes) {
    if (node.type === 'inlineCode') push(b, codeMark(node.value.trim(), b.shape));
    else if (node.type === 'link') push(b, { kind: 'link', text: plain(node.children), url: node.url, at: 0 });
    else if (node.type === 'text') text(b, node.value);
    else if (node.type === 'break') b.shape += '\n';
    else if ('children' in node) walk(b, node.children as PhrasingContent[]);
  }
}

function text(b: { shape: string; marks: Mark[] }, value: string): void {
  let last = 0;
  for (const m of value.matchAll(BARE_IMPL)) {
    b.shape += value.slice(last, m.index);
    push(b, { kind: 'impl', impl: implFromName(m[0])!, at: 0 });
    last = m.index + m[0].length;
  }
  b.shape += value.slice(last);
}

function push(b: { shape: string; marks: Mark[] }, mark: Mark): void {
  b.marks.push({ ...mark, at: b.shape.length });
  b.shape += MARK_OF[mark.kind];
}

/** What one inline code span is: an implementation, a type word, a value or a field name. */
function codeMark(value: string, before: string): Mark {
  const impl = implFromName(value);
  if (impl) return { kind: 'impl', impl, at: 0 };
  const array = value.endsWith('[]');
  const word = CODE_TYPES[(array ? value.slice(0, -2) : value).toLowerCase()];
  if (word) return { kind: 'type', type: array ? { kind: 'array', element: word } : word, name: value, at: 0 };
  if (!IDENTIFIER.test(value) || /^(true|false)$/i.test(value) || VALUE_POSITION.test(before))
    return { kind: 'value', value, at: 0 };
  return { kind: 'field', name: value, at: 0 };
}

function plain(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) => ('value' in n ? n.value : 'children' in n ? plain(n.children as PhrasingContent[]) : ''))
    .join('');
}

/** Collapse runs of spaces to one and trim, moving the marks with their characters. */
function trimStatement(b: { shape: string; marks: Mark[] }): Statement {
  let shape = '';
  const moved: Mark[] = [];
  let next = 0;
  for (let i = 0; i < b.shape.length; i++) {
    const ch = b.shape[i]!;
    if (/\s/.test(ch)) {
      // Line breaks separate clauses; other whitespace runs become one space.
      if (ch === '\n') shape = shape === '' ? '' : shape.trimEnd() + '\n';
      else if (shape !== '' && !/[ \n]$/.test(shape)) shape += ' ';
      continue;
    }
    if (next < b.marks.length && b.marks[next]!.at === i) moved.push({ ...b.marks[next++]!, at: shape.length });
    shape += ch;
  }
  return { shape: shape.trimEnd(), marks: moved };
}

/** A part of a statement between clause punctuation (`，` `；` `。` …), with the marks inside it. */
export interface Clause extends Statement {
  /** Index of the clause's first character in the whole statement's shape. */
  readonly offset: number;
}

const CLAUSE_BREAK = /[，,；;。！!？?\n]/;

export function clausesOf(s: Statement): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= s.shape.length; i++) {
    if (i < s.shape.length && !CLAUSE_BREAK.test(s.shape[i]!)) continue;
    const raw = s.shape.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const shape = raw.trim();
    if (shape !== '') {
      const offset = start + lead;
      const marks = s.marks
        .filter((m) => m.at >= offset && m.at < offset + shape.length)
        .map((m) => ({ ...m, at: m.at - offset }));
      out.push({ shape, marks, offset });
    }
    start = i + 1;
  }
  return out;
}

/** The distinct implementations a statement names, in order of first mention. */
export function implsOf(s: Statement): ImplId[] {
  const out: ImplId[] = [];
  for (const m of s.marks) if (m.kind === 'impl' && !out.includes(m.impl)) out.push(m.impl);
  return out;
}

export function fieldsOf(s: Statement): string[] {
  return s.marks.flatMap((m) => (m.kind === 'field' ? [m.name] : []));
}

/** The mark at a shape index (the marker character there). */
export function markAt(s: Statement, index: number): Mark | undefined {
  return s.marks.find((m) => m.at === index);
}
