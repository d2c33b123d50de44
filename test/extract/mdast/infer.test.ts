import { describe, expect, it } from 'vitest';
import {
  compareWithExample,
  type ExampleMismatch,
  inferType,
  mergeTypes,
} from '../../../generator/extract/mdast/infer.js';
import type { Field, SourceRef, TypeRef } from '../../../generator/model/types.js';

type Case<G, W> = [name: string, { given: G; want: W }];

/** The one assertion every table goes through. */
function check<T>(got: T, want: T): void {
  expect(got).toStrictEqual(want);
}

function table<G, W>(title: string, cases: Case<G, W>[], run: (given: G) => W): void {
  describe(title, () => {
    for (const [name, { given, want }] of cases) it(name, () => check(run(given), want));
  });
}

const src: SourceRef = { file: 'api/bot.md', line: 3, column: 1 };
const str: TypeRef = { kind: 'string' };
const num: TypeRef = { kind: 'number' };
const bool: TypeRef = { kind: 'boolean' };
const nul: TypeRef = { kind: 'null' };
const emptyElement: TypeRef = { kind: 'unknown', reason: 'empty array in example' };
const arr = (element: TypeRef): TypeRef => ({ kind: 'array', element });
const union = (...members: TypeRef[]): TypeRef => ({ kind: 'union', members });
const field = (name: string, type: TypeRef, description = ''): Field => ({
  name,
  type,
  required: true,
  description,
  rawType: 'example',
  source: src,
});
/** `obj({ a: num })` → an inferred object type with fields in key order. */
const obj = (fields: Record<string, TypeRef>): TypeRef => ({
  kind: 'object',
  fields: Object.entries(fields).map(([name, type]) => field(name, type)),
});

table<unknown, TypeRef>(
  'inferType',
  [
    ['null', { given: null, want: nul }],
    ['string is never a literal', { given: 'private', want: str }],
    ['integer has no format', { given: 123456789, want: num }],
    ['float has no format', { given: 1.5, want: num }],
    ['boolean', { given: false, want: bool }],
    ['object keeps key order', { given: { b: 'x', a: { c: true } }, want: obj({ b: str, a: obj({ c: bool }) }) }],
    ['empty array', { given: [], want: arr(emptyElement) }],
    ['mixed array, null last', { given: [null, 1, 'a', 2], want: arr(union(num, str, nul)) }],
    [
      'array of same-key objects merges',
      {
        given: [
          { a: 1, b: 'x' },
          { b: null, a: 2 },
        ],
        want: arr(obj({ a: num, b: union(str, nul) })),
      },
    ],
    [
      'recent contacts: different key sets stay apart',
      {
        given: [
          { peerUin: '1', remark: 'r' },
          { lastestMsg: { self_id: 0 }, peerUin: '2', remark: 'r' },
          { remark: 'r', peerUin: '3' },
        ],
        want: arr(
          union(
            obj({ peerUin: str, remark: str }),
            obj({ lastestMsg: obj({ self_id: num }), peerUin: str, remark: str }),
          ),
        ),
      },
    ],
    ['empty inner array merges away', { given: [[], [1]], want: arr(arr(num)) }],
    ['not JSON', { given: undefined, want: { kind: 'unknown', reason: 'undefined is not JSON' } }],
  ],
  (value) => inferType(value, src),
);

table<TypeRef[], TypeRef>(
  'mergeTypes',
  [
    ['nothing', { given: [], want: { kind: 'unknown', reason: 'no example' } }],
    ['identical primitives collapse', { given: [str, str], want: str }],
    ['null is a member, placed last', { given: [nul, str], want: union(str, nul) }],
    ['distinct primitives keep first-occurrence order', { given: [str, bool, num, bool], want: union(str, bool, num) }],
    ['unions flatten', { given: [union(str, nul), num, str], want: union(str, num, nul) }],
    [
      'same key set merges field by field',
      {
        given: [obj({ a: num, b: str }), obj({ b: nul, a: str })],
        want: obj({ a: union(num, str), b: union(str, nul) }),
      },
    ],
    [
      'different key sets stay a union',
      { given: [obj({ a: num }), obj({ a: num, b: str })], want: union(obj({ a: num }), obj({ a: num, b: str })) },
    ],
    ['empty array merges away', { given: [arr(emptyElement), arr(num), arr(emptyElement)], want: arr(num) }],
    ['only empty arrays', { given: [arr(emptyElement), arr(emptyElement)], want: arr(emptyElement) }],
    ['arrays merge their elements', { given: [arr(num), arr(str), nul], want: union(arr(union(num, str)), nul) }],
    [
      'first non-empty description wins',
      {
        given: [
          { kind: 'object', fields: [field('a', num)] },
          { kind: 'object', fields: [field('a', num, '群号')] },
        ],
        want: { kind: 'object', fields: [field('a', num, '群号')] },
      },
    ],
  ],
  (types) => mergeTypes(types),
);

const ref: TypeRef = { kind: 'ref', target: 'Device' };
const link: TypeRef = { kind: 'link', href: './file.md', text: 'File' };
const stated = (fields: Record<string, TypeRef>): TypeRef => obj(fields);
const miss = (path: string, statedType: string, seen: string): ExampleMismatch => ({ path, stated: statedType, seen });

table<[TypeRef, unknown, string?], ExampleMismatch[]>(
  'compareWithExample',
  [
    ['number where string is stated', { given: [str, 1], want: [miss('', 'string', 'number')] }],
    ['string where number is stated', { given: [num, '1'], want: [miss('', 'number', 'string')] }],
    ['string where boolean is stated', { given: [bool, 'true'], want: [miss('', 'boolean', 'string')] }],
    ['object where a primitive is stated', { given: [str, { a: 1 }], want: [miss('', 'string', 'object')] }],
    ['null where string is stated', { given: [str, null], want: [miss('', 'string', 'null')] }],
    ['matching primitive', { given: [num, 1.5], want: [] }],
    ['number/string accepts a number', { given: [union(num, str), 1], want: [] }],
    ['number/string accepts a string', { given: [union(num, str), 'x'], want: [] }],
    [
      'number/string rejects a boolean',
      { given: [union(num, str), true], want: [miss('', 'number | string', 'boolean')] },
    ],
    ['unknown accepts anything', { given: [{ kind: 'unknown', reason: 'x' }, [1]], want: [] }],
    ['message accepts anything', { given: [{ kind: 'message' }, 'text'], want: [] }],
    ['ref accepts any non-array value', { given: [ref, 1], want: [] }],
    ['ref (one sub-type table) rejects an array', { given: [ref, [{}]], want: [miss('', 'Device', 'array')] }],
    ['link accepts anything', { given: [link, null], want: [] }],
    ['literal checks only the JSON type', { given: [{ kind: 'literal', value: 'group' }, 'private'], want: [] }],
    [
      'literal of another JSON type',
      { given: [{ kind: 'literal', value: 'group' }, 1], want: [miss('', '"group"', 'number')] },
    ],
    [
      'objects: unlisted and missing fields are ignored, nested paths',
      {
        given: [stated({ a: stated({ b: num }), gone: str }), { a: { b: 'x', extra: 1 }, other: true }],
        want: [miss('a.b', 'number', 'string')],
      },
    ],
    [
      'arrays: per element path',
      {
        given: [stated({ ids: arr(num) }), { ids: [1, 'x', 3, false] }],
        want: [miss('ids.1', 'number', 'string'), miss('ids.3', 'number', 'boolean')],
      },
    ],
    [
      'array where object is given',
      { given: [arr(union(num, str)), {}], want: [miss('', '(number | string)[]', 'object')] },
    ],
    ['object where array is given', { given: [stated({ a: num }), [1]], want: [miss('', 'object', 'array')] }],
    [
      'nullable object reports inside the object',
      { given: [union(stated({ a: num }), nul), { a: 'x' }], want: [miss('a', 'number', 'string')] },
    ],
    ['nullable object accepts null', { given: [union(stated({ a: num }), nul), null], want: [] }],
    ['path prefix', { given: [stated({ x: str }), { x: 1 }, 'data'], want: [miss('data.x', 'string', 'number')] }],
  ],
  ([type, value, path]) => compareWithExample(type, value, path),
);
