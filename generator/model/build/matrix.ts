import type { SectionKind } from './sections.js';

export const matrixSection: SectionKind = {
  name: 'matrix',
  matches: () => false,
  build() {},
};
