/**
 * Target `schema/<impl>.json`: every params, response data, sub-type, segment and event type of one
 * implementation as a JSON Schema 2020-12 bundle under `$defs` (see `emit/schema/index.ts`).
 */
import type { ImplId, Model } from '../../model/types.js';
import { IMPLEMENTATIONS } from '../../model/types.js';
import { schemaBundle } from '../schema/index.js';
import { jsonText, type RawFile } from './types.js';

/** One file per implementation in `impls` (default: all). */
export function jsonSchemaTargets(model: Model, impls: readonly ImplId[] = IMPLEMENTATIONS): RawFile[] {
  return impls.map((impl) => ({ path: `schema/${impl}.json`, text: jsonText(schemaBundle(model, impl)) }));
}
