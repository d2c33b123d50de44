import type { SectionKind } from './sections.js';

export const eventSection: SectionKind = {
  name: 'event',
  matches: () => false,
  build() {},
};
