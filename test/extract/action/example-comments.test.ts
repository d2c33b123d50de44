/** Comments in JSON examples become the descriptions of fields typed from those examples. */
import { expect, test } from 'vitest';
import { buildModel } from '../../../generator/generate.js';
import type { Field, TypeRef } from '../../../generator/model/types.js';

const page = [
  '# 页面',
  '',
  '## 删除东西',
  '',
  '- `remove_thing` (NapCat拓展)',
  '',
  '::: details 点击查看 NapCat 响应示例数据',
  '',
  '```json',
  '{',
  '  "result": 0, // 0 成功',
  '  "detail": { // 详细结果',
  '    "ids": [',
  '      "a" // 删掉的编号',
  '    ]',
  '  },',
  '  "items": [',
  '    { "code": 1, "note": "a" }, // 第二项之前',
  '    {',
  '      "code": 2,',
  '      "note": "x" // [!code ++] 只有新版有',
  '    }',
  '  ]',
  '}',
  '```',
  '',
  ':::',
  '',
  '### 参数',
  '',
  '::: tip',
  '该 API 没有参数',
  ':::',
  '',
  '### 响应数据',
  '',
  '- `NapCat`: 请参考上方 `NapCat` 的响应示例数据',
].join('\n');

/** `path: description` for every field, depth first. */
function described(type: TypeRef | undefined, prefix = ''): string[] {
  if (!type) return [];
  if (type.kind === 'array') return described(type.element, `${prefix}[].`);
  if (type.kind !== 'object') return [];
  return type.fields.flatMap((f: Field) => [
    `${prefix}${f.name}: ${f.description}`,
    ...described(f.type, `${prefix}${f.name}.`),
  ]);
}

test('comments describe the fields they follow, whatever the array index', () => {
  const { model, diagnostics } = buildModel([{ file: 'fixture.md', text: page }]);
  const response = model.actions[0]!.variants.napcat?.response;
  expect(diagnostics).toEqual([]);
  expect(described(response?.kind === 'type' ? response.type : undefined)).toEqual([
    'result: 0 成功',
    'detail: 详细结果',
    'detail.ids: ',
    'items: ',
    'items.[].code: ',
    'items.[].note: 只有新版有',
  ]);
});
