import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, writeOutputs } from '../../generator/write.js';

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'onebot-write-'));
  out = path.join(root, 'out'); // not created: writeOutputs must create it
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const files = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
const read = (rel: string): Promise<string> => readFile(path.join(out, rel), 'utf8');
const manifestOf = (paths: string[]): string =>
  `${JSON.stringify({ generator: 'onebot-codegen', files: paths }, null, 2)}\n`;

/** Every entry below dir (directories end in '/'), sorted; [] when dir does not exist. */
async function listing(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const result: string[] = [];
  for (const e of entries) {
    const rel = `${prefix}${e.name}`;
    if (e.isDirectory()) result.push(`${rel}/`, ...(await listing(path.join(dir, e.name), `${rel}/`)));
    else result.push(rel);
  }
  return result.sort();
}

/** Path → mtime and content of every file, to prove a run touched nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const rel of await listing(dir)) {
    if (rel.endsWith('/')) continue;
    const full = path.join(dir, rel);
    result[rel] = `${(await stat(full)).mtimeMs}|${await readFile(full, 'utf8')}`;
  }
  return result;
}

const tmpFiles = async (): Promise<string[]> => (await listing(root)).filter((p) => p.endsWith('.tmp'));

describe('writeOutputs', () => {
  it('creates the folder, the files and the manifest on the first run', async () => {
    const result = await writeOutputs(
      out,
      files({ 'sub/b.ts': 'export const b = 2;\n', 'a.ts': 'export const a = 1;\n' }),
    );
    expect(result).toEqual({ written: [MANIFEST_NAME, 'a.ts', 'sub/b.ts'], removed: [], unchanged: [], problems: [] });
    expect(await listing(out)).toEqual([MANIFEST_NAME, 'a.ts', 'sub/', 'sub/b.ts']);
    expect(await read('a.ts')).toBe('export const a = 1;\n');
    expect(await read('sub/b.ts')).toBe('export const b = 2;\n');
    expect(await read(MANIFEST_NAME)).toBe(
      '{\n  "generator": "onebot-codegen",\n  "files": [\n    "a.ts",\n    "sub/b.ts"\n  ]\n}\n',
    );
    expect(await tmpFiles()).toEqual([]);
  });

  it('reports an identical second run as unchanged and leaves mtimes alone', async () => {
    const set = files({ 'a.ts': 'A', 'sub/b.ts': 'B' });
    await writeOutputs(out, set);
    const past = new Date('2001-02-03T04:05:06Z');
    for (const rel of ['a.ts', 'sub/b.ts', MANIFEST_NAME]) await utimes(path.join(out, rel), past, past);

    const result = await writeOutputs(out, set);
    expect(result).toEqual({ written: [], removed: [], unchanged: ['a.ts', 'sub/b.ts'], problems: [] });
    for (const rel of ['a.ts', 'sub/b.ts', MANIFEST_NAME]) {
      expect((await stat(path.join(out, rel))).mtime.getTime()).toBe(past.getTime());
    }
  });

  it('rewrites only files whose content changed', async () => {
    await writeOutputs(out, files({ 'a.ts': 'old', 'b.ts': 'same' }));
    const result = await writeOutputs(out, files({ 'a.ts': 'new', 'b.ts': 'same' }));
    expect(result).toEqual({ written: ['a.ts'], removed: [], unchanged: ['b.ts'], problems: [] });
    expect(await read('a.ts')).toBe('new');
    expect(await read('b.ts')).toBe('same');
    expect(await tmpFiles()).toEqual([]);
  });

  it('removes a dropped file and prunes the directories it leaves empty', async () => {
    await writeOutputs(out, files({ 'a.ts': 'A', 'sub/deep/c.ts': 'C', 'keep/d.ts': 'D' }));
    await writeFile(path.join(out, 'keep', 'notes.md'), 'mine');

    const result = await writeOutputs(out, files({ 'a.ts': 'A' }));
    expect(result).toEqual({
      written: [MANIFEST_NAME],
      removed: ['keep/d.ts', 'sub/deep/c.ts'],
      unchanged: ['a.ts'],
      problems: [],
    });
    expect(await listing(out)).toEqual([MANIFEST_NAME, 'a.ts', 'keep/', 'keep/notes.md']);
    expect(await read(MANIFEST_NAME)).toBe(manifestOf(['a.ts']));
  });

  it('never removes the output folder itself', async () => {
    await writeOutputs(out, files({ 'only.ts': 'X' }));
    const result = await writeOutputs(out, files({}));
    expect(result).toEqual({ written: [MANIFEST_NAME], removed: ['only.ts'], unchanged: [], problems: [] });
    expect(await listing(out)).toEqual([MANIFEST_NAME]);
  });

  it('leaves files it did not generate alone, even with a generated-looking name', async () => {
    await mkdir(path.join(out, 'api'), { recursive: true });
    await writeFile(path.join(out, 'api', 'old-action.ts'), 'hand-written');
    await writeOutputs(out, files({ 'api/send.ts': 'S', 'api/recv.ts': 'R' }));

    const result = await writeOutputs(out, files({ 'api/send.ts': 'S' }));
    expect(result).toEqual({
      written: [MANIFEST_NAME],
      removed: ['api/recv.ts'],
      unchanged: ['api/send.ts'],
      problems: [],
    });
    expect(await listing(out)).toEqual([MANIFEST_NAME, 'api/', 'api/old-action.ts', 'api/send.ts']);
    expect(await read('api/old-action.ts')).toBe('hand-written');
  });

  it('removes nothing when the old manifest is invalid JSON, then writes a valid one', async () => {
    await writeOutputs(out, files({ 'a.ts': 'A', 'b.ts': 'B' }));
    await writeFile(path.join(out, MANIFEST_NAME), '{"generator": "onebot-codegen", "files": [');

    const result = await writeOutputs(out, files({ 'a.ts': 'A' }));
    expect(result).toEqual({ written: [MANIFEST_NAME], removed: [], unchanged: ['a.ts'], problems: [] });
    expect(await listing(out)).toEqual([MANIFEST_NAME, 'a.ts', 'b.ts']);
    expect(await read(MANIFEST_NAME)).toBe(manifestOf(['a.ts']));
  });

  it('ignores a manifest that lists a path outside the output folder', async () => {
    await writeFile(path.join(root, 'outside.ts'), 'precious');
    await mkdir(out);
    await writeFile(path.join(out, MANIFEST_NAME), manifestOf(['../outside.ts', 'a.ts']));
    await writeFile(path.join(out, 'a.ts'), 'A');

    const result = await writeOutputs(out, files({}));
    expect(result).toEqual({ written: [MANIFEST_NAME], removed: [], unchanged: [], problems: [] });
    expect(await readFile(path.join(root, 'outside.ts'), 'utf8')).toBe('precious');
    expect(await listing(out)).toEqual([MANIFEST_NAME, 'a.ts']);
  });
});

describe('writeOutputs in check mode', () => {
  it('reports missing, stale and removable files and writes nothing', async () => {
    await writeOutputs(out, files({ 'a.ts': 'A', 'b.ts': 'B', 'gone.ts': 'G', 'same.ts': 'S' }));
    await writeFile(path.join(out, 'a.ts'), 'edited by hand');
    await rm(path.join(out, 'b.ts'));
    const before = await snapshot(out);

    const set = files({ 'a.ts': 'A', 'b.ts': 'B', 'new/c.ts': 'C', 'same.ts': 'S' });
    const result = await writeOutputs(out, set, { check: true });
    expect(result).toEqual({
      written: [MANIFEST_NAME, 'a.ts', 'b.ts', 'new/c.ts'],
      removed: ['gone.ts'],
      unchanged: ['same.ts'],
      problems: [],
    });
    expect(await snapshot(out)).toEqual(before);
    expect(await listing(out)).toEqual([MANIFEST_NAME, 'a.ts', 'gone.ts', 'same.ts']);
  });

  it('agrees with a real run made afterwards', async () => {
    await writeOutputs(out, files({ 'a.ts': 'A', 'gone.ts': 'G' }));
    const set = files({ 'a.ts': 'A2', 'b.ts': 'B' });
    const checked = await writeOutputs(out, set, { check: true });
    expect(await writeOutputs(out, set)).toEqual(checked);
    expect(await writeOutputs(out, set, { check: true })).toEqual({
      written: [],
      removed: [],
      unchanged: ['a.ts', 'b.ts'],
      problems: [],
    });
  });

  it('counts a missing manifest as stale when every file is identical', async () => {
    await writeOutputs(out, files({ 'a.ts': 'A' }));
    await rm(path.join(out, MANIFEST_NAME));
    const result = await writeOutputs(out, files({ 'a.ts': 'A' }), { check: true });
    expect(result).toEqual({ written: [MANIFEST_NAME], removed: [], unchanged: ['a.ts'], problems: [] });
    expect(await listing(out)).toEqual(['a.ts']);
  });

  it('does not create a missing output folder', async () => {
    const result = await writeOutputs(out, files({ 'a.ts': 'A' }), { check: true });
    expect(result).toEqual({ written: [MANIFEST_NAME, 'a.ts'], removed: [], unchanged: [], problems: [] });
    expect(await listing(root)).toEqual([]);
  });
});

describe('writeOutputs path validation', () => {
  const bad: [string, string][] = [
    ['/abs.ts', 'absolute'],
    ['C:/win.ts', 'absolute'],
    ['../up.ts', '".." segment'],
    ['a/../b.ts', '".." segment'],
    ['a\\b.ts', 'backslash'],
    ['', 'empty'],
    ['a//b.ts', 'empty or "." segment'],
    ['./a.ts', 'empty or "." segment'],
    ['dir/', 'empty or "." segment'],
    [MANIFEST_NAME, 'reserved for the manifest'],
  ];

  it.each(bad)('rejects %j before writing anything', async (bad, reason) => {
    const set = files({ 'a.ts': 'A' });
    set.set(bad, 'X');
    await expect(writeOutputs(out, set)).rejects.toThrow(`invalid output path ${JSON.stringify(bad)}: `);
    await expect(writeOutputs(out, set)).rejects.toThrow(reason);
    expect(await listing(root)).toEqual([]);
  });

  it('rejects a path that is also the directory of another path', async () => {
    await expect(writeOutputs(out, files({ a: 'A', 'a/b.ts': 'B' }))).rejects.toThrow(
      'invalid output path "a": it is also a directory of another path',
    );
    expect(await listing(root)).toEqual([]);
  });
});

describe('writeOutputs failures', () => {
  it('a folder of the user where a file goes stops the run before anything is written', async () => {
    await writeOutputs(out, files({ 'a.ts': 'old A', 'b.ts': 'old B' }));
    await rm(path.join(out, 'b.ts'));
    await mkdir(path.join(out, 'b.ts'));
    await writeFile(path.join(out, 'b.ts', 'inner.txt'), 'blocker');

    await expect(writeOutputs(out, files({ 'a.ts': 'new A', 'b.ts': 'new B' }))).rejects.toThrow(
      `${path.join(out, 'b.ts/inner.txt')}: not written by the generator, and in the way of b.ts`,
    );
    expect(await tmpFiles()).toEqual([]);
    expect(await read('a.ts')).toBe('old A');
    expect(await read('b.ts/inner.txt')).toBe('blocker');
    expect(await read(MANIFEST_NAME)).toBe(manifestOf(['a.ts', 'b.ts']));
  });

  it('handles a generated file turning into a directory between runs', async () => {
    await writeOutputs(out, files({ api: 'flat' }));
    const result = await writeOutputs(out, files({ 'api/index.ts': 'nested' }));
    expect(result).toEqual({ written: [MANIFEST_NAME, 'api/index.ts'], removed: ['api'], unchanged: [], problems: [] });
    expect(await listing(out)).toEqual([MANIFEST_NAME, 'api/', 'api/index.ts']);
    expect(await tmpFiles()).toEqual([]);
  });
});
