/**
 * Every target for every implementation → each file printed once from its structures by ts-morph
 * (batched: no per-node edits, no SourceFile), then formatted with prettier (format.ts). In memory;
 * the writer puts the result on disk.
 */
import { Formatter } from './format.js';
import { printFile } from './ts/print.js';
import type { Model } from '../model/types.js';
import { IMPLEMENTATIONS } from '../model/types.js';
import { clientTarget } from './targets/client.js';
import { paramsSchemasTarget, serverTarget } from './targets/server.js';
import { asyncapiTargets } from './targets/asyncapi.js';
import { compatibilityTargets } from './targets/compatibility.js';
import { eventsTargets } from './targets/events.js';
import { indexTarget } from './targets/index-file.js';
import { jsonSchemaTargets } from './targets/json-schema.js';
import { messageTarget } from './targets/message.js';
import { modelJsonTarget } from './targets/model-json.js';
import { modelSchemaTarget } from './targets/model-schema.js';
import { openapiTargets } from './targets/openapi.js';
import { runtimeTargets } from './targets/runtime.js';
import { type EmittedFile, type RawFile, typesTarget } from './targets/types.js';
import { tsNames } from './ts/names.js';

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
  const names = tsNames(model);
  return [
    ...IMPLEMENTATIONS.map((impl) => typesTarget(model, impl, names)),
    ...IMPLEMENTATIONS.map((impl) => clientTarget(model, impl, names)),
    ...IMPLEMENTATIONS.map((impl) => serverTarget(model, impl, names)),
    ...IMPLEMENTATIONS.map((impl) => paramsSchemasTarget(model, impl)),
    messageTarget(model, names),
    ...eventsTargets(model, names),
    ...runtimeTargets(),
    indexTarget(model),
  ];
}

/** Files that are not TypeScript: the model and its schema, reports, the exports for other languages. */
function rawTargets(model: Model): RawFile[] {
  return [
    modelJsonTarget(model),
    modelSchemaTarget(),
    ...compatibilityTargets(model),
    ...jsonSchemaTargets(model),
    ...openapiTargets(model),
    ...asyncapiTargets(model),
  ];
}
