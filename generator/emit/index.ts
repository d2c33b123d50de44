/**
 * The target registry: artefact groups (`types`, `exports`, …) → files. Each selected group's
 * TypeScript targets go into one ts-morph Project, each file created once from its structures
 * (batched: no per-node edits), then formatted with prettier. The package layer is derived from
 * what the groups produced: entry modules (`index.ts`, `<impl>/index.ts`), `package.json`, and the
 * compiled `dist/` twins. In memory; the writer puts the result on disk.
 *
 * Adding a group: its name and summary in options.ts, its targets in TARGET_GROUPS. It is then
 * selectable (config `artefacts`, `--artefacts`, `generate(dir, { artefacts })`), and its modules
 * are exported by the entry modules and the package.
 */
import { format } from 'prettier';
import { Project } from 'ts-morph';
import type { ImplId, Model } from '../model/types.js';
import { IMPLEMENTATIONS } from '../model/types.js';
import { ARTEFACT_GROUPS, type ArtefactGroup, DEFAULT_PACKAGE, type EmitOptions } from './options.js';
import { compatibilityTargets } from './targets/compatibility.js';
import { compiledTargets } from './targets/compiled.js';
import { entryTargets } from './targets/index-file.js';
import { eventsTargets } from './targets/events.js';
import { messageTarget } from './targets/message.js';
import { packageJsonTarget, type PackageIdentity } from './targets/package-json.js';
import { runtimeTargets } from './targets/runtime.js';
import { type EmittedFile, type RawFile, typesTarget } from './targets/types.js';

/** One artefact group's targets: the TypeScript files and the other files it writes, for the chosen implementations. */
export interface TargetGroup {
  readonly ts?: (model: Model, impls: readonly ImplId[]) => readonly EmittedFile[];
  readonly raw?: (model: Model, impls: readonly ImplId[]) => readonly RawFile[];
}

/** The registry: every artefact group (options.ts) → its targets. */
export const TARGET_GROUPS: Readonly<Record<ArtefactGroup, TargetGroup>> = {
  types: {
    ts: (model, impls) => [
      ...impls.map((impl) => typesTarget(model, impl)),
      messageTarget(model),
      ...eventsTargets(model),
      ...runtimeTargets(),
    ],
  },
  exports: {
    raw: (model) => [
      { path: 'model.json', text: `${JSON.stringify(model, null, 2)}\n` },
      ...compatibilityTargets(model),
    ],
  },
};

export { ARTEFACT_GROUPS, type ArtefactGroup, type EmitOptions };

/**
 * The model → relative posix path → file text, sorted by path. Throws on a bug in a target (two
 * groups writing one path differently, generated code that cannot be compiled to declarations).
 */
export async function emit(model: Model, options: EmitOptions = {}): Promise<Map<string, string>> {
  const impls = IMPLEMENTATIONS.filter((i) => (options.implementations ?? IMPLEMENTATIONS).includes(i));
  const groups = ARTEFACT_GROUPS.filter((g) => (options.artefacts ?? ARTEFACT_GROUPS).includes(g));
  const ts: EmittedFile[] = [];
  const raw: RawFile[] = [];
  for (const name of groups) {
    const group = TARGET_GROUPS[name];
    ts.push(...(group.ts?.(model, impls) ?? []));
    raw.push(...(group.raw?.(model, impls) ?? []));
  }
  const sources = dedupe([...ts, ...entryTargets(ts.map((t) => t.path))]);
  const out = new Map<string, string>();
  const project = new Project({ useInMemoryFileSystem: true });
  for (const t of sources) {
    const file = project.createSourceFile(t.path, { statements: [...t.statements] }, { overwrite: true });
    out.set(t.path, await formatTs(t.header + file.getFullText()));
  }
  for (const r of dedupe(raw)) out.set(r.path, r.text);
  if (options.package === false) return sortByPath(out);
  for (const c of compiledTargets(out)) out.set(c.path, c.text);
  const identity: PackageIdentity = {
    name: options.packageName ?? DEFAULT_PACKAGE.name,
    version: options.packageVersion ?? DEFAULT_PACKAGE.version,
  };
  const pkg = packageJsonTarget(out, identity);
  out.set(pkg.path, pkg.text);
  return sortByPath(out);
}

const sortByPath = (files: ReadonlyMap<string, string>): Map<string, string> =>
  new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Groups may share files (every group that needs the runtime lists it): one copy per path, and two
 * different files for one path are a bug in the targets.
 */
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

const PRETTIER = { parser: 'typescript', singleQuote: true, printWidth: 120 } as const;

export function formatTs(text: string): Promise<string> {
  return format(text, PRETTIER);
}
