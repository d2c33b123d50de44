/** What every construct handler shares while building one page: the file and its diagnostics. */
import type { Node } from 'unist';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostics.js';
import type { SourceRef } from '../model/types.js';

export interface BuildState {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
}

export function createState(file: string): BuildState {
  return { file, diagnostics: [] };
}

/** The source reference of an mdast node (line 1, column 1 when the node has no position). */
export function refOf(state: BuildState, node: Node | undefined): SourceRef {
  const start = node?.position?.start;
  return { file: state.file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

export function report(
  state: BuildState,
  severity: Diagnostic['severity'],
  code: DiagnosticCode,
  at: Node | SourceRef | undefined,
  message: string,
  related?: readonly SourceRef[],
): void {
  const source = at && 'file' in at ? at : refOf(state, at as Node | undefined);
  state.diagnostics.push({ severity, code, message, source, ...(related?.length ? { related } : {}) });
}

export const warn = (
  state: BuildState,
  code: DiagnosticCode,
  at: Node | SourceRef | undefined,
  message: string,
  related?: readonly SourceRef[],
) => report(state, 'warning', code, at, message, related);
