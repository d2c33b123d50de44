/**
 * Files the manifest does not list are the user's: a run that needs one of their names stops with
 * an error naming it before it writes anything; `--check` reports the same; identical bytes are
 * taken over; special files in the output folder are never opened.
 */
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MANIFEST_NAME, WORK_DIR_NAME, writeOutputs } from '../../generator/write.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'onebot-owner-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

/** path → content|kind and mtime of everything in `out`: proves a refused run changed nothing. */
async function snapshot(dir = out, prefix = ''): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    const rel = `${prefix}${e.name}`;
    const info = await lstat(full);
    if (e.isDirectory()) Object.assign(result, { [`${rel}/`]: 'dir' }, await snapshot(full, `${rel}/`));
    else result[rel] = `${info.mtimeMs}|${e.isFile() ? await readFile(full, 'utf8') : 'special'}`;
  }
  return result;
}

const PREVIOUS = { 'index.ts': 'I1', 'api/a.ts': 'A1' };
const NEXT = { 'index.ts': 'I2', 'api/a.ts': 'A2', 'model.json': '{}', 'api/b/c.ts': 'C' };

describe('a file of the user where the generator must write', () => {
  const rows: [string, { given: (dir: string) => Promise<void>; want: string }][] = [
    [
      'their own model.json (no manifest entry)',
      { given: (d) => writeFile(path.join(d, 'model.json'), 'mine'), want: 'model.json: not written by the generator' },
    ],
    [
      'a file where a folder of the output goes',
      {
        given: (d) => writeFile(path.join(d, 'api', 'b'), 'mine'),
        want: 'api/b: not written by the generator, and api/b/c.ts needs a folder there',
      },
    ],
    [
      'a folder with their file where an output file goes',
      {
        given: async (d) => {
          await mkdir(path.join(d, 'model.json'));
          await writeFile(path.join(d, 'model.json', 'notes.txt'), 'mine');
        },
        want: 'model.json/notes.txt: not written by the generator, and in the way of model.json',
      },
    ],
    [
      'an empty folder of theirs where an output file goes',
      { given: (d) => mkdir(path.join(d, 'model.json')), want: 'model.json/: not written by the generator' },
    ],
    [
      'a FIFO where an output file goes (never opened)',
      {
        given: async (d) => void execFileSync('mkfifo', [path.join(d, 'model.json')]),
        want: 'model.json: not written by the generator (the manifest does not list it)',
      },
    ],
  ];

  test.each(rows)('%s: the run stops naming it and changes nothing', async (_name, { given, want }) => {
    await writeOutputs(out, files(PREVIOUS));
    await given(out);
    const before = await snapshot();
    await expect(writeOutputs(out, files(NEXT))).rejects.toThrow(
      `${path.join(out, want.split(':')[0]!)}:${want.slice(want.indexOf(':') + 1)}`,
    );
    expect(await snapshot()).toEqual(before);

    const checked = await writeOutputs(out, files(NEXT), { check: true });
    expect(checked.problems).toEqual([expect.stringContaining(path.join(out, want.split(':')[0]!))]);
    expect(await snapshot()).toEqual(before);
  });

  test('their index.ts in a folder with no manifest is not overwritten', async () => {
    await writeFile(path.join(out, 'index.ts'), '// my own index\n');
    await expect(writeOutputs(out, files(NEXT))).rejects.toThrow(/index\.ts: not written by the generator/);
    expect(await readFile(path.join(out, 'index.ts'), 'utf8')).toBe('// my own index\n');
    expect(await readdir(out)).toEqual(['index.ts']);
  });

  test('a file with exactly the bytes the generator would write is taken over, and listed', async () => {
    await writeFile(path.join(out, 'index.ts'), 'I2');
    const result = await writeOutputs(out, files(NEXT));
    expect(result.unchanged).toEqual(['index.ts']);
    expect(JSON.parse(await readFile(path.join(out, MANIFEST_NAME), 'utf8')).files).toContain('index.ts');
  });

  test('a manifest that is a FIFO is not read (the run does not block) and counts as no manifest', async () => {
    await writeOutputs(out, files(PREVIOUS));
    await rm(path.join(out, MANIFEST_NAME));
    execFileSync('mkfifo', [path.join(out, MANIFEST_NAME)]);
    // Without a manifest the old files are not known to be ours: the changed ones are refused.
    await expect(writeOutputs(out, files(NEXT))).rejects.toThrow(/api\/a\.ts: not written by the generator/);
  });
});

describe('the work folder', () => {
  test('is gone after a run, and a generated path may not use its name', async () => {
    await writeOutputs(out, files(NEXT));
    expect(await readdir(out)).not.toContain(WORK_DIR_NAME);
    await expect(writeOutputs(out, files({ [`${WORK_DIR_NAME}/x.ts`]: 'X' }))).rejects.toThrow(
      "reserved for the generator's work folder",
    );
  });

  test('leftovers of a killed run are reported by --check and removed by the next run', async () => {
    await writeOutputs(out, files(NEXT));
    await mkdir(path.join(out, WORK_DIR_NAME, 'new', 'api'), { recursive: true });
    await writeFile(path.join(out, WORK_DIR_NAME, 'new', 'api', 'a.ts'), 'half');
    const checked = await writeOutputs(out, files(NEXT), { check: true });
    expect(checked.problems).toEqual([expect.stringMatching(/holds leftovers of an interrupted run \(new\)/)]);
    expect(checked.written).toEqual([]);
    await writeOutputs(out, files(NEXT));
    expect(await readdir(out)).not.toContain(WORK_DIR_NAME);
    expect((await writeOutputs(out, files(NEXT), { check: true })).problems).toEqual([]);
  });
});
