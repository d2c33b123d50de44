/**
 * Kinds of `##` section, tried in order; the first whose `matches` accepts a section builds it.
 * Detection is structural (table headers, sub-headings), never by file name, so pages the
 * generator has never seen are read the same way.
 */
import type { Heading, RootContent } from 'mdast';
import type { EventType, Field, MatrixRow, Segment, SourceRef } from '../types.js';
import type { Action, TypeSection } from '../types.js';
import { actionSection } from './action-section.js';
import { eventSection } from './event.js';
import { matrixSection } from './matrix.js';
import { segmentSection } from './segment.js';
import type { BuildState } from './state.js';

export interface RawSection {
  readonly heading: Heading;
  readonly title: string;
  readonly source: SourceRef;
  readonly nodes: readonly RootContent[];
  /** Reference definitions of the whole page (`[get_record]: ./bot.md#获取语音`), by identifier. */
  readonly definitions: ReadonlyMap<string, string>;
}

/** Everything one page contributes to the model. */
export interface PageBuild {
  title: string;
  readonly actions: Action[];
  readonly typeSections: TypeSection[];
  readonly segments: Segment[];
  readonly events: EventType[];
  readonly eventCommon: Field[];
  readonly matrix: MatrixRow[];
}

export interface SectionKind {
  readonly name: string;
  matches(section: RawSection): boolean;
  build(state: BuildState, section: RawSection, out: PageBuild): void;
}

/** The action kind accepts anything, so it comes last. */
export const SECTION_KINDS: readonly SectionKind[] = [matrixSection, segmentSection, eventSection, actionSection];

export function emptyPageBuild(): PageBuild {
  return { title: '', actions: [], typeSections: [], segments: [], events: [], eventCommon: [], matrix: [] };
}
