/**
 * The CLI against hostile arguments and folders, as a user meets them: refused outputs exit 2 with
 * a reason, bad docs exit 1 and replace nothing, a user's file is named and left alone, paths under
 * /proc and /dev return promptly. In-process `main()`; every run has a deadline.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cp, lstat, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../generator/cli.js';
import { removeTree, writeTempTree } from '../support/generate.js';
import { FIXTURES } from '../support/paths.js';

const good = path.join(FIXTURES, 'good-docs');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const run = main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  const deadline = new Promise<number>((_, reject) =>
    setTimeout(() => reject(new Error('the CLI hung')), 20_000).unref(),
  );
  const code = await Promise.race([run, deadline]);
  return { code, stdout, stderr };
}

const temps: string[] = [];
async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await writeTempTree(new Map(Object.entries(files)));
  temps.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map(removeTree));
});

/** path → content and mtime of every file under dir. */
async function snapshot(dir: string, prefix = ''): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(result, await snapshot(full, `${prefix}${e.name}/`));
    else result[`${prefix}${e.name}`] = `${(await lstat(full)).mtimeMs}|${await readFile(full, 'utf8')}`;
  }
  return result;
}

describe('refused arguments exit 2 before anything is read or written', () => {
  const rows: [string, { given: () => Promise<string[]>; want: string }][] = [
    ['--out= (empty)', { given: async () => ['--docs', good, '--out='], want: "--out '': is empty" }],
    ['--docs= (empty)', { given: async () => ['--docs='], want: '--docs is empty' }],
    ['--docs /dev/zero', { given: async () => ['--docs', '/dev/zero'], want: '--docs /dev/zero: not a folder' }],
    [
      '--out . in the project root',
      { given: async () => ['--docs', good, '--out', '.'], want: '--out .: is a project root' },
    ],
    [
      '--out a folder with package.json elsewhere',
      {
        given: async () => ['--docs', good, '--out', await tempDir({ 'package.json': '{}' })],
        want: 'is a project root (it has a package.json and is not an earlier output)',
      },
    ],
    ['--out the docs folder', { given: async () => ['--docs', good, '--out', good], want: 'is the docs folder' }],
    [
      '--out inside the docs folder',
      {
        given: async () => ['--docs', good, '--out', path.join(good, 'api', 'gen')],
        want: 'is inside the docs folder',
      },
    ],
    [
      '--out an ancestor of the docs folder',
      { given: async () => ['--docs', good, '--out', FIXTURES], want: 'contains the docs folder' },
    ],
    ['--out /', { given: async () => ['--docs', good, '--out', '/'], want: 'contains the docs folder' }],
    [
      '--out a file',
      {
        given: async () => ['--docs', good, '--out', path.join(good, '..', 'good-docs', 'api', 'echo.md')],
        want: 'exists and is not a folder',
      },
    ],
  ];
  test.each(rows)('%s', async (_name, { given, want }) => {
    const result = await cli(...(await given()));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(want);
    expect(result.stderr).toContain('usage: onebot-codegen');
  });

  test('a folder with package.json that is an earlier output is accepted', async () => {
    const out = await tempDir();
    expect((await cli('--docs', good, '--out', out)).code).toBe(0);
    await writeFile(path.join(out, 'package.json'), '{}');
    expect((await cli('--docs', good, '--out', out)).code).toBe(0);
  });
});

describe('paths that used to hang return promptly', () => {
  test('--out /proc/x: exit 1 naming the folder', async () => {
    const result = await cli('--docs', good, '--out', '/proc/onebot-codegen-test/x');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('onebot-codegen: cannot create the output folder /proc/onebot-codegen-test/x');
  });
});

describe('bad docs fail loudly and replace nothing', () => {
  test('an empty docs folder: exit 1, the existing output untouched', async () => {
    const out = await tempDir();
    expect((await cli('--docs', good, '--out', out)).code).toBe(0);
    const before = await snapshot(out);
    const empty = await tempDir({ 'README.txt': 'no pages here' });
    const result = await cli('--docs', empty, '--out', out);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`onebot-codegen: no .md file under ${empty}; nothing was generated or replaced\n`);
    expect(await snapshot(out)).toEqual(before);
  });

  test('a GB18030 page: an error at file:line:col with the byte offset, exit 1, the other pages generated', async () => {
    const docs = await tempDir();
    await cp(good, docs, { recursive: true });
    await writeFile(path.join(docs, 'api', 'legacy.md'), Buffer.from([0x23, 0x20, 0xb2, 0xe2, 0x0a]));
    const out = await tempDir();
    const result = await cli('--docs', docs, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${path.basename(docs)}/api/legacy.md:1:3 - error invalid-utf8: not valid UTF-8: byte 0xB2 at byte offset 2`,
    );
    expect(await readFile(path.join(out, 'onebot11', 'types.ts'), 'utf8')).toContain('echo_text');
  });

  test('a FIFO page and a symlinked folder: warned / followed, no hang', async () => {
    const docs = await tempDir();
    await cp(path.join(good, 'api'), path.join(docs, 'real'), { recursive: true });
    await mkdir(path.join(docs, 'pages'));
    execFileSync('ln', ['-s', path.join(docs, 'real'), path.join(docs, 'pages', 'api')]);
    execFileSync('mkfifo', [path.join(docs, 'pages', 'pipe.md')]);
    const out = await tempDir();
    const result = await cli('--docs', docs, '--out', out);
    expect(result.stderr).toContain('pages/pipe.md is a FIFO, not a file; it is skipped and never opened');
    expect(result.stderr).toContain(`${path.basename(docs)}/real:1:1 - warning skipped-folder`);
    expect(result.stdout).toMatch(/^2 actions/);
  });
});

describe('the output folder', () => {
  test("a user's own index.ts: exit 1 naming it, nothing written", async () => {
    const out = await tempDir({ 'index.ts': '// mine\n' });
    const result = await cli('--docs', good, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(out, 'index.ts')}: not written by the generator`);
    expect(await readdir(out)).toEqual(['index.ts']);
    expect(await readFile(path.join(out, 'index.ts'), 'utf8')).toBe('// mine\n');
  });

  test('--check reports a folder an interrupted run left half-updated, and the next run repairs it', async () => {
    const out = await tempDir();
    expect((await cli('--docs', good, '--out', out)).code).toBe(0);
    await mkdir(path.join(out, '.onebot-codegen'));
    const journal = { generator: 'onebot-codegen', version: 1, direction: 'forward', entries: [], createdDirs: [] };
    await writeFile(path.join(out, '.onebot-codegen', 'journal.json'), JSON.stringify(journal));
    const checked = await cli('--docs', good, '--out', out, '--check');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`inconsistent: ${out} was left half-updated by an interrupted run`);
    expect((await cli('--docs', good, '--out', out)).code).toBe(0);
    expect((await cli('--docs', good, '--out', out, '--check')).code).toBe(0);
  });

  test('a second run while another process holds the lock: exit 1 naming its pid', async () => {
    const out = await tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await mkdir(path.join(out, '.onebot-codegen'));
      const lock = { pid: holder.pid, host: (await import('node:os')).hostname(), started: 'now', token: 't' };
      await writeFile(path.join(out, '.onebot-codegen', 'lock'), JSON.stringify(lock));
      const result = await cli('--docs', good, '--out', out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`onebot-codegen: another run (pid ${holder.pid} on `);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
