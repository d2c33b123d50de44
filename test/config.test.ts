/**
 * The command line and `onebot-codegen.config.json`: every bad key or value is named with its
 * `file:line:col` and exits 2; flags override the file, the file overrides the defaults; npm's
 * swallowed flags are refused. Runs `main` and `parseCommandLine` in-process in a temporary folder.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../generator/cli.js';
import { type CliContext, parseCommandLine, type RunOptions } from '../generator/config.js';
import { removeTree, writeTempTree } from './support/generate.js';

let dir: string;
beforeAll(async () => {
  dir = await writeTempTree(new Map([['docs/api/a.md', '# A\n']]));
  await mkdir(path.join(dir, 'other-docs'));
});
afterAll(() => removeTree(dir));

interface Given {
  /** The config file text, written to `onebot-codegen.config.json` (or to `file`). */
  config?: string;
  file?: string;
  argv?: string[];
  env?: Record<string, string>;
}

/** Runs the CLI in `dir` with the given config file; returns exit code and stderr. */
async function run(given: Given): Promise<{ code: number; stderr: string; stdout: string }> {
  const root = await writeTempTree(
    new Map(given.config === undefined ? [] : [[given.file ?? 'onebot-codegen.config.json', given.config]]),
  );
  let stdout = '';
  let stderr = '';
  try {
    const context: CliContext = { cwd: root, env: given.env ?? {} };
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
    const code = await main(given.argv ?? ['--check', '--out', path.join(dir, 'out')], io, context);
    return { code, stderr, stdout };
  } finally {
    await removeTree(root);
  }
}

const docs = () => JSON.stringify(path.join(dir, 'docs'));

describe('bad config files and flags exit 2 naming the problem', () => {
  const rows: [string, { given: () => Given; want: string }][] = [
    [
      'unknown key, with the closest known one',
      {
        given: () => ({ config: `{\n  "docs": ${docs()},\n  "implementation": ["napcat"]\n}\n` }),
        want: 'onebot-codegen.config.json:3:3: unknown key "implementation" (did you mean "implementations"?)',
      },
    ],
    [
      'unknown key that starts with a known one',
      {
        given: () => ({ config: '{ "output": "o" }' }),
        want: 'onebot-codegen.config.json:1:3: unknown key "output" (did you mean "out"?)',
      },
    ],
    [
      'unknown key with nothing close',
      {
        given: () => ({ config: '{ "colour": "blue" }' }),
        want: 'onebot-codegen.config.json:1:3: unknown key "colour"',
      },
    ],
    [
      'unknown implementation, where it is written',
      {
        given: () => ({ config: `{\n  "implementations": ["napcat", "nap"]\n}` }),
        want: 'onebot-codegen.config.json:2:33: unknown implementation "nap" (did you mean "napcat"?); known: onebot11, gocq, napcat, lagrange',
      },
    ],
    [
      'an artefact group no target registers',
      {
        given: () => ({ config: '{ "artefacts": ["mock"] }' }),
        want: 'onebot-codegen.config.json:1:17: unknown artefact group "mock"; known: client, exports, server, types',
      },
    ],
    [
      'an empty list',
      {
        given: () => ({ config: '{ "artefacts": [] }' }),
        want: 'onebot-codegen.config.json:1:16: "artefacts" must be an array of one or more of client, exports, server, types',
      },
    ],
    [
      'a value of the wrong type',
      {
        given: () => ({ config: '{ "strict": "yes" }' }),
        want: 'onebot-codegen.config.json:1:13: "strict" must be true or false',
      },
    ],
    [
      'a package name npm would refuse',
      {
        given: () => ({ config: '{ "packageName": "My Bot" }' }),
        want: 'onebot-codegen.config.json:1:18: "packageName" "My Bot" is not a valid npm package name',
      },
    ],
    [
      'invalid JSON',
      {
        given: () => ({ config: '{\n  "docs": ,\n}' }),
        want: 'onebot-codegen.config.json:2:11: invalid JSON (ValueExpected)',
      },
    ],
    [
      'not an object',
      {
        given: () => ({ config: '["docs"]' }),
        want: 'onebot-codegen.config.json:1:1: the config must be a JSON object',
      },
    ],
    [
      '--config naming a missing file',
      { given: () => ({ argv: ['--config', 'nope.json'] }), want: 'nope.json: cannot read the config file (ENOENT)' },
    ],
    [
      'an unknown implementation in the flag',
      {
        given: () => ({ argv: ['--docs', path.join(dir, 'docs'), '--implementations', 'napcat,lagrang'] }),
        want: '--implementations: unknown implementation "lagrang" (did you mean "lagrange"?); known: onebot11, gocq, napcat, lagrange',
      },
    ],
    [
      'a docs folder from the config that does not exist',
      {
        given: () => ({ config: '{ "docs": "missing" }' }),
        want: 'onebot-codegen.config.json: "docs": no such folder missing',
      },
    ],
    [
      'no docs folder at all',
      {
        given: () => ({ argv: [] }),
        want: '--docs docs-src: no such folder; pass --docs DIR or set "docs" in onebot-codegen.config.json',
      },
    ],
    [
      '`npm run generate --check`: npm keeps --check for itself',
      {
        given: () => ({ argv: [], env: { npm_lifecycle_event: 'generate', npm_config_check: 'true' } }),
        want: 'npm kept --check for itself (options after "npm run generate" need "--" first): run "npm run generate -- --check" or "npm run check:generated"',
      },
    ],
  ];
  test.each(rows)('%s', async (_, { given, want }) => {
    const out = await run(given());
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe(want);
    expect(out.stdout).toBe('');
  });
});

describe('where options come from', () => {
  /** `parseCommandLine` in a fresh folder holding `files`; the run options, paths relative to that folder. */
  async function options(files: Record<string, string>, argv: string[]): Promise<Partial<RunOptions>> {
    const root = await writeTempTree(new Map(Object.entries(files)));
    try {
      await mkdir(path.join(root, 'docs-src'));
      await mkdir(path.join(root, 'cfg/docs'), { recursive: true });
      const command = parseCommandLine(argv, { cwd: root, env: {} });
      if (command.kind !== 'run') throw new Error('expected a run');
      const { docs, out, check, strict, generate } = command.options;
      return { docs: path.relative(root, docs), out: path.relative(root, out), check, strict, generate };
    } finally {
      await removeTree(root);
    }
  }
  const CONFIG = 'onebot-codegen.config.json';
  const rows: [string, { given: { files: Record<string, string>; argv: string[] }; want: Partial<RunOptions> }][] = [
    [
      'defaults',
      {
        given: { files: {}, argv: [] },
        want: { docs: 'docs-src', out: 'generated', check: false, strict: false, generate: {} },
      },
    ],
    [
      'the config file in the working directory',
      {
        given: {
          files: {
            [CONFIG]:
              '{ "out": "o", "implementations": ["napcat"], "artefacts": ["types"], "packageName": "@bot/ob", "strict": true }',
          },
          argv: [],
        },
        want: {
          docs: 'docs-src',
          out: 'o',
          strict: true,
          generate: { implementations: ['napcat'], artefacts: ['types'], packageName: '@bot/ob' },
        },
      },
    ],
    [
      '--config: paths relative to the file, comments allowed',
      {
        given: {
          files: { 'cfg/c.json': '// mine\n{ "docs": "docs", "out": "../o", }' },
          argv: ['--config', 'cfg/c.json'],
        },
        want: { docs: 'cfg/docs', out: 'o', generate: {} },
      },
    ],
    [
      'flags override the file',
      {
        given: {
          files: {
            [CONFIG]:
              '{ "out": "o", "implementations": ["napcat"], "strict": true, "packageName": "a", "package": true }',
          },
          argv: ['--out', 'p', '--implementations', 'gocq,onebot11', '--package-name', 'b', '--no-package', '--check'],
        },
        want: {
          out: 'p',
          check: true,
          strict: true,
          generate: { implementations: ['gocq', 'onebot11'], packageName: 'b', package: false },
        },
      },
    ],
  ];
  test.each(rows)('%s', async (_, { given, want }) => {
    expect(await options(given.files, given.argv)).toMatchObject(want);
  });
});
