/**
 * The one TypeRef → JSON Schema converter (table-driven, one assertion helper), the per-action
 * schemas a server validates params with, and the per-implementation views `model.json` carries.
 */
import { describe, expect, test } from 'vitest';
import { actionSchemas, schemaNames } from '../../generator/emit/schema/index.js';
import { defsRef, fieldSchema, type JsonSchema, typeSchema } from '../../generator/emit/schema/type-schema.js';
import { modelDocument } from '../../generator/emit/targets/model-json.js';
import { buildModel } from '../../generator/generate.js';
import type { Field, Model, TypeRef } from '../../generator/model/types.js';
import { strictAjv } from '../support/exports.js';

const at = { file: 'fixture.md', line: 1, column: 1 };
const field = (name: string, type: TypeRef, extra: Partial<Field> = {}): Field => ({
  name,
  type,
  required: true,
  description: '',
  rawType: '',
  source: at,
  ...extra,
});
const AJV = strictAjv();
const EMPTY: Model = { pages: [], actions: [], segments: [], eventCommon: [], events: [], matrix: [] };
const ctx = (direction: 'send' | 'receive') => ({ names: schemaNames(EMPTY), ref: defsRef, direction });

const cases: [string, { given: TypeRef | Field; direction?: 'send' | 'receive'; want: JsonSchema }][] = [
  ['number (int64)', { given: { kind: 'number', format: 'int64' }, want: { type: 'integer', format: 'int64' } }],
  ['number (int32)', { given: { kind: 'number', format: 'int32' }, want: { type: 'integer', format: 'int32' } }],
  ['plain number', { given: { kind: 'number' }, want: { type: 'number' } }],
  [
    'literal union → enum',
    {
      given: {
        kind: 'union',
        members: [
          { kind: 'literal', value: 'a' },
          { kind: 'literal', value: 'b' },
        ],
      },
      want: { enum: ['a', 'b'] },
    },
  ],
  ['one literal → const', { given: { kind: 'literal', value: 'face' }, want: { const: 'face' } }],
  [
    'mixed union → anyOf, duplicates dropped',
    {
      given: { kind: 'union', members: [{ kind: 'string' }, { kind: 'number' }, { kind: 'string' }] },
      want: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
  ],
  ['message when sent', { given: { kind: 'message' }, direction: 'send', want: { $ref: '#/$defs/Message' } }],
  [
    'message when received',
    { given: { kind: 'message' }, direction: 'receive', want: { $ref: '#/$defs/ReceivedMessage' } },
  ],
  [
    'object: required in docs order, open objects allow more',
    {
      given: {
        kind: 'object',
        open: true,
        fields: [field('a', { kind: 'string' }), field('b', { kind: 'boolean' }, { required: false })],
      },
      want: {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'boolean' } },
        required: ['a'],
        additionalProperties: true,
      },
    },
  ],
  [
    'a field: description and a default of its own type',
    {
      given: field('no_cache', { kind: 'boolean' }, { description: '不用缓存', default: 'false', required: false }),
      want: { type: 'boolean', description: '不用缓存', default: false },
    },
  ],
  [
    'a default that is not of the field type is left out',
    {
      given: field('count', { kind: 'number', format: 'int32' }, { default: '空', required: false }),
      want: { type: 'integer', format: 'int32' },
    },
  ],
  [
    'a backquoted numeric default',
    { given: field('n', { kind: 'number' }, { default: '`48`' }), want: { type: 'number', default: 48 } },
  ],
];

describe('TypeRef → JSON Schema', () => {
  test.each(cases)('%s', (_name, { given, direction, want }) => {
    const c = ctx(direction ?? 'send');
    const got = 'kind' in given ? typeSchema(given, c) : fieldSchema(given, c);
    expect(got).toStrictEqual(want);
    expect(() => AJV.compile({ ...got, $defs: { Message: {}, ReceivedMessage: {} } })).not.toThrow();
  });
});

const PAGE = `# 页面

## 取得物件

- \`get_gadget\`

### 参数

| 字段名 | 数据类型 | 默认值 | 说明 |
| --- | --- | --- | --- |
| \`gadget_id\` | number (int64) | - | 编号 |
| \`fresh\` | boolean | \`false\` | 不用缓存 |

- \`NapCat\`

| 字段名 | 数据类型 | 默认值 | 说明 |
| --- | --- | --- | --- |
| \`gadget_name\` | string | - | 名字 |

- \`Lagrange\`: 只认编号

### 响应数据

| 字段名 | 数据类型 | 说明 |
| --- | --- | --- |
| \`parts\` | [Part[]](#part) | 部件 |

**Part**

| 字段名 | 数据类型 | 说明 |
| --- | --- | --- |
| \`size\` | number (int32) | 尺寸 |
`;

describe('per-action schemas and views', () => {
  const { model } = buildModel([{ file: 'fixture.md', text: PAGE }]);

  test('each schema is self-contained: its own $defs, compiled with coerceTypes, as a server would', () => {
    const schemas = actionSchemas(model, 'napcat').get_gadget!;
    expect(Object.keys(schemas.data.$defs as object)).toEqual(['Part']);
    expect(schemas.params).toMatchObject({
      properties: { gadget_name: { type: 'string' } },
      required: ['gadget_name'],
    });
    const validate = strictAjv({ coerceTypes: true }).compile(actionSchemas(model, 'onebot11').get_gadget!.params);
    const params = { gadget_id: '42' };
    expect(validate(params)).toBe(true);
    expect(params).toEqual({ gadget_id: 42 });
    expect(validate({ gadget_id: 'x' })).toBe(false);
  });

  test('model.json views apply the fallback: a variant where the docs give one, the base elsewhere, notes', () => {
    const action = modelDocument(model).actions[0]!;
    const fields = (impl: 'onebot11' | 'napcat' | 'lagrange') => {
      const body = action.views[impl]!.params;
      return body.kind === 'type' && body.type.kind === 'object' ? body.type.fields.map((f) => f.name) : [];
    };
    expect({ onebot11: fields('onebot11'), napcat: fields('napcat'), lagrange: fields('lagrange') }).toEqual({
      onebot11: ['gadget_id', 'fresh'],
      napcat: ['gadget_name'],
      lagrange: ['gadget_id', 'fresh'],
    });
    expect(action.views.lagrange!.notes.map((n) => n.text)).toEqual(['只认编号']);
    expect(action.views.napcat!.support).toBe('standard');
  });
});
