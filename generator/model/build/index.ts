/** Docs files → model + diagnostics: parse each page, build it, then normalize across pages. */
import { parseMarkdown } from '../../parse/processor.js';
import type { DocFile } from '../../parse/read.js';
import type { Diagnostic } from '../diagnostics.js';
import { normalize } from '../normalize.js';
import type { Model } from '../types.js';
import { buildPage } from './page.js';
import type { PageBuild } from './sections.js';
import { createState } from './state.js';

export interface BuiltPage extends PageBuild {
  readonly file: string;
}

export function buildModel(docs: readonly DocFile[]): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pages: BuiltPage[] = docs.map((doc) => {
    const state = createState(doc.file);
    const page = buildPage(state, parseMarkdown(doc.text));
    diagnostics.push(...state.diagnostics);
    return { ...page, file: doc.file };
  });
  const model = normalize(pages, diagnostics);
  return { model, diagnostics };
}
