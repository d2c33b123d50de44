/**
 * Target `schema/<impl>.json`: every params, response data, sub-type, segment and event type of one
 * implementation as a JSON Schema 2020-12 bundle under `$defs` (see `emit/schema/index.ts`).
 */
import type { Model } from '../../model/types.js';
import { IMPLEMENTATIONS } from '../../model/types.js';
import { schemaBundle } from '../schema/index.js';
import { jsonText, type RawFile } from './types.js';

export function jsonSchemaTargets(model: Model): RawFile[] {
  return IMPLEMENTATIONS.map((impl) => ({ path: `schema/${impl}.json`, text: jsonText(schemaBundle(model, impl)) }));
}
