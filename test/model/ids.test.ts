/** Identifiers for names that come from the docs (table-driven, one assertion helper). */
import { describe, expect, test } from 'vitest';
import { propertyKey } from '../../generator/emit/ts/names.js';
import { actionTypeBase, pascalCase } from '../../generator/model/ids.js';

const cases: [string, { given: string; want: { pascal: string; action: string; key: string } }][] = [
  [
    'snake case',
    { given: 'get_login_info', want: { pascal: 'GetLoginInfo', action: 'GetLoginInfo', key: 'get_login_info' } },
  ],
  [
    'leading underscore',
    { given: '_get_model_show', want: { pascal: 'GetModelShow', action: 'GetModelShow', key: '_get_model_show' } },
  ],
  [
    'hidden action',
    {
      given: '.join_group_emoji_chain',
      want: { pascal: 'JoinGroupEmojiChain', action: 'HiddenJoinGroupEmojiChain', key: '".join_group_emoji_chain"' },
    },
  ],
  [
    'a reserved word is still a valid property key',
    { given: 'default', want: { pascal: 'Default', action: 'Default', key: 'default' } },
  ],
  ['leading digit', { given: '1st', want: { pascal: 'T1st', action: 'T1st', key: '"1st"' } }],
  [
    'camel case kept',
    { given: 'favoriteInfo', want: { pascal: 'FavoriteInfo', action: 'FavoriteInfo', key: 'favoriteInfo' } },
  ],
  ['non-latin', { given: '事件数据', want: { pascal: 'T', action: 'T', key: '"事件数据"' } }],
];

describe('names', () => {
  test.each(cases)('%s', (_name, { given, want }) => {
    expect({ pascal: pascalCase(given), action: actionTypeBase(given), key: propertyKey(given) }).toEqual(want);
  });
});

describe('sub-type ids', () => {
  const page = `# 页面

## 甲

- \`first_action\`

### 响应数据

| 字段名 | 数据类型 | 说明 |
| ------ | -------- | ---- |
| \`item\` | [Item](#item) | 条目 |
| \`record\` | [Record](#record) | 记录 |

**Item**

| 字段名 | 数据类型 | 说明 |
| ------ | -------- | ---- |
| \`a\` | string | 甲 |

**Record**

| 字段名 | 数据类型 | 说明 |
| ------ | -------- | ---- |
| \`r\` | number | 记录 |

## 乙

- \`second_action\`

### 响应数据

| 字段名 | 数据类型 | 说明 |
| ------ | -------- | ---- |
| \`item\` | [Item](#item) | 条目 |

**Item**

| 字段名 | 数据类型 | 说明 |
| ------ | -------- | ---- |
| \`b\` | number | 乙 |
`;

  test('are unique, avoid reserved names, and refs follow them', async () => {
    const { buildModel } = await import('../../generator/generate.js');
    const { model } = buildModel([{ file: 'fixture.md', text: page }]);
    const ids = model.actions.flatMap((a) => a.types.map((t) => `${a.name}:${t.name}=${t.id}`));
    expect(ids).toEqual([
      'first_action:Item=FirstActionItem',
      'first_action:Record=RecordType',
      'second_action:Item=SecondActionItem',
    ]);
    const first = model.actions[0]!.response;
    expect(first.kind === 'type' && first.type.kind === 'object' && first.type.fields.map((f) => f.type)).toEqual([
      { kind: 'ref', target: 'FirstActionItem' },
      { kind: 'ref', target: 'RecordType' },
    ]);
  });
});
