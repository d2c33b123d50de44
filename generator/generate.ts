/**
 * The pipeline: read → parse/build (model) → emit → files. Everything up to the returned file map
 * runs in memory; writing is the caller's last step.
 */
import { emit } from './emit/index.js';
import { buildModel } from './model/build/index.js';
import { type Diagnostic, sortDiagnostics } from './model/diagnostics.js';
import type { Model } from './model/types.js';
import { IMPLEMENTATIONS } from './model/types.js';
import { type DocFile, readDocs } from './parse/read.js';

export interface GenerateResult {
  readonly model: Model;
  /** Relative output path → file text, sorted by path. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

export async function generateFromDocs(docs: readonly DocFile[]): Promise<GenerateResult> {
  const { model, diagnostics } = buildModel(docs);
  const files = await emit(model);
  return { model, files, diagnostics: sortDiagnostics(diagnostics) };
}

export async function generate(docsDir: string): Promise<GenerateResult> {
  return generateFromDocs(await readDocs(docsDir));
}

export function summary(result: GenerateResult, ms: number): string {
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = result.diagnostics.length - warnings;
  return `${result.model.actions.length} actions, ${IMPLEMENTATIONS.length} implementations, ${result.files.size} files, ${errors} errors, ${warnings} warnings in ${Math.round(ms)} ms`;
}
