/**
 * Kinds of `##` section, tried in order; the first whose `matches` accepts a section builds it.
 * Detection is structural (table headers, sub-headings), never by file name, so pages the
 * generator has never seen are read the same way.
 */
import { actionSection } from './action/section.js';
import { eventSection } from './event/section.js';
import { matrixSection } from './matrix/section.js';
import { segmentSection } from './segment/section.js';
import type { SectionKind } from './types.js';

/** The action kind accepts anything, so it comes last. */
export const SECTION_KINDS: readonly SectionKind[] = [matrixSection, segmentSection, eventSection, actionSection];
