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

  test('are unique and neutral, refs follow them, and TypeScript names avoid reserved ones', async () => {
    const { buildModel } = await import('../../generator/generate.js');
    const { tsNames } = await import('../../generator/emit/ts/names.js');
    const { model } = buildModel([{ file: 'fixture.md', text: page }]);
    const names = tsNames(model);
    const ids = model.actions.flatMap((a) => a.types.map((t) => `${a.name}:${t.name}=${t.id}=${names.type(t.id)}`));
    expect(ids).toEqual([
      'first_action:Item=first_action.Item=FirstActionItem',
      'first_action:Record=Record=RecordType',
      'second_action:Item=second_action.Item=SecondActionItem',
    ]);
    const first = model.actions[0]!.response;
    expect(first.kind === 'type' && first.type.kind === 'object' && first.type.fields.map((f) => f.type)).toEqual([
      { kind: 'ref', target: 'first_action.Item' },
      { kind: 'ref', target: 'Record' },
    ]);
  });

  test('ids that differ only in case or punctuation clash, and are qualified', async () => {
    const { buildModel } = await import('../../generator/generate.js');
    const [head, second] = page.split('## 乙');
    const twin = `${head}## 乙${second!.replaceAll('[Item](#item)', '[item_](#item_)').replace('**Item**', '**item_**')}`;
    const { model } = buildModel([{ file: 'fixture.md', text: twin }]);
    expect(model.actions.flatMap((a) => a.types.map((t) => t.id))).toEqual([
      'first_action.Item',
      'Record',
      'second_action.item_',
    ]);
  });
});
