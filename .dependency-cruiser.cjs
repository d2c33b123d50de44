/**
 * Import directions of the pipeline (see README "How the docs are read"):
 *   parse → extract → resolve → model ← emit;  runtime/ stands alone (it ships inside generated/).
 * `npm run lint:imports` fails on any import against these arrows.
 */
module.exports = {
  forbidden: [
    {
      name: 'runtime-self-contained',
      comment:
        'generator/runtime is copied verbatim into generated/runtime: it may import only itself, Node built-ins and its declared packages',
      severity: 'error',
      from: { path: '^generator/runtime/' },
      to: { pathNot: ['^generator/runtime/', '^node_modules/(ws|ajv)/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'model-is-data',
      comment: 'generator/model is the IR: it imports no stage',
      severity: 'error',
      from: { path: '^generator/model/' },
      to: { path: '^generator/(parse|extract|resolve|emit|runtime|write)/|^generator/(generate|cli|config|config-file|tool|write|index)\\.ts$' },
    },
    {
      name: 'parse-first',
      severity: 'error',
      comment: 'reading pages needs only the model vocabulary',
      from: { path: '^generator/parse/' },
      to: { path: '^generator/(extract|resolve|emit)/' },
    },
    {
      name: 'extract-before-resolve',
      comment: 'extraction is per page: it never reaches into cross-page work or the emitters',
      severity: 'error',
      from: { path: '^generator/extract/' },
      to: { path: '^generator/(resolve|emit)/' },
    },
    {
      name: 'resolve-before-emit',
      severity: 'error',
      from: { path: '^generator/resolve/' },
      to: { path: '^generator/emit/' },
    },
    {
      name: 'emit-reads-the-model',
      comment: 'emitters see only the model and runtime symbols, never how the model was read',
      severity: 'error',
      from: { path: '^generator/emit/' },
      to: { path: '^generator/(parse|extract|resolve)/' },
    },
    {
      name: 'stages-not-entry',
      comment: 'stages never import the entry points or the writer',
      severity: 'error',
      from: { path: '^generator/(parse|extract|resolve|model|emit|runtime)/' },
      to: { path: '^generator/(generate|cli|config|config-file|write|index)\\.ts$|^generator/write/' },
    },
    {
      name: 'no-circular',
      comment: 'cycles through type-only imports are harmless; value cycles are not',
      severity: 'error',
      from: { path: '^generator/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
