/**
 * Every target for every implementation → one ts-morph Project, each file created once from its
 * structures (batched: no per-node edits), then formatted with prettier. In memory; the writer
 * puts the result on disk.
 */
import { format } from 'prettier';
import { Project } from 'ts-morph';
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

export async function emit(model: Model): Promise<Map<string, string>> {
  const names = tsNames(model);
  const targets: EmittedFile[] = [
    ...IMPLEMENTATIONS.map((impl) => typesTarget(model, impl, names)),
    ...IMPLEMENTATIONS.map((impl) => clientTarget(model, impl)),
    ...IMPLEMENTATIONS.map((impl) => serverTarget(model, impl)),
    ...IMPLEMENTATIONS.map((impl) => paramsSchemasTarget(model, impl)),
    messageTarget(model, names),
    ...eventsTargets(model, names),
    ...runtimeTargets(),
    indexTarget(model),
  ];
  const project = new Project({ useInMemoryFileSystem: true });
  const out = new Map<string, string>();
  for (const t of targets) {
    const file = project.createSourceFile(t.path, { statements: [...t.statements] }, { overwrite: true });
    out.set(t.path, await formatTs(t.header + file.getFullText()));
  }
  for (const raw of rawTargets(model)) out.set(raw.path, raw.text);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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

const PRETTIER = { parser: 'typescript', singleQuote: true, printWidth: 120 } as const;

export function formatTs(text: string): Promise<string> {
  return format(text, PRETTIER);
}
