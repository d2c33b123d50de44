/**
 * Target `index.ts`: one namespace per implementation, plus the shared modules.
 *
 *     export * as napcat from './napcat/types.js';
 *     export * as message from './common/message.js';
 *     export * as events from './common/events.js';     (when the inputs document events)
 */
import { IMPLEMENTATIONS, type Model } from '../../model/types.js';
import { fileHeader } from '../ts/header.js';
import type { EmittedFile } from './types.js';

export function indexTarget(model: Model): EmittedFile {
  return {
    path: 'index.ts',
    header: fileHeader('Every implementation as a namespace.'),
    statements: [
      ...IMPLEMENTATIONS.map((impl) => `export * as ${impl} from './${impl}/types.js';`),
      "export * as message from './common/message.js';",
      ...(model.events.length > 0 ? ["export * as events from './common/events.js';"] : []),
    ],
  };
}
