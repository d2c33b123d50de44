/**
 * OutputMemo (watch mode's writes): a file the memo knows by its settled identity is not read
 * again; a file whose identity changed (an edit by hand, even one that keeps the size and puts the
 * modification time back), one learnt within a tick or two of its last change, and anything after
 * a failed write are read and compared as without a memo.
 */
import type { Stats } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { MANIFEST_NAME, OutputMemo, writeOutputs } from '../../generator/write.js';
import { SETTLE_MS } from '../../generator/write/memo.js';

let root: string;
let out: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'onebot-memo-'));
  out = path.join(root, 'out');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const read = (rel: string) => readFile(path.join(out, rel), 'utf8');

/** A whole second (exactly representable): a modification time that can be put back after an edit. */
const SECOND = new Date(1_700_000_000_000);

/** Past the tick of the last change (Linux ticks are 10 ms at most): an edit now gets a new change time. */
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 25));

/** Overwrites `rel` in place with text of the same length, and sets its modification time to SECOND. */
async function swapKeepingSizeAndTime(rel: string, text: string): Promise<void> {
  const file = path.join(out, rel);
  await writeFile(file, text);
  await utimes(file, SECOND, SECOND);
}

/**
 * A memo on a clock the test moves (`later` ms ahead of the real one), that lists the files it
 * vouched for (each one the write plan did not read), the manifest aside.
 */
class CountingMemo extends OutputMemo {
  later = 0;
  private vouched: string[] = [];
  constructor(later = 0) {
    super(() => Date.now() + this.later);
    this.later = later;
  }
  override bytes(rel: string, stats: Stats): Buffer | undefined {
    const known = super.bytes(rel, stats);
    if (known && rel !== MANIFEST_NAME) this.vouched.push(rel);
    return known;
  }
  /** What it vouched for since the last call, sorted (the plan looks at several files at once). */
  took(): string[] {
    return this.vouched.splice(0).sort();
  }
}

/** Ahead by more than SETTLE_MS: every identity the memo learns is settled. */
const SETTLED = SETTLE_MS + 60_000;

test('a file the last write placed is known by the identity it has in place', async () => {
  const memo = new CountingMemo(SETTLED);
  await writeOutputs(out, files({ 'a.ts': 'export const a = 1;\n' }), { memo });
  expect(memo.bytes('a.ts', await lstat(path.join(out, 'a.ts')))?.toString()).toBe('export const a = 1;\n');
  await nextTick();
  await writeFile(path.join(out, 'a.ts'), 'export const a = 2;\n');
  expect(memo.bytes('a.ts', await lstat(path.join(out, 'a.ts')))).toBeUndefined();
});

test('unchanged files are learnt by the plan and not read again; one edited by hand is', async () => {
  const wanted = files({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n' });
  await writeOutputs(out, wanted);
  await utimes(path.join(out, 'a.ts'), SECOND, SECOND);
  const memo = new CountingMemo(SETTLED);
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts', 'b.ts']); // read, then learnt
  expect(memo.took()).toEqual([]);
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts', 'b.ts']); // known: not read
  expect(memo.took()).toEqual(['a.ts', 'b.ts']);
  // Same size, the modification time put back: the change time still tells, and the file is put right.
  await nextTick();
  await swapKeepingSizeAndTime('a.ts', 'export const a = 9;\n');
  expect((await writeOutputs(out, wanted, { memo })).written).toEqual(['a.ts']);
  expect(memo.took()).toEqual(['b.ts']);
  await writeFile(path.join(out, 'b.ts'), 'export const b = 22;\n');
  expect((await writeOutputs(out, wanted, { memo })).written).toEqual(['b.ts']);
  expect(memo.took()).toEqual(['a.ts']); // placed by the write before: known in place
  expect([await read('a.ts'), await read('b.ts')]).toEqual(['export const a = 1;\n', 'export const b = 2;\n']);
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts', 'b.ts']);
  expect(memo.took()).toEqual(['a.ts', 'b.ts']);
});

test('an identity learnt soon after its change is read again, until it is learnt settled', async () => {
  const wanted = files({ 'a.ts': 'export const a = 1;\n' });
  const memo = new CountingMemo();
  await writeOutputs(out, wanted, { memo });
  // Placed just now: an edit in the same tick could have kept its identity, so it is read.
  const placed = await lstat(path.join(out, 'a.ts'));
  expect(memo.bytes('a.ts', placed)).toBeUndefined();
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts']);
  expect(memo.took()).toEqual([]);
  // Later, the plan's read learns it settled, and the next write takes the memo's word.
  memo.later = SETTLED;
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts']);
  expect(memo.took()).toEqual([]);
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts']);
  expect(memo.took()).toEqual(['a.ts']);
});

test('a failed write forgets what the memo knew', async () => {
  const wanted = files({ 'a.ts': 'export const a = 1;\n' });
  const memo = new CountingMemo(SETTLED);
  await writeOutputs(out, wanted, { memo });
  await writeFile(path.join(out, 'mine.txt'), "a file of the user's\n");
  await expect(writeOutputs(out, files({ 'a.ts': 'export const a = 1;\n', 'mine.txt': '' }), { memo })).rejects.toThrow(
    /mine\.txt/,
  );
  expect(memo.took()).toEqual(['a.ts']); // known when the failed write planned
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts']);
  expect(memo.took()).toEqual([]); // read, not vouched for
});

test('a placed file is learnt only while it is still the staged file', async () => {
  const bytes = Buffer.from('export const a = 1;\n');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'a.ts'), bytes);
  const placed = await lstat(path.join(out, 'a.ts'));
  const memo = new CountingMemo(SETTLED);
  await memo.rememberPlaced(out, new Map([['a.ts', placed]]), () => bytes);
  expect(memo.bytes('a.ts', placed)).toEqual(bytes);
  // Another inode in place than the one staged (a file swapped in during the commit): forgotten.
  await memo.rememberPlaced(out, new Map([['a.ts', { ino: placed.ino + 1 } as Stats]]), () => bytes);
  expect(memo.bytes('a.ts', placed)).toBeUndefined();
});

test('an identity is settled by when the plan saw it, not by when it learnt it', async () => {
  const wanted = files({ 'a.ts': 'export const a = 1;\n' });
  await writeOutputs(out, wanted);
  // A clock that jumps past SETTLE_MS after its first reading, which the plan takes before its lstats.
  let readings = 0;
  const memo = new OutputMemo(() => Date.now() + (readings++ === 0 ? 0 : SETTLED));
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts']);
  expect(readings).toBeGreaterThan(0);
  expect(memo.bytes('a.ts', await lstat(path.join(out, 'a.ts')))).toBeUndefined();
});
