/**
 * The CLI: `main(argv, io)` in-process for exit codes, the diagnostic format, the summary line,
 * --check and --strict; and one spawned process as users run it (the package's bin).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../generator/cli.js';
import { removeTree, writeTempTree } from './support/generate.js';
import { FIXTURES, ROOT } from './support/paths.js';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, capturing what it prints. */
async function cli(...args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    { cwd: process.cwd(), env: {} },
  );
  return { code, stdout, stderr };
}

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await writeTempTree(new Map());
  temps.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map(removeTree));
});

const good = path.join(FIXTURES, 'good-docs');
const bad = path.join(FIXTURES, 'bad-docs');
const warnOnly = path.join(FIXTURES, 'warn-docs');

describe('cli', () => {
  test('bad usage exits 2 with the usage text', async () => {
    const out = await cli('--no-such-flag');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('usage: onebot-codegen [options]');
  });

  test('--version prints the version in package.json; --help the options and artefact groups', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--config FILE {11}read options from FILE/m);
    expect(help.stdout).toMatch(/^ {2}types {6}<impl>\/types\.ts/m);
  });

  test('a docs folder that does not exist is bad usage', async () => {
    const out = await cli('--docs', 'no/such/folder');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--docs no/such/folder: no such folder');
  });

  test('good docs: exit 0, files written, summary line', async () => {
    const out = await tempDir();
    const result = await cli('--docs', good, '--out', out);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^2 actions, 4 implementations, 167 files, 0 errors, 0 warnings in \d+ ms$/m);
    expect(await readdir(out)).toEqual(
      expect.arrayContaining(['gocq', 'index.ts', 'lagrange', 'model.json', 'napcat', 'onebot11']),
    );
    expect(await readFile(path.join(out, 'onebot11/types.ts'), 'utf8')).not.toContain('remind_me');
    expect(await readFile(path.join(out, 'gocq/types.ts'), 'utf8')).toContain("when?: 'now' | 'later';");
  });

  test('--check: exit 1 listing stale files, writes nothing; exit 0 once up to date', async () => {
    const out = await tempDir();
    const stale = await cli('--docs', good, '--out', out, '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`stale: ${out}/napcat/types.ts`);
    expect(await readdir(out)).toEqual([]);
    expect((await cli('--docs', good, '--out', out)).code).toBe(0);
    expect((await cli('--docs', good, '--out', out, '--check')).code).toBe(0);
    await writeFile(path.join(out, 'index.ts'), '// edited by hand\n');
    const edited = await cli('--docs', good, '--out', out, '--check');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`stale: ${out}/index.ts`);
  });

  test('bad input: file:line:col diagnostics, exit 1 on errors, and nothing else is lost', async () => {
    const out = await tempDir();
    const result = await cli('--docs', bad, '--out', out);
    const file = 'bad-docs/api/broken.md';
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${file}:3:1 - warning misplaced-heading: heading "孤立的小标题" (depth 3) comes before the first \`##\` section`,
      expect.stringMatching(new RegExp(`^${file}:12:\\d+ - warning invalid-example: `)),
      `${file}:22:1 - warning table-cells: row has 3 cells, fewer than the 4 columns of the header; missing cells are empty, extra cells are ignored`,
      `${file}:28:1 - warning unknown-type: field \`temp\`: unknown type word \`celsius\`; typed as unknown`,
      `${file}:30:1 - warning no-tables: response of \`query_weather\` is not documented for onebot11, gocq, napcat, lagrange; typed as unknown`,
      `${file}:32:1 - error duplicate-action: action \`query_weather\` is already declared; this section is dropped (see ${file}:7:1)`,
      `${file}:40:1 - warning no-tables: \`ping_server\` documents neither params nor response`,
    ]);
    expect(result.stdout).toMatch(/^3 actions, 4 implementations, 167 files, 1 errors, 6 warnings/m);
    // The rest of the page still generates: the first query_weather, ping_server and echo_text.
    const napcat = await readFile(path.join(out, 'napcat/types.ts'), 'utf8');
    expect(napcat).toContain('echo_text: { params: EchoTextParams; response: EchoTextResponse };');
    expect(napcat).toContain('ping_server: { params: PingServerParams; response: PingServerResponse };');
    expect(napcat).toMatch(/export interface QueryWeatherResponse \{[^}]*temp: unknown;/);
  });

  test('warnings alone: exit 0, and exit 1 under --strict', async () => {
    const out = await tempDir();
    const lenient = await cli('--docs', warnOnly, '--out', out);
    expect(lenient.stderr).toMatch(/^warn-docs\/api\/weather\.md:17:1 - warning unknown-type: /);
    expect(lenient.stdout).toMatch(/0 errors, 1 warnings/);
    expect(lenient.code).toBe(0);
    expect((await cli('--docs', warnOnly, '--out', out, '--strict')).code).toBe(1);
  });

  test('infos are printed and counted, and fail no run, not even under --strict', async () => {
    const docs = await writeTempTree(
      new Map([
        ['api/page.md', '# 页\n\n## `poke_me` 戳\n\n### 参数\n\n无\n\n### 响应数据\n\n无\n\n## 说明\n\n只是文字。\n'],
      ]),
    );
    temps.push(docs);
    const out = await tempDir();
    const strict = await cli('--docs', docs, '--out', out, '--strict');
    expect(strict.stderr).toMatch(/page\.md:13:1 - info unused-section: nothing is generated from section "说明"/);
    expect(strict.stdout).toMatch(/^1 actions, .*, 0 errors, 0 warnings, 1 infos in \d+ ms$/m);
    expect(strict.code).toBe(0);
  });
});

describe('cli as a process', () => {
  // The package's bin, as `npx onebot-codegen` runs it (dist/ is current: test/support/global-setup.ts).
  test('the bin, `dist/generator/cli.js`, runs main and exits with its code', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['dist/generator/cli.js', '--bogus'], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('usage: onebot-codegen [options]');
  });
});
