/**
 * The command line and the config file → one set of options. Flags override the config file,
 * which overrides the defaults (`docs-src` → `generated`, everything).
 *
 *     onebot-codegen [--config FILE] [--docs DIR] [--out DIR] [--implementations LIST]
 *                    [--artefacts LIST] [--package-name NAME] [--no-package] [--check] [--strict]
 *                    [--watch] [--scaffold DIR --impl IMPL]
 *
 * No I/O beyond reading the config file and checking the docs and output folders (write/out-dir.ts).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, type ConfigValues, checkName, loadConfigFile, packageName, UsageError } from './config-file.js';
import { ARTEFACT_GROUPS, ARTEFACT_SUMMARIES, DEFAULT_PACKAGE } from './emit/options.js';
import type { GenerateOptions } from './generate.js';
import { IMPLEMENTATIONS, type ImplId } from './model/types.js';
import { toolPackage } from './tool.js';
import { outDirProblem } from './write/out-dir.js';

export { CONFIG_FILE, UsageError };

export const USAGE = `usage: onebot-codegen [options]            (in this repository: npm run generate -- [options])
  --config FILE           read options from FILE (default: ./${CONFIG_FILE} when it exists)
  --docs DIR              folder of Markdown docs, read recursively (default: docs-src)
  --out DIR               output folder (default: generated)
  --implementations LIST  comma-separated, of ${IMPLEMENTATIONS.join(', ')} (default: all)
  --artefacts LIST        comma-separated, of ${ARTEFACT_GROUPS.join(', ')} (default: all)
  --package-name NAME     name in the generated package.json (default: ${DEFAULT_PACKAGE.name})
  --no-package            TypeScript sources only: no package.json, no compiled dist/
  --check                 write nothing; exit 1 and list the files that are out of date
  --strict                treat warnings as errors (infos never fail a run)
  --watch                 generate, then again on every change under the docs folder; Ctrl-C stops
  --scaffold DIR --impl IMPL
                          also write one handler stub per action of IMPL into DIR (only new files)
  --version, --help`;

/** Where the command runs: relative paths resolve against `cwd`; `env` tells whether npm ran it. */
export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Everything a generate run needs. `docs` and `out` are absolute; the `…Shown` forms are for messages. */
export interface RunOptions {
  readonly docs: string;
  readonly docsShown: string;
  readonly out: string;
  readonly outShown: string;
  readonly check: boolean;
  readonly strict: boolean;
  readonly watch: boolean;
  /** `--scaffold DIR --impl IMPL`: handler stubs for IMPL's server into DIR. */
  readonly scaffold?: { readonly dir: string; readonly shown: string; readonly impl: ImplId };
  readonly generate: GenerateOptions;
}

export type Command =
  { readonly kind: 'run'; readonly options: RunOptions } | { readonly kind: 'print'; readonly text: string };

const FLAGS = {
  config: { type: 'string' },
  docs: { type: 'string' },
  out: { type: 'string' },
  implementations: { type: 'string', multiple: true },
  artefacts: { type: 'string', multiple: true },
  'package-name': { type: 'string' },
  'no-package': { type: 'boolean' },
  check: { type: 'boolean', default: false },
  strict: { type: 'boolean' },
  watch: { type: 'boolean', default: false },
  scaffold: { type: 'string' },
  impl: { type: 'string' },
  version: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** argv (without `node` and the script) → what to do. Throws UsageError (exit 2) with a message naming the problem. */
export function parseCommandLine(argv: readonly string[], context: CliContext): Command {
  refuseSwallowedFlags(context.env);
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  if (values.help) return { kind: 'print', text: help() };
  if (values.version) return { kind: 'print', text: toolPackage().version };
  const { file, values: config } = readConfig(values.config, context.cwd);
  const docs = place(values.docs, config.docs, 'docs-src', context.cwd);
  const out = place(values.out, config.out, 'generated', context.cwd);
  checkFolders(values, config.docs !== undefined ? file : undefined, docs, out);
  if (values.watch && values.check) throw new UsageError('--watch and --check cannot be combined', true);
  const name = values['package-name'];
  const generate: GenerateOptions = pick({
    implementations:
      listFlag(values.implementations, '--implementations', 'implementation', IMPLEMENTATIONS) ??
      config.implementations,
    artefacts: listFlag(values.artefacts, '--artefacts', 'artefact group', ARTEFACT_GROUPS) ?? config.artefacts,
    packageName: name === undefined ? config.packageName : packageName(name, '--package-name', 'package name'),
    packageVersion: config.packageVersion,
    package: values['no-package'] ? false : config.package,
  });
  const strict = values.strict ?? config.strict ?? false;
  return {
    kind: 'run',
    options: {
      docs: docs.path,
      docsShown: docs.shown,
      out: out.path,
      outShown: out.shown,
      check: values.check,
      strict,
      watch: values.watch,
      ...scaffoldOf(values.scaffold, values.impl, context.cwd),
      generate,
    },
  };
}

type Place = ReturnType<typeof place>;

/** The docs folder must be a folder; the output folder one the writer accepts. Throws UsageError. */
function checkFolders(flags: { docs?: string; out?: string }, configFile: string | undefined, docs: Place, out: Place) {
  if (flags.docs?.trim() === '') throw new UsageError('--docs is empty', true);
  if (!existsSync(docs.path) || !statSync(docs.path).isDirectory()) {
    const what = existsSync(docs.path) ? 'not a folder' : 'no such folder';
    if (flags.docs !== undefined) throw new UsageError(`--docs ${docs.shown}: ${what}`, true);
    if (configFile !== undefined) throw new UsageError(`${configFile}: "docs": ${what} ${docs.shown}`);
    throw new UsageError(`--docs ${docs.shown}: ${what}; pass --docs DIR or set "docs" in ${CONFIG_FILE}`);
  }
  const problem = outDirProblem(flags.out === '' ? '' : out.path, docs.path);
  if (problem) throw new UsageError(`--out ${flags.out === '' ? "''" : out.shown}: ${problem}`, true);
}

/** `--scaffold DIR --impl IMPL` → the scaffold option; `--scaffold` without a known `--impl` is a usage error. */
function scaffoldOf(dir: string | undefined, impl: string | undefined, cwd: string) {
  if (dir === undefined) return {};
  if (!IMPLEMENTATIONS.includes(impl as ImplId)) {
    throw new UsageError(`--scaffold needs --impl, one of ${IMPLEMENTATIONS.join(', ')}`, true);
  }
  return { scaffold: { dir: path.resolve(cwd, dir), shown: dir, impl: impl as ImplId } };
}

/** `--config FILE`, else `./onebot-codegen.config.json` when present, else nothing. */
function readConfig(flag: string | undefined, cwd: string): { file?: string; values: ConfigValues } {
  const file = flag ?? (existsSync(path.join(cwd, CONFIG_FILE)) ? CONFIG_FILE : undefined);
  return file === undefined ? { values: {} } : { file, values: loadConfigFile(file, cwd) };
}

/** A path from the flag (shown as typed), the config (absolute; shown relative to cwd) or the default. */
function place(flag: string | undefined, config: string | undefined, fallback: string, cwd: string) {
  if (flag !== undefined) return { path: path.resolve(cwd, flag), shown: flag };
  if (config !== undefined) return { path: config, shown: path.relative(cwd, config) || '.' };
  return { path: path.resolve(cwd, fallback), shown: fallback };
}

/** `--implementations napcat,gocq` (or the flag repeated) → checked names; undefined when not given. */
function listFlag<T extends string>(given: string[] | undefined, flag: string, noun: string, known: readonly T[]) {
  if (given === undefined) return undefined;
  const names = given.flatMap((g) => g.split(',')).map((n) => n.trim());
  return names.map((n) => checkName(n, flag, noun, known));
}

/** Drops undefined fields, so absent options keep the generator's defaults. */
function pick<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * `npm run generate --check` hands `--check` to npm, not to the script: npm sets
 * `npm_config_check` and runs the generator without it, which would silently regenerate.
 */
function refuseSwallowedFlags(env: CliContext['env']): void {
  const script = env.npm_lifecycle_event;
  if (script === undefined) return;
  const ours = Object.keys(FLAGS).filter((flag) => flag !== 'help' && flag !== 'version'); // npm answers those itself
  const taken = ours.filter((flag) => env[`npm_config_${flag.replaceAll('-', '_')}`] !== undefined);
  if (taken.length === 0) return;
  const flags = taken.map((f) => `--${f}`).join(' ');
  throw new UsageError(
    `npm kept ${flags} for itself (options after "npm run ${script}" need "--" first): ` +
      `run "npm run ${script} -- ${flags}"${taken.includes('check') ? ' or "npm run check:generated"' : ''}`,
  );
}

function help(): string {
  const groups = ARTEFACT_GROUPS.map((g) => `  ${g.padEnd(10)} ${ARTEFACT_SUMMARIES[g]}`);
  return [
    `onebot-codegen ${toolPackage().version}: typed OneBot 11 code from the OneBot 11 Markdown docs`,
    '',
    USAGE,
    '',
    'artefact groups:',
    ...groups,
    '',
    `${CONFIG_FILE}: docs, out (relative to the file), implementations, artefacts, packageName,`,
    '  packageVersion, package (false: sources only), strict; flags override it.',
    'exit codes: 0 done, 1 errors (or warnings under --strict) or a failed --check, 2 bad usage.',
  ].join('\n');
}
