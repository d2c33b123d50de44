/** `## 类型` sections of shared sub-types, and links to a type another input page defines. */
import { actionTable as table } from '../../support/actions.js';
import { arr, at, md, num, obj, ref, row, str, tableBody } from '../../support/helpers.js';

table('type sections and cross-page types', [
  [
    'a `## 类型` section is a TypeSection other pages reference by anchor',
    {
      given: [
        {
          file: 'api/files.md',
          text: md(
            '## 取文件',
            '',
            '- `fetch_blob`',
            '',
            '### 响应数据',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `blob` | [Blob](#blob) | 文件 |',
            '| `tags` | Tag[] | 标签 |',
          ),
        },
        {
          file: 'api/shared.md',
          text: md(
            '# 公共类型',
            '',
            '## 类型',
            '',
            '### Blob',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `size` | number | 大小 |',
            '',
            '### Tag',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `label` | string | 标签 |',
            '| `blob` | [Blob](#blob) | 附件 |',
          ),
        },
      ],
      want: {
        actions: {
          fetch_blob: {
            response: tableBody(
              7,
              obj([
                row(9, 'blob', ref('Blob'), 'Blob', '文件', { file: 'api/files.md' }),
                row(10, 'tags', arr(ref('Tag')), 'Tag[]', '标签', { file: 'api/files.md' }),
              ]),
              'api/files.md',
            ),
            types: [],
          },
        },
        pages: [
          { file: 'api/files.md', title: '', actions: ['fetch_blob'], typeSections: [] },
          {
            file: 'api/shared.md',
            title: '公共类型',
            actions: [],
            typeSections: [
              {
                title: '类型',
                types: [
                  {
                    name: 'Blob',
                    id: 'Blob',
                    description: '',
                    type: obj([row(9, 'size', num, 'number', '大小', { file: 'api/shared.md' })]),
                    source: at(5, 1, 'api/shared.md'),
                  },
                  {
                    name: 'Tag',
                    id: 'Tag',
                    description: '',
                    type: obj([
                      row(15, 'label', str, 'string', '标签', { file: 'api/shared.md' }),
                      row(16, 'blob', ref('Blob'), 'Blob', '附件', { file: 'api/shared.md' }),
                    ]),
                    source: at(11, 1, 'api/shared.md'),
                  },
                ],
                source: at(3, 1, 'api/shared.md'),
              },
            ],
          },
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'a cross-page link to a type another input page defines resolves',
    {
      given: [
        {
          file: 'api/files.md',
          text: md(
            '## 取文件',
            '',
            '- `fetch_linked`',
            '',
            '### 响应数据',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `blob` | [Blob](./shared.md#blob) | 文件 |',
          ),
        },
        {
          file: 'api/shared.md',
          text: md(
            '## 类型',
            '',
            '### Blob',
            '',
            '| 字段名 | 数据类型 | 说明 |',
            '| --- | --- | --- |',
            '| `size` | number | 大小 |',
          ),
        },
      ],
      want: {
        actions: {
          fetch_linked: {
            response: tableBody(
              7,
              obj([row(9, 'blob', ref('Blob'), 'Blob', '文件', { file: 'api/files.md' })]),
              'api/files.md',
            ),
          },
        },
        diagnostics: [],
      },
    },
  ],
]);
