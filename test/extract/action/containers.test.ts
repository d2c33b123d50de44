/**
 * A field the table types as one object while every example holds an array of objects: the
 * example decides the container (an array), with an `example-array` warning at the row.
 */
import { buildOne, diagnosticLines, md } from '../../support/helpers.js';
import { table } from '../../support/table.js';
import type { TypeRef } from '../../../generator/model/types.js';

/** A get_keys section: `rows` in the response table (from line 15), then a response example. */
function section(rows: readonly string[], example: string | undefined): string {
  return md(
    '## 取钥匙',
    '',
    '- `get_keys`',
    '',
    ...(example === undefined ? [] : ['::: details 响应示例', '', '```json', example, '```', '', ':::', '']),
    '### 参数',
    '',
    '该 API 没有参数',
    '',
    '### 响应数据',
    '',
    '| 字段名 | 数据类型 | 说明 |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '### key',
    '',
    '| 字段名 | 数据类型 | 说明 |',
    '| --- | --- | --- |',
    '| `kind` | string | 类型 |',
  );
}

/** The shape of each response field (`ref:key`, `array(ref:key)`, …) and the warnings' codes and lines. */
function observe(c: { given: string }) {
  const { model, diagnostics } = buildOne(c.given);
  const response = model.actions[0]!.response;
  const shape = (t: TypeRef): string =>
    t.kind === 'array' ? `array(${shape(t.element)})` : t.kind === 'ref' ? `ref:${t.target}` : t.kind;
  const fields =
    response.kind === 'type' && response.type.kind === 'object'
      ? Object.fromEntries(response.type.fields.map((f) => [f.name, shape(f.type)]))
      : {};
  return { fields, diagnostics: diagnosticLines(diagnostics).filter((d) => d.includes('example')) };
}

const KEYS_ROW = '| `keys` | [key](#key) | 钥匙 |';
const ARRAY = '{ "keys": [{ "kind": "a" }, { "kind": "b" }] }';

table(
  'the container from the example',
  [
    [
      'a link without [] and an array of objects: an array, warned at the row',
      {
        given: section([KEYS_ROW], ARRAY),
        want: {
          fields: { keys: 'array(ref:key)' },
          diagnostics: ['warning example-array @ fixture.md:21:1 (see fixture.md:8:1)'],
        },
      },
    ],
    [
      'the same link and one object in the example: unchanged, no warning',
      {
        given: section([KEYS_ROW], '{ "keys": { "kind": "a" } }'),
        want: { fields: { keys: 'ref:key' }, diagnostics: [] },
      },
    ],
    [
      'a link with []: already an array, no warning',
      {
        given: section(['| `keys` | [key[]](#key) | 钥匙 |'], ARRAY),
        want: { fields: { keys: 'array(ref:key)' }, diagnostics: [] },
      },
    ],
    [
      'no example: the table stands',
      { given: section([KEYS_ROW], undefined), want: { fields: { keys: 'ref:key' }, diagnostics: [] } },
    ],
    [
      'an empty array says nothing about its elements: not widened, a mismatch',
      {
        given: section([KEYS_ROW], '{ "keys": [] }'),
        want: {
          fields: { keys: 'ref:key' },
          diagnostics: ['warning example-mismatch @ fixture.md:21:1 (see fixture.md:8:1)'],
        },
      },
    ],
    [
      'an array of strings is not the object the table names: a mismatch, not an array',
      {
        given: section([KEYS_ROW], '{ "keys": ["a", "b"] }'),
        want: {
          fields: { keys: 'ref:key' },
          diagnostics: ['warning example-mismatch @ fixture.md:21:1 (see fixture.md:8:1)'],
        },
      },
    ],
    [
      'a scalar cell with an array example is a mismatch, never widened',
      {
        given: section(['| `count` | number | 数量 |'], '{ "count": [1, 2] }'),
        want: {
          fields: { count: 'number' },
          diagnostics: ['warning example-mismatch @ fixture.md:21:1 (see fixture.md:8:1)'],
        },
      },
    ],
  ],
  observe,
);
