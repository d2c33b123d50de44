/**
 * eachAtOnce: the writer's way of touching many files at a time. At most `limit` run together;
 * after a failure nothing new starts, and the call settles only when the started ones have.
 */
import { expect, test } from 'vitest';
import { eachAtOnce } from '../../generator/write/fs.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

test('every item once, never more than the limit at a time', async () => {
  let running = 0;
  let most = 0;
  const seen: number[] = [];
  await eachAtOnce([...Array(20).keys()], 3, async (i) => {
    most = Math.max(most, ++running);
    await tick();
    seen.push(i);
    running--;
  });
  expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  expect(most).toBe(3);
});

test('after a failure no item starts, the started ones finish, then the first error', async () => {
  const started: number[] = [];
  const finished: number[] = [];
  const run = eachAtOnce([...Array(10).keys()], 3, async (i) => {
    started.push(i);
    await tick();
    if (i === 1) throw new Error('item 1 failed');
    await tick();
    finished.push(i);
  });
  await expect(run).rejects.toThrow('item 1 failed');
  expect(started).toEqual([0, 1, 2]);
  expect(finished.sort()).toEqual([0, 2]);
});
