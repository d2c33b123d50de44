/**
 * What `import ts from 'typescript'` gives the tests (vitest.config.ts aliases the name here):
 * TypeScript's CommonJS file required with V8's code cache, as the generator loads ts-morph's
 * copy (requireCached). Imported as an ES module, Node first compiles the 9 MB file to detect its
 * format, then scans it for named exports, then compiles it again: ~0.7 s of CPU per worker
 * thread, against ~0.08 s from the cache. The module object is the same either way.
 */
import type TypeScript from 'typescript';
import { requireCached, saveCodeCache } from '../../generator/emit/ts/require-cached.js';

const ts = requireCached('typescript', import.meta.url) as typeof TypeScript;
saveCodeCache(); // a no-op once the cache is written

export default ts;
