/**
 * The mutable draft of one `##` section while its handlers run. `assemble` turns it into the
 * readonly model (an Action, a TypeSection, or nothing).
 */
import type { ActionTag, Example, ImplId, Note, SourceRef, TypeRef } from '../../model/types.js';
import type { Delta } from './deltas.js';
import type { ObjectShape } from '../mdast/fields.js';

export type PartName = 'params' | 'response';
/** `base` is what the section says for everyone; an ImplId is a `- \`NapCat\`` variant. */
export type ImplKey = 'base' | ImplId;

export interface TableDraft {
  readonly shape: ObjectShape;
  /** `- 对象1` before the table: one of several element shapes. */
  readonly label?: string;
  /** Prose before it said the body is an array (`响应内容为 JSON 数组，每个元素如下：`). */
  readonly arrayHint: boolean;
  readonly source: SourceRef;
}

export interface PartDraft {
  readonly tables: TableDraft[];
  none?: SourceRef;
  readonly prose: Note[];
  arrayHint: boolean;
  /** `请参考上方 \`NapCat\` 的响应数据`: use that implementation's examples. */
  refersTo?: ImplId;
  /** Changes a note states precisely (`多一个 \`x\` 字段`), applied to the base body. */
  readonly deltas: Delta[];
  readonly source: SourceRef;
}

export interface ActionHead {
  readonly name: string;
  readonly tag: ActionTag;
  readonly source: SourceRef;
}

export interface NamedTypeDraft {
  readonly name: string;
  readonly description: string;
  readonly type: TypeRef;
  readonly source: SourceRef;
}

export interface SectionDraft {
  readonly title: string;
  readonly source: SourceRef;
  readonly actions: ActionHead[];
  readonly description: string[];
  part?: PartName;
  impl?: ImplId;
  pendingType?: { readonly name: string; readonly source: SourceRef };
  pendingLabel?: string;
  sawPartHeading: boolean;
  readonly parts: Record<PartName, Partial<Record<ImplKey, PartDraft>>>;
  readonly types: NamedTypeDraft[];
  readonly examples: Example[];
  readonly notes: Partial<Record<ImplId, Note[]>>;
}

export function createDraft(title: string, source: SourceRef): SectionDraft {
  return {
    title,
    source,
    actions: [],
    description: [],
    sawPartHeading: false,
    parts: { params: {}, response: {} },
    types: [],
    examples: [],
    notes: {},
  };
}

/** The part draft the next table or note belongs to, created on first use. */
export function currentPart(draft: SectionDraft, at: SourceRef): PartDraft | undefined {
  if (!draft.part) return undefined;
  const key: ImplKey = draft.impl ?? 'base';
  const parts = draft.parts[draft.part];
  // A variant table under `响应内容为 JSON 数组` describes elements, like the base table does.
  return (parts[key] ??= { tables: [], prose: [], deltas: [], arrayHint: parts.base?.arrayHint ?? false, source: at });
}

export function addNote(draft: SectionDraft, impl: ImplId, note: Note): void {
  (draft.notes[impl] ??= []).push(note);
}
