/**
 * The support matrix: reading its tables, matching rows to actions, the warnings, availability and
 * levels it decides, the JSDoc it adds and the compatibility report. Table-driven over small
 * two-page fixtures (a matrix page and an action page) run through the whole pipeline in memory;
 * then, when ../shared/onebot-11-docs exists, the real matrix against an independent reading of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type GenerateResult, generateFromDocs } from '../../generator/generate.js';
import { formatRef } from '../../generator/model/diagnostics.js';
import type { ImplId, SupportLevel } from '../../generator/model/types.js';
import { md } from '../support/helpers.js';
import { CORPUS } from '../support/paths.js';
import { describeCorpus } from '../support/corpus.js';
import { sharedGenerate } from '../support/shared-run.js';

const README = 'docs/api/README.md';
const TOOLS = 'docs/api/tools.md';

// ---- fixtures -------------------------------------------------------------------------------------

/**
 * A matrix page: row `i` of `rows` is on line `7 + i`, the definitions follow after one blank line.
 *
 *     1  # 接口一览
 *     3  ## 工具
 *     5  | api | 名称 | gocq | NapCat | Lagrange | 备注 |
 *     7  first row
 */
function matrixPage(rows: readonly string[], definitions: readonly string[] = []): string {
  return md(
    '# 接口一览',
    '',
    '## 工具',
    '',
    '| api | 名称 | gocq | NapCat | Lagrange | 备注 |',
    '| --- | ---- | ---- | ------ | -------- | ---- |',
    ...rows,
    '',
    ...definitions,
  );
}

/** An action page: section `k` (0-based) has its action bullet on line `bulletLine(k)`. */
function actionPage(...sections: readonly (readonly [title: string, bullet: string])[]): string {
  return md(
    '# 工具接口',
    '',
    ...sections.flatMap(([title, bullet]) => [
      `## ${title}`,
      '',
      `- ${bullet}`,
      '',
      '### 参数',
      '',
      '| 字段名 | 数据类型 | 说明 |',
      '| ------ | -------- | ---- |',
      '| `city` | string   | 城市 |',
      '',
      '### 响应数据',
      '',
      '| 字段名 | 数据类型 | 说明 |',
      '| ------ | -------- | ---- |',
      '| `ok`   | boolean  | 成功 |',
      '',
    ]),
  );
}
const bulletLine = (k: number) => 5 + 16 * k;

const pages = (matrix: string | undefined, tools: string) => [
  ...(matrix === undefined ? [] : [{ file: README, text: matrix }]),
  { file: TOOLS, text: tools },
];

// ---- the one assertion helper ---------------------------------------------------------------------

interface RowView {
  readonly name: string;
  readonly title: string;
  readonly support: Readonly<Partial<Record<ImplId, SupportLevel>>>;
  readonly note: string;
  readonly action: string | undefined;
  readonly link: string | undefined;
  readonly line: number;
}

interface Want {
  /** `model.matrix`, in page order. */
  readonly rows?: readonly RowView[];
  /** Every diagnostic as `warning code @ file:line:col (see related positions)`. */
  readonly diagnostics?: readonly string[];
  /** Every diagnostic's message, in the same order. */
  readonly messages?: readonly string[];
  readonly availability?: Readonly<Record<string, readonly ImplId[]>>;
  /** `Action.support`; null when unset. */
  readonly support?: Readonly<Record<string, Partial<Record<ImplId, SupportLevel>> | null>>;
  /** `ACTION_NAMES` of each emitted `<impl>/types.ts`. */
  readonly maps?: Readonly<Partial<Record<ImplId, readonly string[]>>>;
  /** `impl action` → the `Support (…)` lines of that action's JSDoc in the action map; null when not in the map. */
  readonly jsdoc?: Readonly<Record<string, readonly string[] | null>>;
  /** compatibility.json entries as `name → action [tag] ob11 gocq napcat lagrange (from @ line)`. */
  readonly report?: readonly string[];
  /** The table body of compatibility.md. */
  readonly reportTable?: readonly string[];
}

interface Case {
  readonly given: readonly { file: string; text: string }[];
  readonly want: Want;
}

async function check({ given, want }: Case): Promise<void> {
  // The compatibility report is an export; the rest is in the types.
  const report = want.report !== undefined || want.reportTable !== undefined;
  const result = await generateFromDocs(given, {
    artefacts: report ? ['types', 'exports'] : ['types'],
    package: false,
  });
  const actual: Record<string, unknown> = {};
  for (const key of Object.keys(want) as (keyof Want)[]) actual[key] = views[key](result, want);
  expect(actual).toEqual(want);
}

const SYMBOL: Readonly<Record<SupportLevel, string>> = {
  standard: '✅',
  minor: '☑️',
  major: '⚠️',
  extension: '✨',
  missing: '❌',
  'not-applicable': '-',
};

const views: { readonly [K in keyof Want]-?: (r: GenerateResult, want: Want) => Want[K] } = {
  rows: (r) =>
    r.model.matrix.map((row) => ({
      name: row.name,
      title: row.title,
      support: row.support,
      note: row.note,
      action: row.action,
      link: (row as { link?: string }).link,
      line: row.source.line,
    })),
  diagnostics: (r) =>
    r.diagnostics.map(
      (d) =>
        `${d.severity} ${d.code} @ ${formatRef(d.source)}` +
        (d.related?.length ? ` (see ${d.related.map(formatRef).join(', ')})` : ''),
    ),
  messages: (r) => r.diagnostics.map((d) => d.message),
  availability: (r, want) =>
    Object.fromEntries(
      Object.keys(want.availability!).map((name) => [name, r.model.actions.find((a) => a.name === name)?.availability]),
    ) as Want['availability'],
  support: (r, want) =>
    Object.fromEntries(
      Object.keys(want.support!).map((name) => [name, r.model.actions.find((a) => a.name === name)?.support ?? null]),
    ),
  maps: (r, want) =>
    Object.fromEntries(Object.keys(want.maps!).map((impl) => [impl, actionNames(r.files.get(`${impl}/types.ts`)!)])),
  jsdoc: (r, want) =>
    Object.fromEntries(
      Object.keys(want.jsdoc!).map((key) => {
        const [impl, name] = key.split(' ') as [ImplId, string];
        return [key, supportLines(r.files.get(`${impl}/types.ts`)!, name)];
      }),
    ),
  report: (r) => (JSON.parse(r.files.get('compatibility.json')!) as Report).entries.map(reportLine),
  reportTable: (r) =>
    r.files
      .get('compatibility.md')!
      .split('\n')
      .filter((l) => l.startsWith('| `')),
};

interface Report {
  readonly entries: readonly {
    name: string;
    action: string | null;
    tag: string | null;
    levels: Partial<Record<ImplId, SupportLevel>>;
    from: string;
    source: { line: number };
  }[];
}

function reportLine(e: Report['entries'][number]): string {
  const levels = (['onebot11', 'gocq', 'napcat', 'lagrange'] as const).map((i) =>
    e.levels[i] ? SYMBOL[e.levels[i]] : '·',
  );
  return `${e.name} → ${e.action ?? '∅'} [${e.tag ?? '∅'}] ${levels.join(' ')} (${e.from} @ ${e.source.line})`;
}

/** The `ACTION_NAMES` array of an emitted types file (prettier writes it with single quotes). */
function actionNames(text: string): string[] {
  const list = /ACTION_NAMES: readonly ActionName\[\] = \[(.*?)\]/s.exec(text)![1]!;
  return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** The `Support (…)` lines of the JSDoc right above `name: { params: …` in the action map. */
function supportLines(text: string, name: string): string[] | null {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s*'?${name.replace('.', '\\.')}'?: \\{ params`).test(l));
  if (at < 0) return null;
  let start = at;
  while (start > 0 && lines[start]!.trim() !== '/**') start--;
  return lines
    .slice(start, at)
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .filter((l) => l.startsWith('Support ('));
}

// ---- cases ----------------------------------------------------------------------------------------

const weather = actionPage(['查询天气', '`get_weather`']);
const row = (over: Partial<RowView> & Pick<RowView, 'name' | 'line'>): RowView => ({
  title: '',
  support: {},
  note: '',
  action: undefined,
  link: undefined,
  ...over,
});

const cases: [string, Case][] = [
  [
    'every symbol maps to its level; ☑ without the variation selector is ☑️',
    {
      given: pages(
        matrixPage(
          [
            '| [get_weather] | 查询天气 | ✅ | ☑️ | ⚠️ | 备注一 |',
            '| [get_sky]     | 看天     | ✨ | ❌ | -  |        |',
            '| [get_rain]    | 下雨     | ☑  | ✅ | ✅ |        |',
          ],
          ['[get_weather]: ./tools.md#查询天气', '[get_sky]: ./tools.md#看天', '[get_rain]: ./tools.md#下雨'],
        ),
        actionPage(['查询天气', '`get_weather`'], ['看天', '`get_sky`'], ['下雨', '`get_rain`']),
      ),
      want: {
        rows: [
          row({
            name: 'get_weather',
            title: '查询天气',
            support: { gocq: 'standard', napcat: 'minor', lagrange: 'major' },
            note: '备注一',
            action: 'get_weather',
            link: './tools.md#查询天气',
            line: 7,
          }),
          row({
            name: 'get_sky',
            title: '看天',
            support: { gocq: 'extension', napcat: 'missing', lagrange: 'not-applicable' },
            action: 'get_sky',
            link: './tools.md#看天',
            line: 8,
          }),
          row({
            name: 'get_rain',
            title: '下雨',
            support: { gocq: 'minor', napcat: 'standard', lagrange: 'standard' },
            action: 'get_rain',
            link: './tools.md#下雨',
            line: 9,
          }),
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'an unknown symbol or empty cell warns at the cell, and that implementation follows the tag; unknown columns warn',
    {
      given: pages(
        md(
          '# 接口一览',
          '',
          '## 工具',
          '',
          '| API | 名称 | go-cqhttp | napcat | LAGRANGE | 状态 |',
          '| --- | ---- | --------- | ------ | -------- | ---- |',
          '| `get_weather` | 查询天气 | ✅ | ? | | 稳定 |',
        ),
        weather,
      ),
      want: {
        rows: [
          row({
            name: 'get_weather',
            title: '查询天气',
            support: { gocq: 'standard' },
            action: 'get_weather',
            line: 7,
          }),
        ],
        diagnostics: [
          `warning matrix-column @ ${README}:5:44`,
          `warning matrix-symbol @ ${README}:7:28`,
          `warning matrix-symbol @ ${README}:7:32`,
        ],
        messages: [
          'matrix column "状态" is not known; it is ignored',
          '`get_weather`: "?" in the napcat column is not one of ✅ ☑️ ⚠️ ✨ ❌ -; for napcat the action\'s availability follows its tag',
          "`get_weather`: an empty cell in the LAGRANGE column is not one of ✅ ☑️ ⚠️ ✨ ❌ -; for LAGRANGE the action's availability follows its tag",
        ],
        availability: { get_weather: ['onebot11', 'gocq', 'napcat', 'lagrange'] },
        support: { get_weather: { onebot11: 'standard', gocq: 'standard' } },
      },
    },
  ],
  [
    'the name comes from a reference, an inline link, inline code or bracketed text without a definition',
    {
      given: pages(
        matrixPage(
          [
            '| [get_weather]              | 甲 | ✅ | ✅ | ✅ | |',
            '| [get_sky](./tools.md#看天) | 乙 | ✅ | ✅ | ✅ | |',
            '| `get_rain`                 | 丙 | ✅ | ✅ | ✅ | |',
            '| [get_snow]                 | 丁 | ✅ | ✅ | ✅ | |',
          ],
          ['[get_weather]: ./tools.md#查询天气'],
        ),
        actionPage(
          ['查询天气', '`get_weather`'],
          ['看天', '`get_sky`'],
          ['下雨', '`get_rain`'],
          ['下雪', '`get_snow`'],
        ),
      ),
      want: {
        rows: [
          ['get_weather', '甲', './tools.md#查询天气'],
          ['get_sky', '乙', './tools.md#看天'],
          ['get_rain', '丙', undefined],
          ['get_snow', '丁', undefined],
        ].map(([name, title, link], i) =>
          row({
            name: name!,
            title: title!,
            support: { gocq: 'standard', napcat: 'standard', lagrange: 'standard' },
            action: name,
            link,
            line: 7 + i,
          }),
        ),
        diagnostics: [],
      },
    },
  ],
  [
    'definitions in a later matrix section give links to rows read before them; the anchor then matches',
    {
      given: pages(
        md(
          '# 接口一览',
          '',
          '## 天气',
          '',
          '| api | 名称 | gocq | NapCat | Lagrange | 备注 |',
          '| --- | ---- | ---- | ------ | -------- | ---- |',
          '| [fetch_weather] | 查询天气 | ✅ | ✅ | ❌ | |',
          '',
          '## 天空',
          '',
          '| api | 名称 | gocq | NapCat | Lagrange | 备注 |',
          '| --- | ---- | ---- | ------ | -------- | ---- |',
          '| [look_up] | 看天 | - | ✨ | - | |',
          '',
          '[fetch_weather]: ./tools.md#查询天气',
          '[look_up]: ./tools.md#看天',
        ),
        actionPage(['查询天气', '`get_weather`'], ['看天', '`get_sky` (NapCat拓展)']),
      ),
      want: {
        rows: [
          row({
            name: 'fetch_weather',
            title: '查询天气',
            support: { gocq: 'standard', napcat: 'standard', lagrange: 'missing' },
            action: 'get_weather',
            link: './tools.md#查询天气',
            line: 7,
          }),
          row({
            name: 'look_up',
            title: '看天',
            support: { gocq: 'not-applicable', napcat: 'extension', lagrange: 'not-applicable' },
            action: 'get_sky',
            link: './tools.md#看天',
            line: 13,
          }),
        ],
        diagnostics: [],
      },
    },
  ],
  [
    'matching: exact name, then anchor (slugged, any case, separators ignored), then `_` `.` `nc_` prefixes',
    {
      given: pages(
        matrixPage(
          [
            '| [get_weather]      | 天气   | ✅ | ✅ | ✅ | |',
            '| [token_please]     | 令牌   | ✅ | ✅ | ✅ | |',
            '| [get_all_count]    | 计数   | ✅ | ✅ | ✅ | |',
            '| [get_hidden]       | 隐藏   | ✅ | ✅ | ✅ | |',
            '| [nc_get_mood]      | 心情   | -  | ✨ | -  | |',
            '| [scan_text]        | 识字   | ✅ | ⚠️ | ✅ | |',
            '| [.scan_text]       | 识字   | ✅ | ⚠️ | ✅ | |',
          ],
          [
            '[get_weather]: ./elsewhere.md#别处',
            '[token_please]: ./tools.md#获取-Access-Token',
            '[get_all_count]: ./tools.md#获取@全体剩余次数',
            '[get_hidden]: ./tools.md#不存在的标题',
          ],
        ),
        actionPage(
          ['查询天气', '`get_weather`'],
          ['获取 Access Token', '`get_token`'],
          ['获取 @全体 剩余次数', '`get_at_all_remain`'],
          ['隐藏', '`_get_hidden`'],
          ['心情', '`get_mood` (NapCat拓展)'],
          ['识字', '`scan_text`'],
        ),
      ),
      want: {
        rows: [
          row({ name: 'get_weather', action: 'get_weather', link: './elsewhere.md#别处', line: 7 }),
          row({ name: 'token_please', action: 'get_token', link: './tools.md#获取-Access-Token', line: 8 }),
          row({ name: 'get_all_count', action: 'get_at_all_remain', link: './tools.md#获取@全体剩余次数', line: 9 }),
          row({ name: 'get_hidden', action: '_get_hidden', link: './tools.md#不存在的标题', line: 10 }),
          row({ name: 'nc_get_mood', action: 'get_mood', line: 11 }),
          row({ name: 'scan_text', action: 'scan_text', line: 12 }),
          row({ name: '.scan_text', action: 'scan_text', line: 13 }),
        ].map((r, i) => ({
          ...r,
          title: ['天气', '令牌', '计数', '隐藏', '心情', '识字', '识字'][i]!,
          support:
            i === 4
              ? { gocq: 'not-applicable', napcat: 'extension', lagrange: 'not-applicable' }
              : { gocq: 'standard', napcat: i >= 5 ? 'major' : 'standard', lagrange: 'standard' },
        })),
        diagnostics: [],
      },
    },
  ],
  [
    'two rows that are not aliases cannot share an action: the second is unmatched and names the first',
    {
      given: pages(
        matrixPage(
          ['| [get_weather] | 查询天气 | ✅ | ✅ | ✅ | |', '| [weather_now] | 查询天气 | ✅ | ✅ | ✅ | |'],
          ['[get_weather]: ./tools.md#查询天气', '[weather_now]: ./tools.md#查询天气'],
        ),
        weather,
      ),
      want: {
        diagnostics: [`warning matrix-row-unmatched @ ${README}:8:1 (see ${README}:7:1)`],
        messages: [
          'matrix row `weather_now` (查询天气) matches no action: it would describe `get_weather`, which row `get_weather` already describes, and only aliases (names differing by a leading `_`/`.`/`nc_`) may share an action',
        ],
      },
    },
  ],
  [
    'an unmatched row warns at the row and says where its link points; a rowless action warns at its bullet',
    {
      given: pages(
        matrixPage(
          [
            '| [get_weather] | 查询天气 | ✅ | ✅ | ✅ | |',
            '| [send_mail]   | 发邮件   | ✅ | ✅ | ✅ | |',
            '| [get_fog]     | 看雾     | ✅ | ✅ | ✅ | |',
            '| get_wind      | 看风     | ✅ | ✅ | ✅ | |',
          ],
          ['[get_weather]: ./tools.md#查询天气', '[send_mail]: ./mail.md#发邮件', '[get_fog]: ./tools.md#看雾'],
        ),
        actionPage(['查询天气', '`get_weather`'], ['看云', '`get_cloud` (gocq拓展)']),
      ),
      want: {
        diagnostics: [
          `warning matrix-row-unmatched @ ${README}:8:1`,
          `warning matrix-row-unmatched @ ${README}:9:1`,
          `warning matrix-row-unmatched @ ${README}:10:1`,
          `warning matrix-action-missing @ ${TOOLS}:${bulletLine(1)}:1`,
        ],
        messages: [
          'matrix row `send_mail` (发邮件) matches no action: its link ./mail.md#发邮件 points at docs/api/mail.md, a page that is not among the inputs (or declares no actions), and no action is named `send_mail` (even with a leading `_`/`.`/`nc_` added or removed)',
          'matrix row `get_fog` (看雾) matches no action: its link ./tools.md#看雾 points at docs/api/tools.md, where no action section has the heading #看雾, and no action is named `get_fog` (even with a leading `_`/`.`/`nc_` added or removed)',
          'matrix row `get_wind` (看风) matches no action: it has no link to a section, and no action is named `get_wind` (even with a leading `_`/`.`/`nc_` added or removed)',
          `action \`get_cloud\` has no row in the support matrix (${README}); it keeps the availability its tag gives: go-cqhttp, NapCat, Lagrange`,
        ],
        rows: [
          row({ name: 'get_weather', action: 'get_weather', link: './tools.md#查询天气', line: 7 }),
          row({ name: 'send_mail', link: './mail.md#发邮件', line: 8 }),
          row({ name: 'get_fog', link: './tools.md#看雾', line: 9 }),
          row({ name: 'get_wind', line: 10 }),
        ].map((r, i) => ({
          ...r,
          title: ['查询天气', '发邮件', '看雾', '看风'][i]!,
          support: { gocq: 'standard', napcat: 'standard', lagrange: 'standard' },
        })),
        availability: { get_cloud: ['gocq', 'napcat', 'lagrange'] },
        support: { get_cloud: null },
      },
    },
  ],
  [
    'the matrix decides availability: ❌ removes an untagged action from Lagrange only, ✨ adds a tagged one',
    {
      given: pages(
        matrixPage(
          ['| [get_weather] | 查询天气 | ✅ | ☑️ | ❌ | |', '| [get_sky] | 看天 | - | ✨ | ✨ | |'],
          ['[get_weather]: ./tools.md#查询天气', '[get_sky]: ./tools.md#看天'],
        ),
        actionPage(['查询天气', '`get_weather`'], ['看天', '`get_sky` (NapCat拓展)']),
      ),
      want: {
        availability: { get_weather: ['onebot11', 'gocq', 'napcat'], get_sky: ['napcat', 'lagrange'] },
        support: {
          get_weather: { onebot11: 'standard', gocq: 'standard', napcat: 'minor', lagrange: 'missing' },
          get_sky: { gocq: 'not-applicable', napcat: 'extension', lagrange: 'extension' },
        },
        maps: {
          onebot11: ['get_weather'],
          gocq: ['get_weather'],
          napcat: ['get_sky', 'get_weather'],
          lagrange: ['get_sky'],
        },
        jsdoc: {
          'lagrange get_weather': null,
          'lagrange get_sky': [`Support (Lagrange): own extension (✨), from ${README}:8.`],
        },
        diagnostics: [],
      },
    },
  ],
  [
    'the action map JSDoc states the level of the implementation being emitted and the row it comes from',
    {
      given: pages(
        matrixPage(['| [get_weather] | 查询天气 | ✅ | ☑️ | ⚠️ | |'], ['[get_weather]: ./tools.md#查询天气']),
        weather,
      ),
      want: {
        jsdoc: {
          'onebot11 get_weather': ['Support (OneBot 11 (standard)): as the standard (✅).'],
          'gocq get_weather': [`Support (go-cqhttp): as the standard (✅), from ${README}:7.`],
          'napcat get_weather': [`Support (NapCat): minor differences (☑️), from ${README}:7.`],
          'lagrange get_weather': [`Support (Lagrange): major differences (⚠️), from ${README}:7.`],
        },
      },
    },
  ],
  [
    'without a matrix nothing changes: tag-based availability, no levels, no JSDoc line, a report from tags',
    {
      given: pages(undefined, actionPage(['查询天气', '`get_weather`'], ['看天', '`get_sky` (社区拓展)'])),
      want: {
        rows: [],
        diagnostics: [],
        availability: { get_weather: ['onebot11', 'gocq', 'napcat', 'lagrange'], get_sky: ['napcat', 'lagrange'] },
        support: { get_weather: null, get_sky: null },
        jsdoc: { 'napcat get_weather': [], 'napcat get_sky': [] },
        report: [
          `get_sky → get_sky [community] - - ✨ ✨ (tag @ ${bulletLine(1)})`,
          `get_weather → get_weather [none] ✅ ✅ ✅ ✅ (tag @ ${bulletLine(0)})`,
        ],
      },
    },
  ],
  [
    'the report lists matrix rows in page order (matched or not), then rowless actions by name',
    {
      given: pages(
        matrixPage(
          [
            '| [get_weather] | 查询天气 | ✅ | ☑️ | ❌ | 常用 |',
            '| [send_mail]   | 发邮件   | ✅ | ✅ | ✅ |      |',
            '| [get_hidden]  | 隐藏     | ✅ | ⚠️ | ❌ |      |',
          ],
          ['[get_weather]: ./tools.md#查询天气', '[send_mail]: ./mail.md#发邮件'],
        ),
        actionPage(
          ['查询天气', '`get_weather`'],
          ['隐藏', '`_get_hidden` (gocq拓展)'],
          ['看云', '`get_cloud` (Lagrange拓展)'],
          ['看天', '`get_sky` (gocq拓展)'],
        ),
      ),
      want: {
        report: [
          'get_weather → get_weather [none] ✅ ✅ ☑️ ❌ (matrix @ 7)',
          'send_mail → ∅ [∅] · ✅ ✅ ✅ (matrix @ 8)',
          'get_hidden → _get_hidden [gocq] - ✅ ⚠️ ❌ (matrix @ 9)',
          `get_cloud → get_cloud [lagrange] - - - ✨ (tag @ ${bulletLine(2)})`,
          `get_sky → get_sky [gocq] - ✅ ✅ ✅ (tag @ ${bulletLine(3)})`,
        ],
        reportTable: [
          `| \`get_weather\` | \`get_weather\` | 查询天气 | none | ✅ | ✅ | ☑️ | ❌ | matrix | ${README}:7 |`,
          `| \`send_mail\` |  | 发邮件 |  |  | ✅ | ✅ | ✅ | matrix | ${README}:8 |`,
          `| \`get_hidden\` | \`_get_hidden\` | 隐藏 | gocq | - | ✅ | ⚠️ | ❌ | matrix | ${README}:9 |`,
          `| \`get_cloud\` | \`get_cloud\` | 看云 | lagrange | - | - | - | ✨ | tag | ${TOOLS}:${bulletLine(2)} |`,
          `| \`get_sky\` | \`get_sky\` | 看天 | gocq | - | ✅ | ✅ | ✅ | tag | ${TOOLS}:${bulletLine(3)} |`,
        ],
      },
    },
  ],
];

describe('support matrix', () => {
  test.each(cases)('%s', async (_name, c) => check(c));
});

// ---- the real docs ----------------------------------------------------------------------------------

const corpus = CORPUS;
const corpusReadme = path.join(corpus, 'api/README.md');

const LEVEL_OF_SYMBOL: Readonly<Record<string, SupportLevel>> = {
  '✅': 'standard',
  '☑️': 'minor',
  '⚠️': 'major',
  '✨': 'extension',
  '❌': 'missing',
  '-': 'not-applicable',
};

/** Matrix rows read line by line, independently of the generator: `| [name] | 名称 | gocq | NapCat | Lagrange | 备注 |`. */
function readMatrixLines(file: string): { name: string; levels: Partial<Record<ImplId, SupportLevel>> }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => /^\|\s*\[[^\]]+\]\s*\|/.test(l))
    .map((l) => {
      const cells = l.split('|').map((c) => c.trim());
      return {
        name: cells[1]!.replace(/^\[|\]$/g, ''),
        levels: {
          gocq: LEVEL_OF_SYMBOL[cells[3]!],
          napcat: LEVEL_OF_SYMBOL[cells[4]!],
          lagrange: LEVEL_OF_SYMBOL[cells[5]!],
        },
      };
    });
}

describeCorpus(
  'support matrix: ../shared/onebot-11-docs',
  () => {
    let result: GenerateResult;
    let report: Report;
    const maps: Partial<Record<ImplId, string[]>> = {};
    beforeAll(async () => {
      result = await sharedGenerate(corpus);
      report = JSON.parse(result.files.get('compatibility.json')!) as Report;
      for (const impl of ['onebot11', 'napcat', 'lagrange'] as const)
        maps[impl] = actionNames(result.files.get(`${impl}/types.ts`)!);
    });

    test('Lagrange has no get_record; the standard keeps it', () => {
      expect([maps.lagrange!.includes('get_record'), maps.onebot11!.includes('get_record')]).toEqual([false, true]);
    });

    test('the NapCat and Lagrange maps follow the matrix for every matched row', () => {
      const available = new Set<SupportLevel>(['standard', 'minor', 'major', 'extension']);
      const matched = report.entries.filter((e) => e.from === 'matrix' && e.action);
      expect(matched.length).toBeGreaterThanOrEqual(58);
      const actual = matched.map((e) => [
        e.action,
        maps.napcat!.includes(e.action!),
        maps.lagrange!.includes(e.action!),
      ]);
      const expected = matched.map((e) => [
        e.action,
        available.has(e.levels.napcat!),
        available.has(e.levels.lagrange!),
      ]);
      expect(actual).toEqual(expected);
    });

    test('renamed actions found their rows: _get_model_show, _set_model_show, get_user_status', () => {
      const actionOf = (name: string) => result.model.matrix.find((r) => r.name === name)?.action;
      expect(['get_model_show', 'set_model_show', 'nc_get_user_status'].map(actionOf)).toEqual([
        '_get_model_show',
        '_set_model_show',
        'get_user_status',
      ]);
    });

    test('compatibility.json matches the README tables row for row', () => {
      const fromReport = report.entries
        .filter((e) => e.from === 'matrix')
        .map((e) => ({
          name: e.name,
          levels: { gocq: e.levels.gocq, napcat: e.levels.napcat, lagrange: e.levels.lagrange },
        }));
      expect(fromReport).toEqual(readMatrixLines(corpusReadme));
    });

    test('every action has a row; the only unmatched rows link to pages that are not in the corpus (one warning per page)', () => {
      const codes = result.diagnostics.filter((d) => d.code.startsWith('matrix-'));
      const pagesLinked = new Set(
        codes.map((d) => /points? at \S*\/([^/\s,]+\.md), a page that is not among the inputs/.exec(d.message)?.[1]),
      );
      expect([codes.every((d) => d.code === 'matrix-row-unmatched'), [...pagesLinked].sort(), codes.length]).toEqual([
        true,
        ['group.md', 'message.md', 'other.md'],
        3,
      ]);
    });
  },
  corpusReadme,
);
