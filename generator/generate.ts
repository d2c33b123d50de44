/**
 * The pipeline: read → parse/build (model) → emit → files. Everything up to the returned file map
 * runs in memory; writing is the caller's last step.
 */
import { emit } from './emit/index.js';
import type { EmitOptions } from './emit/options.js';
import { extractPage, type PageExtract } from './extract/index.js';
import { type Diagnostic, sortDiagnostics } from './model/diagnostics.js';
import type { Model } from './model/types.js';
import { IMPLEMENTATIONS } from './model/types.js';
import { type DocFile, readDocs } from './parse/read-docs.js';
import { resolve } from './resolve/index.js';

/**
 * What to generate: implementations, artefact groups, the generated package's name and version.
 * Every field is optional; the defaults give every implementation and every group.
 */
export type GenerateOptions = EmitOptions;

export interface GenerateResult {
  readonly model: Model;
  /** Relative output path → file text, sorted by path. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Docs pages → the resolved model and every diagnostic (unsorted), in memory: extract each page, then resolve. */
export function buildModel(docs: readonly DocFile[]): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pages: PageExtract[] = docs.map((doc) => {
    const extracted = extractPage(doc);
    diagnostics.push(...extracted.diagnostics);
    return extracted.page;
  });
  return { model: resolve(pages, diagnostics), diagnostics };
}

/**
 * Docs pages (`{ file, text }`, `file` as diagnostics and `@see` lines should show it) → model,
 * files and sorted diagnostics, in memory. Bad input never throws: it becomes diagnostics.
 */
export async function generateFromDocs(
  docs: readonly DocFile[],
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const { model, diagnostics } = buildModel(docs);
  const files = await emit(model, options);
  return { model, files, diagnostics: sortDiagnostics(diagnostics) };
}

/** Every `*.md` under `docsDir` (recursively, sorted) → model, files and diagnostics; writes nothing. */
export async function generate(docsDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generateFromDocs(await readDocs(docsDir), options);
}

export function summary(result: GenerateResult, ms: number): string {
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = result.diagnostics.length - warnings;
  return `${result.model.actions.length} actions, ${IMPLEMENTATIONS.length} implementations, ${result.files.size} files, ${errors} errors, ${warnings} warnings in ${Math.round(ms)} ms`;
}
