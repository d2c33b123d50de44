/**
 * The reserved names are complete: every name a generated types file binds that no docs name gave
 * (not an action's `…Params`/`…Response…`, not a sub-type) is one no sub-type may take. Checked over
 * the fixtures, so a helper added to the types files without reserving it fails here.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACTION_NAME_SUFFIX, tsNames } from '../../generator/emit/ts/names.js';
import { RESERVED_TYPE_NAMES, STANDARD_EVENT_UNIONS } from '../../generator/model/ids.js';
import { IMPLEMENTATIONS } from '../../generator/model/types.js';
import { parseModule, topLevelNames } from '../support/declarations.js';
import { FIXTURES } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';

describe('names a types file binds itself are reserved', () => {
  test.each(['good-docs', 'family'])('%s', async (fixture) => {
    const { model, files } = await sharedGenerate(path.join(FIXTURES, fixture));
    const names = tsNames(model);
    const stems = model.actions.map((a) => names.action(a.name));
    const fromDocs = new Set(
      [
        ...model.pages.flatMap((p) => p.typeSections.flatMap((s) => s.types)),
        ...model.actions.flatMap((a) => a.types),
      ].map((t) => names.type(t.id)),
    );
    const reserved = new Set<string>([...RESERVED_TYPE_NAMES, ...STANDARD_EVENT_UNIONS]);
    const own = IMPLEMENTATIONS.flatMap((impl) => {
      const file = `${impl}/types.ts`;
      return topLevelNames(parseModule(file, files.get(file)!)).filter(
        (n) => !fromDocs.has(n) && !stems.some((s) => n.startsWith(s) && ACTION_NAME_SUFFIX.test(n.slice(s.length))),
      );
    });
    expect([...new Set(own)].filter((n) => !reserved.has(n))).toEqual([]);
  });
});
