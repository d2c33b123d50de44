/**
 * The grammar of a table's 数据类型 cell, in one place.
 *
 *     cell    := union
 *     union   := term (('/' | '|' | '或') term)*
 *     term    := base ('[]')*
 *     base    := word ['(' format ')']          number (int64)
 *              | link                           [rkeys](#rkeys)  [userInfos[]](#userInfos)  [message](../event/message.md)
 *              | code+                          `private` `group`
 *
 * Words are primitives (`string`, `number`, `boolean`, `object`, `array`, `message`, `null`, and a few
 * common aliases), or a capitalised sub-type name (`Device[]`). Anything else is `unknown` plus a
 * problem the caller turns into an `unknown-type` diagnostic.
 */
import type { PhrasingContent } from 'mdast';
import type { NumberFormat, TypeRef } from '../../model/types.js';

export interface TypeProblem {
  readonly message: string;
}

type Token =
  | { readonly t: 'word'; readonly v: string }
  | { readonly t: 'sym'; readonly v: string }
  | { readonly t: 'code'; readonly v: string }
  | { readonly t: 'link'; readonly href: string; readonly text: string };

const WORDS: Readonly<Record<string, TypeRef>> = {
  string: { kind: 'string' },
  str: { kind: 'string' },
  number: { kind: 'number' },
  int: { kind: 'number', format: 'int32' },
  integer: { kind: 'number' },
  int32: { kind: 'number', format: 'int32' },
  int64: { kind: 'number', format: 'int64' },
  long: { kind: 'number', format: 'int64' },
  float: { kind: 'number', format: 'float' },
  double: { kind: 'number', format: 'double' },
  boolean: { kind: 'boolean' },
  bool: { kind: 'boolean' },
  null: { kind: 'null' },
  message: { kind: 'message' },
  object: { kind: 'object', fields: [], open: true },
  array: { kind: 'array', element: { kind: 'unknown', reason: 'array without element type' } },
  list: { kind: 'array', element: { kind: 'unknown', reason: 'array without element type' } },
  any: { kind: 'unknown', reason: 'any' },
};

/** Between literals: `` `a` `b` ``, `` `a`/`b` ``, `` `a`、`b` ``. */
const LITERAL_SEPARATORS = ['/', '|', '、', ',', '，', '或'];

const FORMATS: ReadonlySet<string> = new Set<NumberFormat>(['int32', 'int64', 'float', 'double']);

/** Parse a type cell's phrasing content. An empty cell or `-` is `unknown` without a problem. */
export function parseTypeCell(cell: readonly PhrasingContent[]): { type: TypeRef; problems: TypeProblem[] } {
  const tokens = tokenize(cell);
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0]?.t === 'sym' && tokens[0].v === '-')) {
    return { type: { kind: 'unknown', reason: 'no type stated' }, problems: [] };
  }
  const parser = new Parser(tokens);
  const type = parser.union();
  if (!parser.done()) parser.problem(`unexpected \`${parser.rest()}\``);
  return { type, problems: parser.problems };
}

/** A type the docs leave open (`array`, `object`): examples may refine it. */
export function isVague(type: TypeRef): boolean {
  if (type.kind === 'object') return type.fields.length === 0;
  if (type.kind === 'array') return type.element.kind === 'unknown' || isVague(type.element);
  return type.kind === 'unknown';
}

function tokenize(cell: readonly PhrasingContent[]): Token[] {
  const out: Token[] = [];
  for (const node of cell) {
    if (node.type === 'inlineCode') out.push({ t: 'code', v: node.value });
    else if (node.type === 'link') out.push({ t: 'link', href: node.url, text: plainText(node.children) });
    else if (node.type === 'text') out.push(...tokenizeText(node.value));
    // `Array<string>`: the `<string>` arrives as inline HTML; keep it so the parser reports it.
    else if (node.type === 'html') out.push({ t: 'sym', v: node.value });
    else if ('children' in node) out.push(...tokenize(node.children as PhrasingContent[]));
  }
  return out;
}

function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\[\]|[()/|\-、,，]|或|[^\s()/|\[\]或、,，]+|\[|\]/g)) {
    const v = m[0];
    out.push(/^[\w.]+$/.test(v) ? { t: 'word', v } : { t: 'sym', v });
  }
  return out;
}

function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children as PhrasingContent[]) : ''))
    .join('');
}

class Parser {
  readonly problems: TypeProblem[] = [];
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }
  rest(): string {
    return this.tokens
      .slice(this.i)
      .map((t) => (t.t === 'link' ? `[${t.text}](${t.href})` : t.v))
      .join(' ');
  }
  problem(message: string): void {
    this.problems.push({ message });
  }
  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private sym(v: string): boolean {
    const t = this.peek();
    if (t?.t === 'sym' && t.v === v) return (this.i++, true);
    return false;
  }

  union(): TypeRef {
    const members = [this.term()];
    while (this.sym('/') || this.sym('|') || this.sym('或')) members.push(this.term());
    return members.length === 1 ? members[0]! : { kind: 'union', members };
  }

  private term(): TypeRef {
    let type = this.base();
    while (this.sym('[]')) type = { kind: 'array', element: type };
    return type;
  }

  private base(): TypeRef {
    const t = this.peek();
    if (!t) return this.fail('missing type');
    if (t.t === 'code') return this.literals();
    this.i++;
    if (t.t === 'link') return linkType(t.href, t.text);
    if (t.t === 'word') return this.word(t.v);
    return this.fail(`unexpected \`${t.v}\``);
  }

  private word(v: string): TypeRef {
    const known = Object.hasOwn(WORDS, v.toLowerCase()) ? WORDS[v.toLowerCase()] : undefined; // not Object.prototype's
    if (known?.kind === 'number' && this.sym('(')) return this.format(known);
    if (known) return known;
    if (/^[A-Z][A-Za-z0-9_]*$/.test(v)) return { kind: 'ref', target: v };
    return this.fail(`unknown type word \`${v}\``);
  }

  /** `number (int64)`: the word inside the parentheses is kept as the format. */
  private format(base: TypeRef): TypeRef {
    const t = this.peek();
    if (t?.t === 'word' && FORMATS.has(t.v.toLowerCase())) {
      this.i++;
      this.sym(')');
      return { kind: 'number', format: t.v.toLowerCase() as NumberFormat };
    }
    this.problem(`unknown number format \`${t && t.t !== 'link' ? t.v : ''}\``);
    while (!this.done() && !this.sym(')')) this.i++;
    return base;
  }

  /** `` `private` `group` `` → 'private' | 'group' */
  private literals(): TypeRef {
    const members: TypeRef[] = [];
    for (let t = this.peek(); t?.t === 'code'; t = this.peek()) {
      members.push({ kind: 'literal', value: t.v });
      this.i++;
      // Separators between literals only; `\`auto\` / number` leaves the `/` to the union.
      while (
        this.peek()?.t === 'sym' &&
        LITERAL_SEPARATORS.includes((this.peek() as { v: string }).v) &&
        this.tokens[this.i + 1]?.t === 'code'
      )
        this.i++;
    }
    return members.length === 1 ? members[0]! : { kind: 'union', members };
  }

  private fail(message: string): TypeRef {
    this.problem(message);
    return { kind: 'unknown', reason: message };
  }
}

/**
 * `[rkeys](#rkeys)` → ref rkeys; `[userInfos[]](#userInfos)` → ref userInfos[]; other hrefs stay
 * links for the resolver (a page of the inputs, or unresolved).
 */
function linkType(href: string, text: string): TypeRef {
  const arrays = /(\[\])+$/.exec(text)?.[0].length ?? 0;
  const name = text.slice(0, text.length - arrays).trim();
  let type: TypeRef = href.startsWith('#')
    ? { kind: 'ref', target: name || href.slice(1) }
    : { kind: 'link', href, text: name };
  for (let n = 0; n < arrays / 2; n++) type = { kind: 'array', element: type };
  return type;
}
