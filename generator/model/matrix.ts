/** The support matrix: rows matched to actions; availability and levels taken from it. */
import type { Diagnostic } from './diagnostics.js';
import type { Action, MatrixRow } from './types.js';

export function applyMatrix(
  actions: readonly Action[],
  rows: readonly MatrixRow[],
  _diagnostics: Diagnostic[],
): { actions: Action[]; rows: MatrixRow[] } {
  return { actions: [...actions], rows: [...rows] };
}
