/**
 * One run per output folder: a second run at the same time stops with a message naming the holder
 * and changes nothing; a lock whose process is gone is taken over; `--check` reports a live run and
 * an interrupted one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WORK_DIR_NAME, writeOutputs } from '../../generator/write.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'onebot-lock-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const lockFile = () => path.join(out, WORK_DIR_NAME, 'lock');

async function plantLock(pid: number, host = os.hostname()): Promise<void> {
  await mkdir(path.join(out, WORK_DIR_NAME), { recursive: true });
  await writeFile(lockFile(), JSON.stringify({ pid, host, started: '2001-02-03T04:05:06Z', token: 'someone' }));
}

/** The pid of a process that has exited (so no live process has it, barring reuse). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the output lock', () => {
  test('two runs at once: one writes, the other stops naming the holder and changes nothing', async () => {
    const a = files({ 'x.ts': 'A', 'only-a.ts': 'A' });
    const b = files({ 'x.ts': 'B', 'only-b.ts': 'B' });
    const results = await Promise.allSettled([writeOutputs(out, a), writeOutputs(out, b)]);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(String((failed[0] as PromiseRejectedResult).reason)).toMatch(
      new RegExp(`another run \\(pid ${process.pid} on .*\\) is writing ${out}; wait for it to finish`),
    );
    const winner = results[0]!.status === 'fulfilled' ? 'A' : 'B';
    expect(await readFile(path.join(out, 'x.ts'), 'utf8')).toBe(winner);
    expect((await readdir(out)).sort()).toEqual([
      '.onebot-codegen-manifest.json',
      `only-${winner.toLowerCase()}.ts`,
      'x.ts',
    ]);
  });

  test('a live holder (another process) makes the run fail; its lock is left alone', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await plantLock(sleeper.pid!);
      await expect(writeOutputs(out, files({ 'x.ts': 'X' }))).rejects.toThrow(
        `another run (pid ${sleeper.pid} on ${os.hostname()}, started 2001-02-03T04:05:06Z) is writing ${out}; ` +
          `wait for it to finish. If that process no longer exists, delete ${lockFile()}`,
      );
      expect(await readdir(out)).toEqual([WORK_DIR_NAME]);
      expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(sleeper.pid);
      const checked = await writeOutputs(out, files({ 'x.ts': 'X' }), { check: true });
      expect(checked.problems).toEqual([`a run (pid ${sleeper.pid} on ${os.hostname()}) is writing ${out} right now`]);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  test('a lock from another machine is never taken over', async () => {
    await plantLock(1, 'some-other-host');
    await expect(writeOutputs(out, files({ 'x.ts': 'X' }))).rejects.toThrow('pid 1 on some-other-host');
  });

  test('a stale lock (its process is gone) is taken over and removed', async () => {
    await plantLock(await deadPid());
    await writeOutputs(out, files({ 'x.ts': 'X' }));
    expect((await readdir(out)).sort()).toEqual(['.onebot-codegen-manifest.json', 'x.ts']);
  });

  test('a lock this process left behind (a watcher whose earlier run failed) is stale', async () => {
    await plantLock(process.pid);
    await writeOutputs(out, files({ 'x.ts': 'X' }));
    expect(await readdir(out)).not.toContain(WORK_DIR_NAME);
  });

  test('a FIFO as the lock file does not block the run', async () => {
    await mkdir(path.join(out, WORK_DIR_NAME));
    execFileSync('mkfifo', [lockFile()]);
    await writeOutputs(out, files({ 'x.ts': 'X' }));
    expect(await readFile(path.join(out, 'x.ts'), 'utf8')).toBe('X');
  });
});
