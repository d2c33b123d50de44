/**
 * `--scaffold DIR --impl IMPL` as a user runs it: stubs that compile against the generated server,
 * a second run that writes nothing, an edited stub never overwritten, and a new action in the docs
 * adding only its own stub.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../generator/cli.js';
import { removeTree, writeTempTree } from './support/generate.js';
import { typecheck } from './support/tsc.js';

const PAGE = (extra: string) => `# 页面

## 打招呼

- \`say_hello\`

### 参数

| 字段名 | 数据类型 | 默认值 | 说明 |
| ------ | -------- | ------ | ---- |
| \`name\` | string | - | 名字 |

### 响应数据

| 字段名 | 数据类型 | 说明 |
| ------ | -------- | ---- |
| \`text\` | string | 问候 |
${extra}`;

const EXTRA = `
## 道别

- \`say_bye\` (NapCat拓展)

### 参数

| 字段名 | 数据类型 | 默认值 | 说明 |
| ------ | -------- | ------ | ---- |
| \`name\` | string | - | 名字 |

### 响应数据

::: tip
该 API 无响应数据
:::
`;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeTree));
});

async function run(root: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } };
  const args = ['--docs', path.join(root, 'docs'), '--out', path.join(root, 'generated')];
  const code = await main([...args, '--scaffold', path.join(root, 'handlers'), '--impl', 'napcat'], io);
  return { code, stdout };
}

describe('--scaffold', () => {
  test('creates stubs once, never overwrites, and adds only what the docs add', async () => {
    const root = await writeTempTree(new Map([['docs/api/page.md', PAGE('')]]), 'onebot-scaffold-');
    dirs.push(root);
    const handlers = path.join(root, 'handlers');

    const first = await run(root);
    expect(first.code).toBe(0);
    expect((await readdir(handlers)).sort()).toEqual(['index.ts', 'sayHello.ts']);
    const server = `import { createNapCatServer } from '../generated/napcat/server.js';
import { handlers } from './index.js';
export const server = createNapCatServer({ selfId: 1, http: { port: 0 }, handlers });\n`;
    await writeFile(path.join(handlers, 'app.ts'), server);
    const files = ['index.ts', 'sayHello.ts', 'app.ts'].map((f) => path.join(handlers, f));
    // The stubs and the app are checked; the generated server only lends them its types (its own
    // code is checked by test/e2e/compile.test.ts).
    expect(typecheck(files, { checked: 'roots' })).toEqual([]);

    await writeFile(path.join(handlers, 'sayHello.ts'), '// mine\n');
    const second = await run(root);
    expect(second.stdout).not.toContain('scaffold: created');
    expect(second.stdout).toContain('scaffold: 2 files already exist, left as they are');
    expect(await readFile(path.join(handlers, 'sayHello.ts'), 'utf8')).toBe('// mine\n');

    await writeFile(path.join(root, 'docs/api/page.md'), PAGE(EXTRA));
    const third = await run(root);
    expect(third.stdout).toContain(`scaffold: created ${handlers}/sayBye.ts`);
    expect(third.stdout.match(/scaffold: created/g)).toHaveLength(1);
    expect(third.stdout).toContain(`add the new handlers to ${handlers}/index.ts`);
    expect(await readFile(path.join(handlers, 'sayBye.ts'), 'utf8')).toContain("Handlers['say_bye']");
  });

  test('--scaffold without a known --impl is bad usage', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) } };
    expect(await main(['--scaffold', 'x', '--impl', 'nope'], io)).toBe(2);
    expect(stderr).toContain('--scaffold needs --impl');
  });
});
