/**
 * The runtime target copies the runtime files the emitted modules import, directly or through
 * each other, and nothing else; an import of a runtime file that does not exist is an emitter bug.
 */
import { describe, expect, test } from 'vitest';
import { runtimeTargets } from '../../../generator/emit/targets/runtime.js';

describe('runtime files follow the imports', () => {
  const rows: [string, { given: Record<string, string>; want: string[] }][] = [
    ['no module imports the runtime: none', { given: { 'napcat/types.ts': 'export type A = 1;\n' }, want: [] }],
    [
      'a direct import, from a nested module',
      {
        given: { 'napcat/types.ts': "import type { Message } from '../runtime/cq-code.js';\n" },
        want: ['runtime/cq-code.ts'],
      },
    ],
    [
      'the runtime files that one imports, multi-line imports and re-exports included',
      {
        given: {
          'napcat/client.ts':
            "import {\n  OneBotClient,\n  type ClientOptions,\n} from '../runtime/client/index.js';\n",
          'index.ts': "export * as message from './common/message.js';\n",
        },
        want: ['runtime/client/', 'runtime/protocol.ts'],
      },
    ],
    [
      'text that only looks like an import (a comment, a string) brings nothing',
      {
        given: {
          'napcat/types.ts':
            "/** import { x } from '../runtime/cq-code.js' */\nexport const s = \"from '../runtime/protocol.js'\";\n",
        },
        want: [],
      },
    ],
    [
      'only TypeScript modules are read, not JSON or Markdown',
      { given: { 'model.json': '"from \'../runtime/cq-code.js\'"', 'a.md': "from './runtime/cq-code.js'" }, want: [] },
    ],
  ];
  test.each(rows)('%s', (_name, { given, want }) => {
    const paths = runtimeTargets(new Map(Object.entries(given))).map((f) => f.path);
    // A folder in `want` (ending in /) stands for "some files under it".
    expect(paths.filter((p) => !want.some((w) => w.endsWith('/') && p.startsWith(w)))).toEqual(
      want.filter((w) => !w.endsWith('/')),
    );
    for (const folder of want.filter((w) => w.endsWith('/')))
      expect(paths.some((p) => p.startsWith(folder))).toBe(true);
    expect(paths).toEqual([...paths].sort());
  });

  test('the client brings none of the server, the server none of the client', () => {
    const client = runtimeTargets(new Map([['a/client.ts', "import { x } from '../runtime/client/index.js';\n"]]));
    const server = runtimeTargets(new Map([['a/server.ts', "import { x } from '../runtime/server/index.js';\n"]]));
    expect(client.some((f) => f.path.startsWith('runtime/server/'))).toBe(false);
    expect(server.some((f) => f.path.startsWith('runtime/client/'))).toBe(false);
    expect(server.map((f) => f.path)).toContain('runtime/server/dispatch.ts');
  });

  test('an import of a runtime file that does not exist throws, naming both files', () => {
    expect(() => runtimeTargets(new Map([['napcat/types.ts', "import { x } from '../runtime/nope.js';\n"]]))).toThrow(
      'emit: napcat/types.ts imports runtime/nope.ts, which the runtime does not have',
    );
  });
});
