/** What the extract stage produces per page and per section, and the shape of a section kind. */
import type { Heading, RootContent } from 'mdast';
import type { Action, EventType, Field, MatrixRow, Segment, SourceRef, TypeSection } from '../model/types.js';
import type { BuildState } from './state.js';

export interface RawSection {
  readonly heading: Heading;
  readonly title: string;
  readonly source: SourceRef;
  readonly nodes: readonly RootContent[];
  /** Reference definitions of the whole page (`[get_record]: ./bot.md#获取语音`), by identifier. */
  readonly definitions: ReadonlyMap<string, string>;
}

/** A section listing the fields every event has (`time`, `self_id`, `post_type`). */
export interface CommonFieldsSection {
  readonly fields: readonly Field[];
  readonly source: SourceRef;
}

/** Everything one page contributes to the model. */
export interface PageBuild {
  title: string;
  readonly actions: Action[];
  readonly typeSections: TypeSection[];
  readonly segments: Segment[];
  readonly events: EventType[];
  /** Every common-fields section, in page order; resolve keeps the first of the inputs. */
  readonly eventCommon: CommonFieldsSection[];
  readonly matrix: MatrixRow[];
}

export interface SectionKind {
  readonly name: string;
  matches(section: RawSection): boolean;
  build(state: BuildState, section: RawSection, out: PageBuild): void;
}

export function emptyPageBuild(): PageBuild {
  return { title: '', actions: [], typeSections: [], segments: [], events: [], eventCommon: [], matrix: [] };
}
