/**
 * Whole-folder atomicity under I/O errors: every file-system call a run makes is failed in turn
 * (once, then from that call on, as a disk that turns read-only would), and after each failure the
 * generator's files are exactly the old output or exactly the new one, the user's file is untouched,
 * and the next run leaves the new output with no work folder behind.
 *
 * `npm test` fails every FAULT_STRIDE-th call (8, from a random offset it prints); `npm run fuzz`
 * sets FAULT_STRIDE=1 and fails every call.
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { WORK_DIR_NAME, recoverOutputs, writeOutputs } from '../../generator/write.js';

/** Counts every call to the mutating and reading fs functions while armed; fails the chosen ones. */
const faults = vi.hoisted(() => ({ armed: false, calls: 0, failFrom: 0, once: true, failed: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const names = ['rename', 'link', 'unlink', 'rmdir', 'mkdir', 'open', 'rm', 'writeFile', 'readdir', 'lstat', 'stat'];
  const wrapped: Record<string, unknown> = {};
  for (const name of names) {
    const fn = (real as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
    wrapped[name] = async (...args: unknown[]) => {
      if (faults.armed) {
        faults.calls++;
        const hit = faults.once ? faults.calls === faults.failFrom : faults.calls >= faults.failFrom;
        if (hit) {
          faults.failed.push(`${name} ${String(args[0])}`);
          throw Object.assign(new Error(`EIO: i/o error (injected), ${name} '${String(args[0])}'`), { code: 'EIO' });
        }
      }
      return fn(...args);
    };
  }
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

// Changed, unchanged, removed, added in new folders, a file turning into a folder and back.
const OLD = { 'a.ts': 'A1', 'same.ts': 'S', 'gone.ts': 'G', flat: 'F', 'nest/x.ts': 'X1', 'todir/y.ts': 'Y' };
const NEW = {
  'a.ts': 'A2',
  'same.ts': 'S',
  'fresh/sub/n.ts': 'N',
  'flat/inner.ts': 'I',
  'nest/x.ts': 'X2',
  todir: 'T',
};
const USER_FILE = 'nest/notes.md';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'onebot-atomic-'));
});
afterEach(async () => {
  faults.armed = false;
  await rm(root, { recursive: true, force: true });
});

const STRIDE = Math.max(1, Number(process.env.FAULT_STRIDE ?? 8));
const OFFSET = Math.floor(Math.random() * STRIDE);

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

/** Every file below dir except the work folder: path → content, plus the user file's inode and mtime. */
async function state(dir: string, prefix = ''): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const rel = `${prefix}${e.name}`;
    if (rel === WORK_DIR_NAME) continue;
    if (e.isDirectory()) Object.assign(result, await state(path.join(dir, e.name), `${rel}/`));
    else result[rel] = await readFile(path.join(dir, e.name), 'utf8');
  }
  if (prefix === '') {
    const info = await lstat(path.join(dir, USER_FILE)).catch(() => undefined);
    result['<user file>'] = info ? `${info.ino}@${info.mtimeMs}` : 'missing';
  }
  return result;
}

/** A folder holding the old output and a user file; returns its state. */
async function setUp(out: string): Promise<Record<string, string>> {
  await writeOutputs(out, files(OLD));
  await mkdir(path.join(out, 'nest'), { recursive: true });
  await writeFile(path.join(out, USER_FILE), 'mine');
  return state(out);
}

/** The state a successful run leaves in `out`: NEW, the manifest, and the same user file. */
async function expectedNew(out: string): Promise<Record<string, string>> {
  const other = path.join(root, 'expected');
  if (!(await lstat(other).catch(() => undefined))) {
    await writeOutputs(other, files(NEW));
    await mkdir(path.join(other, 'nest'), { recursive: true });
    await writeFile(path.join(other, USER_FILE), 'mine');
  }
  return { ...(await state(other)), '<user file>': (await state(out))['<user file>']! };
}

async function runArmed(out: string, failFrom: number, once: boolean): Promise<Error | undefined> {
  Object.assign(faults, { armed: true, calls: 0, failFrom, once, failed: [] });
  try {
    await writeOutputs(out, files(NEW));
    return undefined;
  } catch (error) {
    return error as Error;
  } finally {
    faults.armed = false;
  }
}

describe.each([
  ['one failed call', true],
  ['every call from then on', false],
])('an I/O error at any step (%s)', (_name, once) => {
  test(
    'leaves the old output or the new one, never a mix; the next run finishes cleanly',
    { timeout: 180_000 },
    async () => {
      const outcomes: Record<string, number> = {};
      for (let k = 1 + OFFSET; ; k += STRIDE) {
        const out = path.join(root, `case-${k}`);
        const old = await setUp(out);
        const error = await runArmed(out, k, once);
        const want = await expectedNew(out);
        if (!error) {
          // A failed call the run could do without (removing its own litter) still leaves the new output.
          expect(await state(out), `k=${k}`).toEqual(want);
          if (faults.calls < k) break; // every step of a whole run has been failed once
          await writeOutputs(out, files(NEW));
          expect(await readdir(out)).not.toContain(WORK_DIR_NAME);
          continue;
        }
        expect(error.message, `k=${k}`).toMatch(/EIO|could not|cannot/);
        const journal = await lstat(path.join(out, WORK_DIR_NAME, 'journal.json')).catch(() => undefined);
        if (!journal) {
          expect(await state(out), `k=${k}: failed at ${faults.failed[0]}`).toEqual(old);
        }
        const recovered = await recoverOutputs(out);
        const now = await state(out);
        const which = JSON.stringify(now) === JSON.stringify(old) ? 'old' : 'new';
        expect(now, `k=${k} (${recovered}): failed at ${faults.failed[0]}`).toEqual(which === 'old' ? old : want);
        outcomes[`${journal ? 'journal left' : 'rolled back'} → ${which}`] =
          (outcomes[`${journal ? 'journal left' : 'rolled back'} → ${which}`] ?? 0) + 1;
        await writeOutputs(out, files(NEW));
        expect(await state(out)).toEqual(want);
        expect(await readdir(out)).not.toContain(WORK_DIR_NAME);
      }
      console.log(`${_name}, stride ${STRIDE} from ${1 + OFFSET}: ${JSON.stringify(outcomes)}`);
      // Both paths were exercised: failures before the commit point and during the commit.
      expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(once ? 1 : 2);
    },
  );
});
