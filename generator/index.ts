/**
 * The public API of onebot-codegen (`import { generate } from 'onebot-codegen'`): run the pipeline
 * in memory, write its files, print its diagnostics, read the model. The README's "Programmatic
 * API" section lists exactly these exports (test/e2e/readme.test.ts keeps the two equal).
 */
export { ARTEFACT_GROUPS, type ArtefactGroup } from './emit/options.js';
export { actionSchemas } from './emit/schema/index.js';
export { type GenerateOptions, type GenerateResult, buildModel, generate, generateFromDocs } from './generate.js';
export { type Diagnostic, type DiagnosticCode, formatDiagnostic } from './model/diagnostics.js';
export type {
  Action,
  ActionTag,
  Body,
  EventType,
  Example,
  ExampleComment,
  Field,
  ImplId,
  MatrixRow,
  Model,
  NamedType,
  Note,
  NumberFormat,
  Page,
  Segment,
  SegmentField,
  SourceRef,
  SupportLevel,
  TypeRef,
  TypeSection,
  Variant,
} from './model/types.js';
export { FORMAT_VERSION, IMPLEMENTATIONS } from './model/types.js';
export type { DocFile } from './parse/read-docs.js';
export { type WriteOptions, type WriteResult, writeOutputs } from './write.js';
