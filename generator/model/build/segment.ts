import type { SectionKind } from './sections.js';

export const segmentSection: SectionKind = {
  name: 'segment',
  matches: () => false,
  build() {},
};
