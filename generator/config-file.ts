/**
 * `onebot-codegen.config.json`: read, check every key and value, and say where a problem is.
 *
 *     {
 *       "docs": "../onebot-11-docs/docs",       // relative to this file's folder
 *       "out": "src/onebot",
 *       "implementations": ["napcat"],
 *       "artefacts": ["types"],
 *       "packageName": "@my-bot/onebot",
 *       "package": true                          // false: sources only, no package.json or dist/
 *     }
 *
 * Comments and trailing commas are allowed (as in tsconfig.json). Every problem is reported as
 * `onebot-codegen.config.json:3:3: unknown key "implementation" (did you mean "implementations"?)`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { ARTEFACT_GROUPS, type ArtefactGroup } from './emit/options.js';
import { IMPLEMENTATIONS, type ImplId } from './model/types.js';

export const CONFIG_FILE = 'onebot-codegen.config.json';

/** What a config file may set. Paths are absolute (resolved against the file's folder). */
export interface ConfigValues {
  readonly docs?: string;
  readonly out?: string;
  readonly implementations?: readonly ImplId[];
  readonly artefacts?: readonly ArtefactGroup[];
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly package?: boolean;
  readonly strict?: boolean;
}

/** A bad command line or config file: the CLI prints the message (and the usage text when `usage`) and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

/** `file:line:col` of an offset in the config text. */
type At = (offset: number) => string;
type Check = (node: Node, at: At) => unknown;

/** Each key: how its value is checked and turned into a ConfigValues field. */
const KEYS: Readonly<Record<string, Check>> = {
  $schema: (node, at) => stringValue(node, at, '$schema'),
  docs: (node, at) => stringValue(node, at, 'docs'),
  out: (node, at) => stringValue(node, at, 'out'),
  implementations: (node, at) => listOf(node, at, 'implementations', 'implementation', IMPLEMENTATIONS),
  artefacts: (node, at) => listOf(node, at, 'artefacts', 'artefact group', ARTEFACT_GROUPS),
  packageName: (node, at) => packageName(stringValue(node, at, 'packageName'), at(node.offset), 'packageName'),
  packageVersion: (node, at) => packageVersion(stringValue(node, at, 'packageVersion'), at(node.offset)),
  package: (node, at) => booleanValue(node, at, 'package'),
  strict: (node, at) => booleanValue(node, at, 'strict'),
};

/** Reads and checks `file` (as the user named it; `cwd` resolves it). Throws UsageError. */
export function loadConfigFile(file: string, cwd: string): ConfigValues {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const at: At = (offset) => `${file}:${position(text, offset)}`;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const syntax = errors[0];
  if (syntax) throw new UsageError(`${at(syntax.offset)}: invalid JSON (${printParseErrorCode(syntax.error)})`);
  if (root?.type !== 'object') throw new UsageError(`${at(root?.offset ?? 0)}: the config must be a JSON object`);
  const values: Record<string, unknown> = {};
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = keyNode.value as string;
    const check = KEYS[key];
    if (!check) throw new UsageError(`${at(keyNode.offset)}: unknown key ${JSON.stringify(key)}${suggest(key, KEYS)}`);
    values[key] = check(valueNode, at);
  }
  const dir = path.dirname(absolute);
  for (const key of ['docs', 'out'] as const) {
    if (typeof values[key] === 'string') values[key] = path.resolve(dir, values[key]);
  }
  delete values.$schema;
  return values as ConfigValues;
}

function stringValue(node: Node, at: At, key: string): string {
  if (node.type === 'string' && node.value !== '') return node.value as string;
  throw new UsageError(`${at(node.offset)}: "${key}" must be a non-empty string`);
}

function booleanValue(node: Node, at: At, key: string): boolean {
  if (node.type === 'boolean') return node.value as boolean;
  throw new UsageError(`${at(node.offset)}: "${key}" must be true or false`);
}

/** A non-empty array of names from `known`, each checked where it is written. */
function listOf<T extends string>(node: Node, at: At, key: string, noun: string, known: readonly T[]): T[] {
  if (node.type !== 'array' || !node.children?.length) {
    throw new UsageError(`${at(node.offset)}: "${key}" must be an array of one or more of ${known.join(', ')}`);
  }
  return node.children.map((item) =>
    checkName(item.type === 'string' ? item.value : null, at(item.offset), noun, known),
  );
}

/** `name` if it is one of `known`, else a UsageError (`unknown implementation "nap" (did you mean "napcat"?)`). */
export function checkName<T extends string>(name: unknown, where: string, noun: string, known: readonly T[]): T {
  if (typeof name === 'string' && (known as readonly string[]).includes(name)) return name as T;
  const hint = typeof name === 'string' ? suggest(name, Object.fromEntries(known.map((k) => [k, k]))) : '';
  throw new UsageError(`${where}: unknown ${noun} ${JSON.stringify(name)}${hint}; known: ${known.join(', ')}`);
}

/** npm's rule for package names: lower case, URL-safe, optionally `@scope/`, at most 214 characters. */
export function packageName(name: string, where: string, key: string): string {
  if (name.length <= 214 && /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name)) return name;
  throw new UsageError(`${where}: "${key}" ${JSON.stringify(name)} is not a valid npm package name`);
}

function packageVersion(version: string, where: string): string {
  if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version)) return version;
  throw new UsageError(`${where}: "packageVersion" ${JSON.stringify(version)} is not a semver version (1.2.3)`);
}

/**
 * ` (did you mean "implementations"?)` for the closest known name within a few edits, or the one
 * known name that starts `name` or that `name` starts (`nap` → `napcat`, `output` → `out`); else ''.
 */
export function suggest(name: string, known: Readonly<Record<string, unknown>>): string {
  const lower = name.toLowerCase();
  const names = Object.keys(known).sort();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const prefixed = names.filter(
    (n) =>
      Math.min(lower.length, n.length) >= 2 && (n.toLowerCase().startsWith(lower) || lower.startsWith(n.toLowerCase())),
  );
  if (best === undefined && prefixed.length === 1) best = prefixed[0];
  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** `line:col` (1-based) of a character offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}
