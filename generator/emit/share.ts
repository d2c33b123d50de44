/**
 * Work shared with a second thread. The emitters' two costly steps, formatting statements
 * (format.ts) and compiling twins (targets/compiled.ts), take an optional helper: another thread
 * that does the same work (help.ts answers its requests). With enough to do, about half of it, by
 * text size, goes there while this thread does the rest; the results are the same either way.
 */

/** Below this much text (characters), a helper costs more in messages than it saves. */
export const HELP_ABOVE = 16_000;

/**
 * `items` cut in two parts of about equal total `size` (in order): the first for the helper, the
 * second for this thread. `undefined` when the whole is under HELP_ABOVE: not worth sharing.
 */
export function shareOf<T>(items: readonly T[], size: (item: T) => number): [theirs: T[], ours: T[]] | undefined {
  const total = items.reduce((n, item) => n + size(item), 0);
  if (total < HELP_ABOVE) return undefined;
  let cut = 0;
  for (let taken = 0; cut < items.length && taken < total / 2; cut++) taken += size(items[cut]!);
  return [items.slice(0, cut), items.slice(cut)];
}
