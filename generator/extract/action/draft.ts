/**
 * The mutable draft of one `##` section while its handlers run. `assemble` turns it into the
 * readonly model (an Action, a TypeSection, or nothing).
 */
import type { RootContent } from 'mdast';
import type { ActionTag, Example, Field, ImplId, Note, SourceRef, TypeRef } from '../../model/types.js';
import type { Delta } from './deltas.js';

export type PartName = 'params' | 'response';
/** `base` is what the section says for everyone; an ImplId is a `- \`NapCat\`` variant. */
export type ImplKey = 'base' | ImplId;

export interface TableDraft {
  /** Mutable: a nested table (`其中 \`x\` 字段的内容如下`) fills a field in place. */
  readonly fields: Field[];
  /** A `……` row: the object has more fields than listed. */
  readonly open: boolean;
  /** `- 方式一` / `- 对象1` before the table: one of several shapes. */
  readonly label?: string;
  /** Prose before it said the body is an array (`响应内容为 JSON 数组，每个元素如下：`). */
  readonly arrayHint: boolean;
  readonly source: SourceRef;
}

export interface PartDraft {
  readonly tables: TableDraft[];
  none?: SourceRef;
  /** Sentences that say nothing the generator reads (kept for `prose-only` and as description). */
  readonly prose: Note[];
  arrayHint: boolean;
  /** The first sentence that said what the body is (`返回一个数组…`): where a prose-only body points. */
  said?: SourceRef;
  /** `返回一个字符串数组`: the body is an array of this scalar (when no table says more). */
  arrayOf?: TypeRef;
  /** `响应为一个字符串`: the body is this scalar. */
  scalar?: { readonly type: TypeRef; readonly source: SourceRef };
  /** `见上方示例` / `请参考上方 \`NapCat\` 的响应数据`: the body comes from there. */
  refersTo?: { readonly target?: ImplId; readonly examplesOnly: boolean; readonly source: SourceRef };
  /** `参数请参考源码`: documented outside the page. */
  elsewhere?: Note;
  /** `在上表基础上额外返回以下字段`: this variant's table adds to the base instead of replacing it. */
  extend?: SourceRef;
  /** Changes a sentence states precisely (`多一个 \`x\` 字段`), applied to the body. */
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
  /** Mutable like a part table's, so nested tables reach sub-types too. */
  readonly fields: Field[];
  readonly open: boolean;
  readonly source: SourceRef;
}

/** A sentence naming a field whose table is still to come (`其中 \`x\` 字段的内容如下：`). */
export interface PendingNested {
  readonly path: readonly string[];
  readonly each: boolean;
  readonly text: string;
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
  /** `- 对象1` / `- 模板A`: the label of the next table. */
  pendingLabel?: { readonly text: string; readonly source: SourceRef };
  pendingNested?: PendingNested;
  /** The fields of the last table read (part, variant or sub-type): what a nested table refers to. */
  lastTable?: Field[];
  /** The node after the one being handled (a bullet right before a table introduces it). */
  next?: RootContent;
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
  return draft.part ? partFor(draft, draft.part, draft.impl ?? 'base', at) : undefined;
}

/** One part of one implementation (or the base), created on first use. */
export function partFor(draft: SectionDraft, part: PartName, key: ImplKey, at: SourceRef): PartDraft {
  const parts = draft.parts[part];
  // A variant table under `响应内容为 JSON 数组` describes elements, like the base table does.
  return (parts[key] ??= { tables: [], prose: [], deltas: [], arrayHint: parts.base?.arrayHint ?? false, source: at });
}

export function addNote(draft: SectionDraft, impl: ImplId, note: Note): void {
  (draft.notes[impl] ??= []).push(note);
}
