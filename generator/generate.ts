/**
 * The pipeline: read → parse/build (model) → emit → files. Everything up to the returned file map
 * runs in memory; writing is the caller's last step.
 */
import { emit } from './emit/index.js';
import { extractPage, type PageExtract } from './extract/index.js';
import { compareStrings, type Diagnostic, sortDiagnostics } from './model/diagnostics.js';
import type { Model } from './model/types.js';
import { IMPLEMENTATIONS } from './model/types.js';
import { type DocFile, readDocTree } from './parse/read-docs.js';
import { resolve } from './resolve/index.js';

export interface GenerateResult {
  readonly model: Model;
  /** Relative output path → file text, sorted by path. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Docs pages → the resolved model and every diagnostic (unsorted), in memory: extract each page, then resolve. */
export function buildModel(docs: readonly DocFile[]): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Pages in path order whatever order they came in: the model (and so the output) never depends on it.
  const sorted = [...docs].sort((a, b) => compareStrings(a.file, b.file));
  const pages: PageExtract[] = sorted.map((doc) => {
    const extracted = extractPage(doc);
    diagnostics.push(...extracted.diagnostics);
    return extracted.page;
  });
  return { model: resolve(pages, diagnostics), diagnostics };
}

export async function generateFromDocs(docs: readonly DocFile[]): Promise<GenerateResult> {
  const { model, diagnostics } = buildModel(docs);
  const files = await emit(model);
  return { model, files, diagnostics: sortDiagnostics(diagnostics) };
}

/** Reads the docs folder (skipped entries become diagnostics; DocsError when no page is readable), then generates. */
export async function generate(docsDir: string): Promise<GenerateResult> {
  const tree = await readDocTree(docsDir);
  const result = await generateFromDocs(tree.docs);
  if (tree.diagnostics.length === 0) return result;
  return { ...result, diagnostics: sortDiagnostics([...tree.diagnostics, ...result.diagnostics]) };
}

export function summary(result: GenerateResult, ms: number): string {
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = result.diagnostics.length - warnings;
  return `${result.model.actions.length} actions, ${IMPLEMENTATIONS.length} implementations, ${result.files.size} files, ${errors} errors, ${warnings} warnings in ${Math.round(ms)} ms`;
}
