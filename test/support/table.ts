/**
 * The one shape of a table-driven test: `[name, { given, want }]` rows, run through one function
 * that turns `given` into what is compared with `want`, and one assertion. A row cannot compare the
 * wrong thing, and a new row is one line of data.
 *
 *     table('note deltas', rows, ({ given }) => shapeOf(build(given)));
 */
import { describe, expect, test } from 'vitest';

export interface Case<G, W> {
  readonly given: G;
  readonly want: W;
}

export type Row<G, W> = readonly [name: string, c: Case<G, W>];

/**
 * One `describe` named `title` with one `test` per row: `observe(row)` must equal `want`
 * (`toStrictEqual`: undefined properties and class instances count).
 */
export function table<G, W>(title: string, rows: readonly Row<G, W>[], observe: (c: Case<G, W>) => unknown): void {
  describe(title, () => {
    for (const [name, c] of rows) test(name, () => expect(observe(c)).toStrictEqual(c.want));
  });
}
