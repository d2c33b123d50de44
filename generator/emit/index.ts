/**
 * The target registry: artefact groups (`types`, `client`, `server`, `exports`) → files. Each
 * selected group's TypeScript targets are printed once from their structures by ts-morph (batched:
 * no per-node edits, no SourceFile), then formatted with prettier (format.ts). Derived from what
 * the groups produced: the runtime files their modules import (targets/runtime.ts), and the package
 * layer: entry modules (`index.ts`, `<impl>/index.ts`), `package.json`, the compiled `dist/` twins.
 * In memory; the writer puts the result on disk.
 *
 * Adding a group: its name and summary in options.ts, its targets in TARGET_GROUPS. It is then
 * selectable (config `artefacts`, `--artefacts`, `generate(dir, { artefacts })`), and its modules
 * are exported by the entry modules and the package.
 */
import type { ImplId, Model } from '../model/types.js';
import { IMPLEMENTATIONS } from '../model/types.js';
import { Formatter } from './format.js';
import { ARTEFACT_GROUPS, type ArtefactGroup, DEFAULT_PACKAGE, type EmitOptions } from './options.js';
import { asyncapiTargets } from './targets/asyncapi.js';
import { clientTarget } from './targets/client.js';
import { compatibilityTargets } from './targets/compatibility.js';
import { type BuiltTwins, type CompileHelper, compiledTargetsShared, loadBuiltTwins } from './targets/compiled.js';
import { eventsTargets } from './targets/events.js';
import { entryTargets } from './targets/index-file.js';
import { jsonSchemaTargets } from './targets/json-schema.js';
import { messageTarget } from './targets/message.js';
import { modelJsonTarget } from './targets/model-json.js';
import { modelSchemaTarget } from './targets/model-schema.js';
import { openapiTargets } from './targets/openapi.js';
import { dependenciesOf, packageJsonTarget } from './targets/package-json.js';
import { runtimeTargets } from './targets/runtime.js';
import { paramsSchemasTarget, serverTarget } from './targets/server.js';
import { type EmittedFile, type RawFile, typesTarget } from './targets/types.js';
import { type TsNames, tsNames } from './ts/names.js';
import { printFile } from './ts/print.js';

/** One artefact group's targets, for the chosen implementations. */
export interface TargetGroup {
  /** Groups whose modules this group's modules import (selected with it). */
  readonly needs?: readonly ArtefactGroup[];
  readonly ts?: (model: Model, impls: readonly ImplId[], names: TsNames) => readonly EmittedFile[];
  readonly raw?: (model: Model, impls: readonly ImplId[]) => readonly RawFile[];
}

/** The registry: every artefact group (options.ts) → its targets. */
export const TARGET_GROUPS: Readonly<Record<ArtefactGroup, TargetGroup>> = {
  types: {
    ts: (model, impls, names) => [
      ...impls.map((impl) => typesTarget(model, impl, names)),
      messageTarget(model, names),
      ...eventsTargets(model, names),
    ],
  },
  client: { needs: ['types'], ts: (model, impls, names) => impls.map((impl) => clientTarget(model, impl, names)) },
  server: {
    needs: ['types'],
    ts: (model, impls, names) =>
      impls.flatMap((impl) => [serverTarget(model, impl, names), paramsSchemasTarget(model, impl)]),
  },
  exports: {
    raw: (model, impls) => [
      modelJsonTarget(model),
      modelSchemaTarget(),
      ...compatibilityTargets(model),
      ...jsonSchemaTargets(model, impls),
      ...openapiTargets(model, impls),
      ...asyncapiTargets(model, impls),
    ],
  },
};

export { ARTEFACT_GROUPS, type ArtefactGroup, type EmitOptions };

/** What a run may bring besides the model and options: caches and a helper thread. */
export interface EmitTools {
  /** prettier with its caches, and perhaps a helper thread (default: a new Formatter). */
  readonly formatter?: Formatter;
  /** A thread that compiles twins too. */
  readonly compileHelper?: CompileHelper;
  /** Twins known ahead for exact texts, by module path (twins on disk from the last run, format-cache.ts). */
  readonly twins?: BuiltTwins;
}

/**
 * The model → relative posix path → file text, sorted by path. The tools change how fast, never
 * what. Throws on a bug in a target (two targets writing one path differently, generated code
 * whose declarations cannot be emitted on their own).
 */
export async function emit(
  model: Model,
  options: EmitOptions = {},
  tools: EmitTools = {},
): Promise<Map<string, string>> {
  const modules = await emitModules(model, options, tools);
  return assemble(modules, rawTargets(model, options), options);
}

/** emit's TypeScript half: path → text, and the packages those files import (package.json's dependencies). */
export interface EmittedModules {
  readonly files: ReadonlyMap<string, string>;
  readonly dependencies: Record<string, string>;
}

/**
 * emit's TypeScript half, the part that needs ts-morph, prettier and TypeScript: the modules,
 * the runtime files they import and, for a package, their compiled twins.
 */
export async function emitModules(model: Model, options: EmitOptions, tools: EmitTools = {}): Promise<EmittedModules> {
  const printed = typeScriptTargets(model, options).map((t) => printFile(t));
  const formatted = await (tools.formatter ?? new Formatter()).formatFiles(printed);
  const files = new Map(printed.map((f, i) => [f.path, formatted[i]!]));
  for (const raw of runtimeTargets(files)) files.set(raw.path, raw.text);
  if (options.package === false) return { files, dependencies: {} };
  // Read here, where the runtime selection has just scanned the same modules (specifiers.ts).
  const dependencies = dependenciesOf(files);
  const built = tools.twins ? new Map([...loadBuiltTwins(), ...tools.twins]) : loadBuiltTwins();
  for (const c of await compiledTargetsShared(files, tools.compileHelper, built)) files.set(c.path, c.text);
  return { files, dependencies };
}

/**
 * emit's result from its two halves, which may come from two threads: the modules (emitModules)
 * and the other files (rawTargets), with package.json when a package is emitted, sorted by path.
 */
export function assemble(modules: EmittedModules, raw: readonly RawFile[], options: EmitOptions): Map<string, string> {
  const out = new Map(modules.files);
  for (const file of raw) out.set(file.path, file.text);
  if (options.package !== false) {
    const identity = {
      name: options.packageName ?? DEFAULT_PACKAGE.name,
      version: options.packageVersion ?? DEFAULT_PACKAGE.version,
    };
    const pkg = packageJsonTarget(out, identity, modules.dependencies);
    out.set(pkg.path, pkg.text);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The chosen implementations (IMPLEMENTATIONS order) and groups (with the groups they need). */
export function selection(options: EmitOptions): { impls: ImplId[]; groups: ArtefactGroup[] } {
  const impls = IMPLEMENTATIONS.filter((i) => (options.implementations ?? IMPLEMENTATIONS).includes(i));
  const chosen = new Set(options.artefacts ?? ARTEFACT_GROUPS);
  for (const g of [...chosen]) for (const n of TARGET_GROUPS[g].needs ?? []) chosen.add(n);
  return { impls, groups: ARTEFACT_GROUPS.filter((g) => chosen.has(g)) };
}

/** The TypeScript files: structures, printed by ts-morph and formatted by prettier; entry modules last. */
export function typeScriptTargets(model: Model, options: EmitOptions = {}): EmittedFile[] {
  const { impls, groups } = selection(options);
  const names = tsNames(model);
  const ts = dedupe(groups.flatMap((g) => TARGET_GROUPS[g].ts?.(model, impls, names) ?? []));
  return [...ts, ...entryTargets(ts.map((t) => t.path))];
}

/** Files that are not TypeScript: the model and its schema, reports, the exports for other languages. */
export function rawTargets(model: Model, options: EmitOptions): RawFile[] {
  const { impls, groups } = selection(options);
  return dedupe(groups.flatMap((g) => TARGET_GROUPS[g].raw?.(model, impls) ?? []));
}

/** One file per path; two different files for one path are a bug in the targets. */
function dedupe<T extends { readonly path: string }>(files: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const f of files) {
    const earlier = seen.get(f.path);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(f)) {
      throw new Error(`emit: two targets write ${f.path} with different content`);
    }
    seen.set(f.path, f);
  }
  return [...seen.values()];
}
