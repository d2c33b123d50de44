/** The implementations table: labels, and the support levels the matrix gives them. */
import type { ImplId, SupportLevel } from './types.js';

export const IMPLEMENTATION_LABELS: Readonly<Record<ImplId, string>> = {
  onebot11: 'OneBot 11 (standard)',
  gocq: 'go-cqhttp',
  napcat: 'NapCat',
  lagrange: 'Lagrange',
};

/** The symbol the docs use for each level. */
export const MATRIX_SYMBOLS: Readonly<Record<SupportLevel, string>> = {
  standard: '✅',
  minor: '☑️',
  major: '⚠️',
  extension: '✨',
  missing: '❌',
  'not-applicable': '-',
};

/** What each level means, in words (JSDoc, the compatibility report). */
export const SUPPORT_LEVEL_TEXT: Readonly<Record<SupportLevel, string>> = {
  standard: 'as the standard',
  minor: 'minor differences',
  major: 'major differences',
  extension: 'own extension',
  missing: 'not implemented',
  'not-applicable': 'not applicable',
};

/** `minor differences (☑️)` */
export function describeLevel(level: SupportLevel): string {
  return `${SUPPORT_LEVEL_TEXT[level]} (${MATRIX_SYMBOLS[level]})`;
}

/** Levels under which an implementation has the action. */
export const AVAILABLE_LEVELS: ReadonlySet<SupportLevel> = new Set(['standard', 'minor', 'major', 'extension']);
