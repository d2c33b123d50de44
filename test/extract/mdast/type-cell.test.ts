/**
 * The 数据类型 cell grammar (generator/model/type-grammar.ts). Each case is the Markdown of one
 * cell; it is parsed as the type cell of a one-row table, so the phrasing nodes are exactly what
 * the builder hands to `parseTypeCell`.
 */
import type { Table } from 'mdast';
import { describe, expect, test } from 'vitest';
import { isVague, parseTypeCell, type TypeProblem } from '../../../generator/extract/mdast/type-cell.js';
import type { TypeRef } from '../../../generator/model/types.js';
import { parseMarkdown } from '../../../generator/parse/processor.js';
import {
  anyArray,
  anyObject,
  arr,
  bool,
  link,
  lit,
  md,
  msg,
  num,
  numf,
  ref,
  str,
  union,
  unknown,
} from '../../support/helpers.js';

interface Want {
  readonly type: TypeRef;
  readonly problems: TypeProblem[];
  /** `isVague(type)`: whether an example may refine it. */
  readonly vague: boolean;
}

interface Case {
  /** The cell's Markdown, as written between the pipes. */
  given: string;
  want: Want;
}

function cellOf(markdown: string) {
  const root = parseMarkdown(md('| 字段名 | 数据类型 |', '| --- | --- |', `| \`field\` | ${markdown} |`));
  const tableNode = root.children[0] as Table;
  expect(tableNode.type).toBe('table');
  return tableNode.children[1]!.children[1]!.children;
}

/** The one assertion: type, problems and vagueness of the parsed cell. */
function check({ given, want }: Case): void {
  const { type, problems } = parseTypeCell(cellOf(given));
  expect({ type, problems, vague: isVague(type) }).toStrictEqual(want);
}

function table(title: string, cases: [string, Case][]): void {
  describe(title, () => {
    for (const [name, c] of cases) test(`${name}: ${c.given}`, () => check(c));
  });
}

const ok = (type: TypeRef, vague = false): Want => ({ type, problems: [], vague });
const bad = (type: TypeRef, vague: boolean, ...messages: string[]): Want => ({
  type,
  problems: messages.map((message) => ({ message })),
  vague,
});

table('primitive words', [
  ['string', { given: 'string', want: ok(str) }],
  ['number', { given: 'number', want: ok(num) }],
  ['boolean', { given: 'boolean', want: ok(bool) }],
  ['case does not matter', { given: 'Number', want: ok(num) }],
  ['bool alias', { given: 'bool', want: ok(bool) }],
  ['object is an open, vague object', { given: 'object', want: ok(anyObject, true) }],
  ['array is a vague array', { given: 'array', want: ok(anyArray, true) }],
  ['message', { given: 'message', want: ok(msg) }],
  ['null', { given: 'null', want: ok({ kind: 'null' }) }],
  ['strong around a word is transparent', { given: '**string**', want: ok(str) }],
  ['empty cell states no type, without a problem', { given: '', want: ok(unknown('no type stated'), true) }],
  ['a dash states no type, without a problem', { given: '-', want: ok(unknown('no type stated'), true) }],
]);

table('number formats', [
  ['format in parentheses is kept', { given: 'number (int64)', want: ok(numf('int64')) }],
  ['without the space', { given: 'number(int32)', want: ok(numf('int32')) }],
  ['format word alone', { given: 'int64', want: ok(numf('int64')) }],
  ['double', { given: 'number (double)', want: ok(numf('double')) }],
  ['format then array', { given: 'number (int64)[]', want: ok(arr(numf('int64'))) }],
  [
    'unknown format: plain number plus a problem',
    { given: 'number (int128)', want: bad(num, false, 'unknown number format `int128`') },
  ],
]);

table('unions and arrays', [
  ['slash union', { given: 'number/string', want: ok(union(num, str)) }],
  ['spaced slash union', { given: 'string / boolean', want: ok(union(str, bool)) }],
  ['pipe union (escaped in the table)', { given: 'string \\| number', want: ok(union(str, num)) }],
  ['或 union', { given: 'string 或 number', want: ok(union(str, num)) }],
  ['capitalised word is a sub-type ref', { given: 'Device', want: ok(ref('Device')) }],
  ['sub-type array', { given: 'Device[]', want: ok(arr(ref('Device'))) }],
  ['nested arrays', { given: 'number[][]', want: ok(arr(arr(num))) }],
  ['array of open objects is vague', { given: 'object[]', want: ok(arr(anyObject), true) }],
  ['union of arrays', { given: 'string[]/number', want: ok(union(arr(str), num)) }],
]);

table('links', [
  ['same-page anchor is a ref by link text', { given: '[rkeys](#rkeys)', want: ok(ref('rkeys')) }],
  ['[] inside the link text makes an array', { given: '[userInfos[]](#userInfos)', want: ok(arr(ref('userInfos'))) }],
  ['[] after the link makes an array', { given: '[File](#file)[]', want: ok(arr(ref('File'))) }],
  [
    'cross-page link stays a link for the resolver',
    { given: '[message](../event/message.md)', want: ok(link('../event/message.md', 'message')) },
  ],
  [
    'cross-page link with [] in its text',
    { given: '[Segment[]](../message/segment.md#seg)', want: ok(arr(link('../message/segment.md#seg', 'Segment'))) },
  ],
  ['anchor link with empty text uses the anchor', { given: '[](#cover)', want: ok(ref('cover')) }],
]);

table('literals', [
  ['single literal', { given: '`private`', want: ok(lit('private')) }],
  ['space-separated literal union', { given: '`private` `group`', want: ok(union(lit('private'), lit('group'))) }],
  ['slash-separated literals', { given: '`on`/`off`', want: ok(union(lit('on'), lit('off'))) }],
  ['、-separated literals', { given: '`a`、`b`、`c`', want: ok(union(lit('a'), lit('b'), lit('c'))) }],
  ['digits in code stay strings', { given: '`0` `1`', want: ok(union(lit('0'), lit('1'))) }],
  ['word then literal', { given: 'number / `auto`', want: ok(union(num, lit('auto'))) }],
  [
    'literal then word',
    {
      given: '`auto` / number',
      want: ok(union(lit('auto'), num)),
    },
  ],
]);

table('problems', [
  [
    'unknown lower-case word',
    { given: 'wibble', want: bad(unknown('unknown type word `wibble`'), true, 'unknown type word `wibble`') },
  ],
  ['non-word text', { given: '神秘', want: bad(unknown('unexpected `神秘`'), true, 'unexpected `神秘`') }],
  ['a lone []', { given: '[]', want: bad(unknown('unexpected `[]`'), true, 'unexpected `[]`') }],
  [
    'trailing text after a complete type keeps the type',
    { given: 'string[] (可选)', want: bad(arr(str), false, 'unexpected `( 可选 )`') },
  ],
  [
    'missing term after a separator',
    { given: 'string /', want: bad(union(str, unknown('missing type')), false, 'missing type') },
  ],
  [
    'inline HTML in the cell is not silently dropped',
    {
      given: 'Array<string>',
      want: bad(anyArray, true, 'unexpected `<string>`'),
    },
  ],
]);
