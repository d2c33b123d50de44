/**
 * Target `common/events.ts`: every event of the docs as an interface, unions per post_type, the
 * event and quick-operation maps, and `eventKey` (calling the runtime's `eventKeyIn`). Emitted only when the inputs have events.
 */
import type { Model } from '../../model/types.js';
import { fileHeader } from '../ts/header.js';
import { ImportCollector, MODULE_PATHS } from '../ts/imports.js';
import {
  eventBaseStructure,
  eventKeyStructures,
  eventMapStructures,
  eventStructures,
  quickOperationStructures,
  RECEIVED,
  SENT,
  unionStructures,
} from '../ts/structures/events.js';
import type { EmittedFile } from './types.js';
import { type TsNames, tsNames } from '../ts/names.js';

/** The runtime module `eventKey()` calls (`generator/runtime/event-key.ts`, copied to `runtime/`). */
const EVENT_KEY_MODULE = 'runtime/event-key.ts';

export function eventsTargets(model: Model, names: TsNames = tsNames(model)): EmittedFile[] {
  if (model.events.length === 0) return [];
  const path = MODULE_PATHS.events;
  const imports = new ImportCollector();
  for (const f of model.eventCommon) imports.addType(f.type, RECEIVED, names);
  for (const e of model.events) {
    for (const f of e.fields) imports.addType(f.type, RECEIVED, names);
    for (const f of e.quickOperation ?? []) imports.addType(f.type, SENT, names);
  }
  imports.addSymbol(EVENT_KEY_MODULE, 'eventKeyIn');
  imports.addSymbol(EVENT_KEY_MODULE, 'DetailFields', { typeOnly: true });
  const pages = [...model.eventCommon, ...model.events].map((e) => e.source.file);
  return [
    {
      path,
      header: fileHeader('OneBot 11 events.', pages),
      statements: [
        ...imports.structures(path),
        ...(model.eventCommon.length > 0 ? [eventBaseStructure(model.eventCommon, names)] : []),
        ...model.events.flatMap((e) => eventStructures(e, names)),
        ...unionStructures(model.events, names),
        ...eventMapStructures(model.events, names),
        ...quickOperationStructures(model.events, names),
        ...eventKeyStructures(model.events),
      ],
    },
  ];
}
