/**
 * Garbage in, diagnostics out: pages stitched at random from the constructs of the docs dialect
 * (and broken variants of them) never make the generator throw, every diagnostic points inside the
 * page, and the output still compiles.
 */
import { describe, expect, test } from 'vitest';
import { generateFromDocs } from '../../generator/generate.js';
import { removeTree, tsFiles, writeTempTree } from '../support/generate.js';
import { typecheck } from '../support/tsc.js';

const PIECES = [
  '## 动作 {n}',
  '- `act_{n}`',
  '- `act_{n}` (NapCat拓展)',
  '- `act_{n}` (奇怪拓展)',
  '### 参数',
  '### 响应数据',
  '### 子类型{n}',
  '**Sub{n}**',
  '- `NapCat`',
  '- `Lagrange`: 多一个 `x{n}` 字段',
  '- `NapCat`: `a` 参数无效',
  '- 对象{n}',
  '响应内容为 JSON 数组，每个元素如下：',
  '| 字段名 | 数据类型 | 默认值 | 说明 |\n| --- | --- | --- | --- |\n| `a` | number | - | 甲 |\n| `b` | [Sub{n}](#sub{n}) | `1` |',
  '| 字段名 | 数据类型 | 说明 |\n| --- | --- | --- |\n| `a.b` | `x` `y` | 乙 |\n| …… | - | 更多 |\n| `c` | wat[] | 丙 | 多 |',
  '| 参数名 | 收 | 发 | 可能的值 | 说明 |\n| --- | --- | --- | --- | --- |\n| `id` | ✓ |  | `0` `1` | 编号 |',
  '| 字段名 | 数据类型 | 可能的值 | 说明 |\n| --- | --- | --- | --- |\n| `post_type` | string | `notice` | 类型 |\n| `notice_type` | string | `n{n}` | 类型 |',
  '| api | 名称 | gocq | NapCat | Lagrange | 备注 |\n| --- | --- | --- | --- | --- | --- |\n| [act_{n}] | 名 | ✅ | ☹ | ❌ | |',
  '::: details 点击查看 NapCat 响应示例数据\n\n```json\n{ "a": 1, "b": [ { "c": "x" } ] // 注释\n}\n```\n\n:::',
  '::: details 点击查看请求示例数据\n\n```json\n{ "a": 1 "b": }\n```',
  '::: tip 提示\n该 API 没有参数\n:::',
  ':::',
  '::: weird\n文字',
  '> [!note] 注意\n> 文本',
  '其中 `sender` 字段的内容如下：',
  '```\n[CQ:face,id={n}]\n```',
  '# 标题',
  '#### 深层',
  '<hr>',
];

/** mulberry32: a small seeded generator, so a failing page can be reproduced from its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function page(seed: number): string {
  const next = random(seed);
  const count = 5 + Math.floor(next() * 40);
  return Array.from({ length: count }, () =>
    PIECES[Math.floor(next() * PIECES.length)]!.replaceAll('{n}', String(Math.floor(next() * 4))),
  ).join('\n\n');
}

describe('robustness', () => {
  const seeds = Array.from({ length: 150 }, (_, i) => i + 1);

  test('random pages never throw and every diagnostic points inside its page', async () => {
    for (const seed of seeds) {
      const text = page(seed);
      const lines = text.split('\n').length;
      const result = await generateFromDocs([{ file: `api/page-${seed}.md`, text }]);
      for (const d of result.diagnostics) {
        expect(d.code, `seed ${seed}: ${d.message}`).not.toBe('internal-error');
        expect(d.source.file).toBe(`api/page-${seed}.md`);
        expect(d.source.line, `seed ${seed}`).toBeGreaterThanOrEqual(1);
        expect(d.source.line, `seed ${seed}`).toBeLessThanOrEqual(lines);
      }
    }
  });

  test('the output of a batch of random pages compiles', async () => {
    const docs = seeds.slice(0, 40).map((seed) => ({ file: `api/page-${seed}.md`, text: page(seed) }));
    const result = await generateFromDocs(docs);
    const dir = await writeTempTree(result.files);
    try {
      expect(typecheck(tsFiles(dir, result.files))).toEqual([]);
    } finally {
      await removeTree(dir);
    }
  });
});
