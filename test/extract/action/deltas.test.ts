/** Prose deltas in implementation notes, applied to that implementation's body (table-driven). */
import { describe, expect, test } from 'vitest';
import { buildModel } from '../../../generator/generate.js';
import type { Body } from '../../../generator/model/types.js';

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

/** `name:required` for each field of an object body, in order. */
function shape(body: Body | undefined): string[] | undefined {
  if (!body || body.kind !== 'type' || body.type.kind !== 'object') return undefined;
  return body.type.fields.map((f) => `${f.name}:${f.required ? 'required' : 'optional'}`);
}

interface Want {
  napcatParams?: string[];
  lagrangeResponse?: string[];
  codes: string[];
}

const cases: [string, { given: string; want: Want }][] = [
  [
    'a new response field',
    {
      given: section('', '- `Lagrange`: 多一个 `extra` 字段，表示附加信息'),
      want: { lagrangeResponse: ['ok:required', 'extra:required'], codes: [] },
    },
  ],
  [
    'a parameter without effect is removed',
    { given: section('- `NapCat`: `cache` 参数无效', ''), want: { napcatParams: ['id:required'], codes: [] } },
  ],
  [
    'a parameter made required',
    {
      given: section('- `NapCat`: `cache` 为必选', ''),
      want: { napcatParams: ['id:required', 'cache:required'], codes: [] },
    },
  ],
  [
    'a parameter made optional',
    {
      given: section('- `NapCat`: `id` 为可选', ''),
      want: { napcatParams: ['id:optional', 'cache:optional'], codes: [] },
    },
  ],
  ['an imprecise note stays a note', { given: section('- `NapCat`: 仅做兼容性实现', ''), want: { codes: [] } }],
  [
    'a delta naming a field the table does not have',
    {
      given: section('- `NapCat`: `nope` 参数无效', ''),
      want: { napcatParams: ['id:required', 'cache:optional'], codes: ['note-delta'] },
    },
  ],
];

describe('note deltas', () => {
  test.each(cases)('%s', (_name, { given, want }) => {
    const { model, diagnostics } = buildModel([{ file: 'fixture.md', text: given }]);
    const action = model.actions[0]!;
    expect({
      napcatParams: shape(action.variants.napcat?.params),
      lagrangeResponse: shape(action.variants.lagrange?.response),
      codes: diagnostics.map((d) => d.code),
    }).toEqual({ napcatParams: want.napcatParams, lagrangeResponse: want.lagrangeResponse, codes: want.codes });
    // The note itself is always kept for JSDoc.
    const notes = [...(action.variants.napcat?.notes ?? []), ...(action.variants.lagrange?.notes ?? [])];
    expect(notes.length).toBe(1);
  });
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
