/**
 * The TypeScript compiler API the emitters call (`transpileModule`, `transpileDeclaration`,
 * `preProcessFile`): the copy ts-morph bundles, the very module instance ts-morph uses, loaded with
 * `require` and V8's code cache (require-cached.ts). Loaded on its own rather than through
 * ts-morph, a thread that only compiles twins (the CLI's main thread, see help.ts) is spared
 * ts-morph's other 4 MB of JavaScript. Types come from `import type { ts } from 'ts-morph'`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ts as Ts } from 'ts-morph';
import { requireCached } from './require-cached.js';

/** ts-morph's own entry: its bundled TypeScript is resolved from there, wherever the package manager put it. */
const TS_MORPH = pathToFileURL(createRequire(import.meta.url).resolve('ts-morph')).href;

export const ts: typeof Ts = requireCached('@ts-morph/common/dist/typescript.js', TS_MORPH) as typeof Ts;
