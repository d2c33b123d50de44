/**
 * The intermediate model: what the docs say, as readonly plain data.
 *
 * Everything here is JSON-serialisable (it is written out as `model.json`) and every element
 * carries a `SourceRef` back to the Markdown that produced it. Emitters read this model and never
 * look at Markdown again.
 */

/**
 * Version of the model's JSON form (`model.json`) and of the exports built from it. Bumped on every
 * change that can break a reader: a field removed or renamed, a meaning changed, a new `TypeRef` kind.
 * Adding an optional field is not breaking and keeps the version.
 */
export const FORMAT_VERSION = 2;

/** A position in a docs page: `file` is the path as given on the command line, posix separators. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The implementations the generator emits code for. `onebot11` is the standard itself. */
export const IMPLEMENTATIONS = ['onebot11', 'gocq', 'napcat', 'lagrange'] as const;
export type ImplId = (typeof IMPLEMENTATIONS)[number];

/** The extension tag written after an action bullet: `- \`name\` (NapCat拓展)`. */
export type ActionTag = 'none' | 'gocq' | 'napcat' | 'lagrange' | 'community';

/** Number formats a table may state: `number (int64)`. */
export type NumberFormat = 'int32' | 'int64' | 'float' | 'double';

/**
 * A type, as stated by a table cell or inferred from an example.
 *
 * `ref` names a sub-type by its `NamedType.id` (`**Device**`, `### rkeys`); `events` is any event whose
 * `post_type` is `postType` (a link to an event page); `link` is a cross-page link whose target the
 * model could not resolve to a type (resolve turns every one into a `ref`, `events` or `unknown`).
 */
export type TypeRef =
  | { readonly kind: 'string' }
  | { readonly kind: 'number'; readonly format?: NumberFormat }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'null' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'message' }
  | { readonly kind: 'array'; readonly element: TypeRef }
  | { readonly kind: 'union'; readonly members: readonly TypeRef[] }
  | { readonly kind: 'object'; readonly fields: readonly Field[]; readonly open?: boolean }
  | { readonly kind: 'ref'; readonly target: string }
  | { readonly kind: 'events'; readonly postType: string }
  | { readonly kind: 'link'; readonly href: string; readonly text: string };

/** One documented field of an object: a table row, or a key of an example. */
export interface Field {
  readonly name: string;
  readonly type: TypeRef;
  /** Whether a sender must provide it (params) or a receiver can count on it (responses). */
  readonly required: boolean;
  /** The default column, verbatim, when it states one. */
  readonly default?: string;
  readonly description: string;
  /** The type cell verbatim (`number (int64)`), or `example` when inferred. */
  readonly rawType: string;
  readonly source: SourceRef;
}

/** What a params or response part says: a type, or that there is nothing. */
export type Body =
  | { readonly kind: 'none'; readonly source: SourceRef }
  | {
      readonly kind: 'type';
      readonly type: TypeRef;
      readonly origin: 'table' | 'example' | 'prose';
      readonly source: SourceRef;
    };

/** A named sub-type: `**Device**`, `### rkeys`, `#### favoriteInfo`, `### File`. */
export interface NamedType {
  /** The name as written in the docs; `ref` types point at it. */
  readonly name: string;
  /**
   * Unique across the model's named types, language-neutral: the docs name (`Device`), qualified by
   * its action when several definitions share a name (`get_profile_like.userInfos`), `~2`, `~3` on a
   * clash left. Two ids never differ only in case or punctuation. Emitters derive their own names.
   */
  readonly id: string;
  readonly description: string;
  readonly type: TypeRef;
  readonly source: SourceRef;
}

/** A JSON example from a `::: details` block. */
export interface Example {
  readonly role: 'request' | 'response';
  /** Set when the summary or a `// lagrange` comment names an implementation. */
  readonly impl?: ImplId;
  readonly value: unknown;
  /** `// …` comments and `[!code ++]` style markers, keyed by the JSON path they annotate. */
  readonly comments: readonly ExampleComment[];
  readonly source: SourceRef;
}

export interface ExampleComment {
  /** Dotted path of the value the comment follows (`bkn`, `result.retCode`), or `` for the document. */
  readonly path: string;
  readonly text: string;
  /** VitePress code marker, when present: `++`, `--`, `error`, `warning`, `focus`, `highlight`. */
  readonly marker?: string;
}

/** What one implementation does differently for an action. */
export interface Variant {
  readonly params?: Body;
  readonly response?: Body;
  /** Prose notes from `- \`Lagrange\`: …` bullets. */
  readonly notes: readonly Note[];
}

export interface Note {
  readonly text: string;
  readonly source: SourceRef;
}

export interface Action {
  readonly name: string;
  readonly title: string;
  readonly tag: ActionTag;
  readonly description: string;
  readonly params: Body;
  readonly response: Body;
  readonly types: readonly NamedType[];
  readonly examples: readonly Example[];
  readonly variants: Readonly<Partial<Record<ImplId, Variant>>>;
  /** Implementations that have this action, in `IMPLEMENTATIONS` order (see README, availability). */
  readonly availability: readonly ImplId[];
  /** Support level per implementation, from the support matrix when a page has one. */
  readonly support?: Readonly<Partial<Record<ImplId, SupportLevel>>>;
  /** The matrix row `support` came from. */
  readonly supportSource?: SourceRef;
  readonly source: SourceRef;
}

/** A `##` section that defines shared types instead of an action (`## 文件对象类型`). */
export interface TypeSection {
  readonly title: string;
  readonly types: readonly NamedType[];
  readonly source: SourceRef;
}

export interface Page {
  readonly file: string;
  readonly title: string;
  readonly actions: readonly string[];
  readonly typeSections: readonly TypeSection[];
}

export interface Model {
  readonly pages: readonly Page[];
  /** Sorted by name. */
  readonly actions: readonly Action[];
  /** Message segment types, in page order; empty when no segment page is an input. */
  readonly segments: readonly Segment[];
  /** Fields every event has (`time`, `self_id`, `post_type`); empty without an event overview page. */
  readonly eventCommon: readonly Field[];
  /** Events, in page order; empty when no event page is an input. */
  readonly events: readonly EventType[];
  /** Support matrix rows, in page order; empty when no page has the matrix. */
  readonly matrix: readonly MatrixRow[];
}

/**
 * One row of a `收`/`发` segment table: a `data` field of a message segment.
 *
 * Whether it may be left out depends on the direction (`发送时可选`: optional when sent, always
 * there when received), so each direction has its own flag; `required` (from `Field`) is their
 * conjunction over the directions the field is ticked for, for readers that want one answer.
 */
export interface SegmentField extends Field {
  /** ✓ in the 收 column: present in segments the bot receives. */
  readonly receive: boolean;
  /** ✓ in the 发 column: accepted in segments the bot sends. */
  readonly send: boolean;
  /** A received segment always has it; false when not `receive`. */
  readonly requiredOnReceive: boolean;
  /** A sender must provide it; false when not `send`. */
  readonly requiredOnSend: boolean;
}

/** A message segment type from `message/segment.md`: `{ type: 'face', data: { id } }`. */
export interface Segment {
  /** The `type` value (`text`, `face`, `image`). */
  readonly type: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly SegmentField[];
  /** Whether bots receive it: a `<Badge text="收"/>` on the heading, else any field ✓ in 收 (no fields: both ways). */
  readonly receive: boolean;
  /** Whether bots may send it: a `<Badge text="发"/>` on the heading, else any field ✓ in 发. */
  readonly send: boolean;
  /**
   * Unique across segments, language-neutral: the `type` (`face`), plus the literal or title word
   * that tells apart segments sharing a type (`contact.qq`, `node.custom`), or `~2` when nothing does.
   */
  readonly id: string;
  readonly source: SourceRef;
}

/** An event from `event/*.md`: a 事件数据/上报数据 table, its nested tables and its 快速操作. */
export interface EventType {
  /**
   * `message.group`, `notice.notify.poke`, `message_sent.group`: post_type, the detail type, and
   * sub_type when it is a single value. Sections that document one event in different shapes (a group
   * poke with `group_id`, a friend poke with `sender_id`) share it: the event is any of them.
   */
  readonly key: string;
  /**
   * Unique across events, language-neutral: the key, with `~2`, `~3` for a later section giving
   * another shape of the same key (`notice.notify.poke~2`).
   */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly Field[];
  /** The 快速操作 fields; absent when the event has none. */
  readonly quickOperation?: readonly Field[];
  /** Set when a note marks the event as one implementation's extension (`> [!note] 拓展字段 Lagrange.OneBot`). */
  readonly extensionOf?: ImplId;
  /**
   * The field whose literal is the key's second part: `<post_type>_type` (`message_type`,
   * `notice_type`), or the table's one other single-literal `*_type` row (`message_sent` events
   * carry `message_type`). Absent when the key stops at the post_type.
   */
  readonly detailField?: string;
  readonly source: SourceRef;
}

/** Support levels of the matrix symbols ✅ ☑️ ⚠️ ✨ ❌ -. */
export type SupportLevel = 'standard' | 'minor' | 'major' | 'extension' | 'missing' | 'not-applicable';

/** One row of a support matrix table (`| api | 名称 | gocq | NapCat | Lagrange | 备注 |`). */
export interface MatrixRow {
  readonly name: string;
  readonly title: string;
  readonly support: Readonly<Partial<Record<ImplId, SupportLevel>>>;
  readonly note: string;
  /** Where the row's name links, as written (`./bot.md#获取语音`): a reference definition or an inline link. */
  readonly link?: string;
  /** The action this row was matched to (`_get_model_show` for `get_model_show`), if any. */
  readonly action?: string;
  readonly source: SourceRef;
}
