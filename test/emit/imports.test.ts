/** The import collector: types and runtime values, deduplicated and sorted, one declaration per module. */
import { describe, expect, test } from 'vitest';
import { formatText } from '../../generator/emit/format.js';
import { ImportCollector, type ModuleKey } from '../../generator/emit/ts/imports.js';
import { printFile } from '../../generator/emit/ts/print.js';
import { postTypeUnionName } from '../../generator/model/ids.js';
import type { TypeRef } from '../../generator/model/types.js';

/** `[module path, name, type only]`, or a shared module's type. */
type Symbol = readonly [string, string, boolean] | readonly [ModuleKey, string];

interface Given {
  readonly from: string;
  readonly symbols?: readonly Symbol[];
  readonly types?: readonly TypeRef[];
}

const EVENT_KEY = 'runtime/event-key.ts';

const cases: [string, { given: Given; want: string[] }][] = [
  [
    'a runtime value is a plain import, relative to the importing file',
    {
      given: { from: 'common/events.ts', symbols: [[EVENT_KEY, 'eventKeyIn', false]] },
      want: ["import { eventKeyIn } from '../runtime/event-key.js';"],
    },
  ],
  [
    'a type and a value of one module: one declaration, the type marked',
    {
      given: {
        from: 'common/events.ts',
        symbols: [
          [EVENT_KEY, 'eventKeyIn', false],
          [EVENT_KEY, 'DetailFields', true],
          [EVENT_KEY, 'eventKeyIn', false],
        ],
      },
      want: ["import { type DetailFields, eventKeyIn } from '../runtime/event-key.js';"],
    },
  ],
  [
    'asked as a type and as a value, a name is imported as a value (it serves as both)',
    {
      given: {
        from: 'napcat/types.ts',
        symbols: [
          ['runtime/helper.ts', 'Helper', true],
          ['runtime/helper.ts', 'Helper', false],
          ['runtime/helper.ts', 'Helper', true],
        ],
      },
      want: ["import { Helper } from '../runtime/helper.js';"],
    },
  ],
  [
    'types from the docs model: event unions and the message spelling, sorted by module then name; sub-types are local',
    {
      given: {
        from: 'gocq/types.ts',
        types: [
          { kind: 'array', element: { kind: 'events', postType: 'notice' } },
          { kind: 'message' },
          { kind: 'ref', target: 'Local' },
          { kind: 'union', members: [{ kind: 'events', postType: 'message' }, { kind: 'string' }] },
        ],
      },
      want: [
        "import type { MessageEvent, NoticeEvent } from '../common/events.js';",
        "import type { Message } from '../common/message.js';",
      ],
    },
  ],
  [
    'nothing is imported from the file itself',
    {
      given: {
        from: 'common/events.ts',
        symbols: [
          ['events', 'EventBase'],
          [EVENT_KEY, 'eventKeyIn', false],
        ],
      },
      want: ["import { eventKeyIn } from '../runtime/event-key.js';"],
    },
  ],
];

describe('ImportCollector', () => {
  test.each(cases)('%s', async (_name, { given, want }) => {
    const collector = new ImportCollector();
    for (const s of given.symbols ?? []) {
      if (s.length === 2) collector.add(s[0], s[1]);
      else collector.addSymbol(s[0], s[1], { typeOnly: s[2] });
    }
    for (const t of given.types ?? []) collector.addType(t, 'Message', { postType: postTypeUnionName });
    const printed = printFile({ path: given.from, header: '', statements: collector.structures(given.from) });
    const text = await formatText(printed.text);
    expect(text.split('\n').filter((l) => l.trim())).toEqual(want);
  });
});
