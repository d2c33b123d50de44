/** Stage 2 · one docs page → what it contributes (PageExtract) + its diagnostics; no cross-page work. */
import type { Root } from 'mdast';
import type { Diagnostic } from '../model/diagnostics.js';
import { parseMarkdown } from '../parse/processor.js';
import type { DocFile } from '../parse/read-docs.js';
import { buildPage } from './page.js';
import type { PageBuild } from './types.js';
import { createState } from './state.js';

/** Everything one page contributes to the model, with the page's path (as given in its DocFile). */
export interface PageExtract extends PageBuild {
  readonly file: string;
}

/**
 * Parses and extracts one page; never throws for bad Markdown (a failing section is a diagnostic).
 * `parse` is parseMarkdown, or one that reuses chunks parsed before (watch mode).
 */
export function extractPage(
  doc: DocFile,
  parse: (text: string) => Root = parseMarkdown,
): { readonly page: PageExtract; readonly diagnostics: Diagnostic[] } {
  const state = createState(doc.file);
  const page = buildPage(state, parse(doc.text));
  return { page: { ...page, file: doc.file }, diagnostics: state.diagnostics };
}
