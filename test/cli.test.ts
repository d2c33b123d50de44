/**
 * The CLI as users run it: a real process, real files. Exit codes, the diagnostic format, the
 * summary line, --check and --strict, and that bad input loses nothing else.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { removeTree, writeTempTree } from './support/generate.js';
import { ROOT } from './support/paths.js';

const root = ROOT;
const fixtures = 'test/fixtures';
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'generator/cli.ts', ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
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

describe('cli', () => {
  test('bad usage exits 2 with the usage text', async () => {
    const out = await cli('--no-such-flag');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('usage: npm run generate');
  });

  test('a docs folder that does not exist is bad usage', async () => {
    const out = await cli('--docs', 'no/such/folder');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--docs no/such/folder: no such folder');
  });

  test('good docs: exit 0, files written, summary line', async () => {
    const out = await tempDir();
    const result = await cli('--docs', `${fixtures}/good-docs`, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2 actions, 4 implementations, 10 files, 0 errors, 0 warnings in \d+ ms$/m);
    expect(await readdir(out)).toEqual(
      expect.arrayContaining(['gocq', 'index.ts', 'lagrange', 'model.json', 'napcat', 'onebot11']),
    );
    expect(await readFile(path.join(out, 'onebot11/types.ts'), 'utf8')).not.toContain('remind_me');
    expect(await readFile(path.join(out, 'gocq/types.ts'), 'utf8')).toContain("when?: 'now' | 'later';");
  });

  test('--check: exit 1 listing stale files, writes nothing; exit 0 once up to date', async () => {
    const out = await tempDir();
    const stale = await cli('--docs', `${fixtures}/good-docs`, '--out', out, '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`stale: ${out}/napcat/types.ts`);
    expect(await readdir(out)).toEqual([]);
    await cli('--docs', `${fixtures}/good-docs`, '--out', out);
    expect((await cli('--docs', `${fixtures}/good-docs`, '--out', out, '--check')).code).toBe(0);
    await writeFile(path.join(out, 'index.ts'), '// edited by hand\n');
    const edited = await cli('--docs', `${fixtures}/good-docs`, '--out', out, '--check');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`stale: ${out}/index.ts`);
  });

  test('bad input: file:line:col diagnostics, exit 1 on errors, and nothing else is lost', async () => {
    const out = await tempDir();
    const result = await cli('--docs', `${fixtures}/bad-docs`, '--out', out);
    const file = `${fixtures}/bad-docs/api/broken.md`;
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${file}:3:1 - warning misplaced-heading: heading "孤立的小标题" (depth 3) comes before the first \`##\` section`,
      expect.stringMatching(new RegExp(`^${file}:12:\\d+ - warning invalid-example: `)),
      `${file}:22:1 - warning table-cells: row has 3 cells, fewer than the 4 columns of the header; missing cells are empty, extra cells are ignored`,
      `${file}:28:1 - warning unknown-type: field \`temp\`: unknown type word \`celsius\`; typed as unknown`,
      `${file}:30:1 - warning no-tables: response of \`query_weather\` is not documented for onebot11, gocq, napcat, lagrange; typed as unknown`,
      `${file}:32:1 - error duplicate-action: action \`query_weather\` is already declared; this section is dropped (see ${file}:7:1)`,
      `${file}:40:1 - warning no-tables: \`ping_server\` documents neither params nor response`,
    ]);
    expect(result.stdout).toMatch(/^3 actions, 4 implementations, 10 files, 1 errors, 6 warnings/m);
    // The rest of the page still generates: the first query_weather, ping_server and echo_text.
    const napcat = await readFile(path.join(out, 'napcat/types.ts'), 'utf8');
    expect(napcat).toContain('echo_text: { params: EchoTextParams; response: EchoTextResponse };');
    expect(napcat).toContain('ping_server: { params: PingServerParams; response: PingServerResponse };');
    expect(napcat).toMatch(/export interface QueryWeatherResponse \{[^}]*temp: unknown;/);
  });

  test('--strict turns warnings into a failure', async () => {
    const out = await tempDir();
    const result = await cli('--docs', `${fixtures}/bad-docs`, '--out', out, '--strict');
    expect(result.code).toBe(1);
  });
});
