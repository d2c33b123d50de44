/**
 * OutputMemo (watch mode's writes): a file the memo knows by its identity is not read again, so an
 * in-place change that keeps that identity goes unseen, which is the trust it is built on; a file
 * whose identity changed (an edit by hand), one written by the last run, and anything after a
 * failed write are read and compared as without a memo.
 */
import { lstat, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { OutputMemo, writeOutputs } from '../../generator/write.js';

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

/** A whole second (exactly representable): the file's identity can be put back after an edit. */
const SECOND = new Date(1_700_000_000_000);

/** Overwrites `rel` in place with text of the same length, and sets its modification time to SECOND. */
async function swapKeepingIdentity(rel: string, text: string): Promise<void> {
  const file = path.join(out, rel);
  await writeFile(file, text);
  await utimes(file, SECOND, SECOND);
}

test('a file the last write placed is known by the identity it has in place', async () => {
  const memo = new OutputMemo();
  await writeOutputs(out, files({ 'a.ts': 'export const a = 1;\n' }), { memo });
  expect(memo.bytes('a.ts', await lstat(path.join(out, 'a.ts')))?.toString()).toBe('export const a = 1;\n');
  await writeFile(path.join(out, 'a.ts'), 'export const a = 2;\n');
  expect(memo.bytes('a.ts', await lstat(path.join(out, 'a.ts')))).toBeUndefined();
});

test('unchanged files are learnt by the plan and not read again; one edited by hand is', async () => {
  const wanted = files({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n' });
  await writeOutputs(out, wanted);
  await utimes(path.join(out, 'a.ts'), SECOND, SECOND);
  const memo = new OutputMemo();
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts', 'b.ts']); // read, then learnt
  await swapKeepingIdentity('a.ts', 'export const a = 9;\n');
  expect((await writeOutputs(out, wanted, { memo })).unchanged).toEqual(['a.ts', 'b.ts']); // known: not read
  expect(await read('a.ts')).toBe('export const a = 9;\n'); // the trust the memo is built on
  // Without a memo, or after an edit that changes the identity, the file is read and put right.
  expect((await writeOutputs(out, wanted, { memo: new OutputMemo() })).written).toEqual(['a.ts']);
  await writeFile(path.join(out, 'b.ts'), 'export const b = 22;\n');
  expect((await writeOutputs(out, wanted, { memo })).written).toEqual(['b.ts']);
  expect([await read('a.ts'), await read('b.ts')]).toEqual(['export const a = 1;\n', 'export const b = 2;\n']);
});

test('a failed write forgets what the memo knew', async () => {
  const wanted = files({ 'a.ts': 'export const a = 1;\n' });
  await writeOutputs(out, wanted);
  await utimes(path.join(out, 'a.ts'), SECOND, SECOND);
  const memo = new OutputMemo();
  await writeOutputs(out, wanted, { memo });
  await swapKeepingIdentity('a.ts', 'export const a = 9;\n');
  await writeFile(path.join(out, 'mine.txt'), "a file of the user's\n");
  await expect(writeOutputs(out, files({ 'a.ts': 'export const a = 1;\n', 'mine.txt': '' }), { memo })).rejects.toThrow(
    /mine\.txt/,
  );
  expect((await writeOutputs(out, wanted, { memo })).written).toEqual(['a.ts']);
  expect(await read('a.ts')).toBe('export const a = 1;\n');
});
