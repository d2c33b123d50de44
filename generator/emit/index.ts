/**
 * Every target for every implementation → each file printed once from its structures by ts-morph
 * (batched: no per-node edits, no SourceFile), then formatted with prettier (format.ts). In memory;
 * the writer puts the result on disk.
 */
import { Formatter } from './format.js';
import { printFile } from './ts/print.js';
import type { Model } from '../model/types.js';
import { IMPLEMENTATIONS } from '../model/types.js';
import { compatibilityTargets } from './targets/compatibility.js';
import { eventsTargets } from './targets/events.js';
import { indexTarget } from './targets/index-file.js';
import { messageTarget } from './targets/message.js';
import { runtimeTargets } from './targets/runtime.js';
import { type EmittedFile, type RawFile, typesTarget } from './targets/types.js';

/** Model → output path → text, sorted by path. `formatter` may carry caches between runs. */
export async function emit(model: Model, formatter: Formatter = new Formatter()): Promise<Map<string, string>> {
  const printed = typeScriptTargets(model).map((t) => printFile(t));
  const formatted = await formatter.formatFiles(printed);
  const out = new Map(printed.map((f, i) => [f.path, formatted[i]!]));
  for (const raw of rawTargets(model)) out.set(raw.path, raw.text);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The TypeScript files: structures, printed by ts-morph and formatted by prettier. */
export function typeScriptTargets(model: Model): EmittedFile[] {
  return [
    ...IMPLEMENTATIONS.map((impl) => typesTarget(model, impl)),
    messageTarget(model),
    ...eventsTargets(model),
    ...runtimeTargets(),
    indexTarget(model),
  ];
}

/** Files that are not TypeScript: the model itself, reports. */
function rawTargets(model: Model): RawFile[] {
  return [{ path: 'model.json', text: `${JSON.stringify(model, null, 2)}\n` }, ...compatibilityTargets(model)];
}
