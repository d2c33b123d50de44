/** Prose deltas in implementation notes, applied to that implementation's body (table-driven). */
import { expect, test } from 'vitest';
import { buildModel } from '../../../generator/generate.js';
import type { Body } from '../../../generator/model/types.js';
import { table } from '../../support/table.js';

const section = (paramsNote: string, responseNote: string) => `# 页面

## 示例动作

- \`demo_action\`

### 参数

| 字段名 | 数据类型 | 默认值 | 说明 |
| ------ | -------- | ------ | ---- |
| \`id\` | number | - | 编号 |
| \`cache\` | boolean | \`true\` | 缓存 |

${paramsNote}

### 响应数据

| 字段名 | 数据类型 | 说明 |
| ------ | -------- | ---- |
| \`ok\` | boolean | 成功 |

${responseNote}
`;

/** `name:required` for each field of an object body, in order; `=default` when it keeps one. */
function shape(body: Body | undefined): string[] | undefined {
  if (!body || body.kind !== 'type' || body.type.kind !== 'object') return undefined;
  return body.type.fields.map(
    (f) => `${f.name}:${f.required ? 'required' : 'optional'}${f.default !== undefined ? `=${f.default}` : ''}`,
  );
}

interface Want {
  napcatParams?: string[];
  lagrangeResponse?: string[];
  codes: string[];
  /** Notes kept for JSDoc: always the one note. */
  notes: number;
}

const cases: [string, { given: string; want: Want }][] = [
  [
    'a new response field',
    {
      given: section('', '- `Lagrange`: 多一个 `extra` 字段，表示附加信息'),
      want: { lagrangeResponse: ['ok:required', 'extra:required'], codes: [], notes: 1 },
    },
  ],
  [
    'a parameter without effect is removed',
    {
      given: section('- `NapCat`: `cache` 参数无效', ''),
      want: { napcatParams: ['id:required'], codes: [], notes: 1 },
    },
  ],
  [
    'a parameter made required loses its default (a required field with @default would contradict itself)',
    {
      given: section('- `NapCat`: `cache` 为必选', ''),
      want: { napcatParams: ['id:required', 'cache:required'], codes: [], notes: 1 },
    },
  ],
  [
    'a type statement keeps whether it is required, and its default',
    {
      given: section('- `NapCat`: `cache` 必须为布尔值', ''),
      want: { napcatParams: ['id:required', 'cache:optional=true'], codes: [], notes: 1 },
    },
  ],
  [
    'one sentence naming two implementations: a note on each',
    {
      given: section('- 参数 `cache` 在 `NapCat` 和 `Lagrange` 中都无效', ''),
      want: { napcatParams: ['id:required'], codes: [], notes: 2 },
    },
  ],
  [
    'a parameter made optional',
    {
      given: section('- `NapCat`: `id` 为可选', ''),
      want: { napcatParams: ['id:optional', 'cache:optional=true'], codes: [], notes: 1 },
    },
  ],
  [
    'an imprecise note stays a note',
    { given: section('- `NapCat`: 仅做兼容性实现', ''), want: { codes: [], notes: 1 } },
  ],
  [
    'a delta naming a field the table does not have',
    {
      given: section('- `NapCat`: `nope` 参数无效', ''),
      want: { napcatParams: ['id:required', 'cache:optional=true'], codes: ['note-delta'], notes: 1 },
    },
  ],
];

table('note deltas', cases, ({ given }) => {
  const { model, diagnostics } = buildModel([{ file: 'fixture.md', text: given }]);
  const action = model.actions[0]!;
  const notes = [...(action.variants.napcat?.notes ?? []), ...(action.variants.lagrange?.notes ?? [])];
  return {
    ...(action.variants.napcat?.params ? { napcatParams: shape(action.variants.napcat.params) } : {}),
    ...(action.variants.lagrange?.response ? { lagrangeResponse: shape(action.variants.lagrange.response) } : {}),
    codes: diagnostics.map((d) => d.code),
    notes: notes.length,
  };
});

test("a field a note adds takes its type from that implementation's example", () => {
  const example = [
    '::: details 点击查看 Lagrange 响应示例数据',
    '',
    '```json',
    '{ "ok": true, "extra": [1] }',
    '```',
    '',
    ':::',
  ].join('\n');
  const text = section('', '- `Lagrange`: 多一个 `extra` 字段').replace('### 参数', `${example}\n\n### 参数`);
  const { model } = buildModel([{ file: 'fixture.md', text }]);
  const response = model.actions[0]!.variants.lagrange?.response;
  const extra = response?.kind === 'type' && response.type.kind === 'object' ? response.type.fields.at(-1) : undefined;
  expect(extra?.name).toBe('extra');
  expect(extra?.type).toEqual({ kind: 'array', element: { kind: 'number' } });
});
