import type { SourceRef } from './types.js';

/**
 * Every diagnostic the generator can report. The README lists them with what each means; a code
 * never changes meaning once published.
 */
export const DIAGNOSTIC_CODES = {
  'invalid-utf8': 'a page is not valid UTF-8 (the message gives the byte offset); the page is skipped',
  'unreadable-entry':
    'an entry under the docs folder cannot be read (permissions, a dangling link, larger than 32 MiB); it is skipped',
  'special-file': 'a `.md` entry is a FIFO, device or socket; it is skipped and never opened',
  'skipped-folder':
    'a folder is reached a second time through a symbolic link, or holds generated output (a manifest); it is not read',
  'unclosed-container': 'a `:::` container is not closed before the next container or heading',
  'unknown-container': 'a `:::` container kind other than details, code-group, tip, warning, danger, info, note',
  'invalid-example': 'an example is not valid JSON5/JSONC; it is kept out of the model',
  'table-cells': 'a table row has fewer or more cells than the header',
  'table-header': 'a table has no recognisable name or type column',
  'duplicate-action': 'two sections declare the same action name; the later one is dropped',
  'duplicate-field': 'a table lists the same field twice; the later row wins',
  'no-tables': 'an action documents neither params nor response with a table or a "none" note',
  'unknown-type': 'a type cell uses a word the type grammar does not know; typed as unknown',
  'unresolved-link': 'a type links to a sub-type or page the inputs do not define; typed as unknown',
  'misplaced-heading': 'a heading appears where the page layout does not expect it',
  'unexpected-construct': 'a table or other block appears where the action layout does not expect it; it is ignored',
  'ambiguous-table':
    "a second table follows a response table with a vague array field; it is read as that field's elements",
  'example-mismatch': 'a table and an example disagree on a field type; the table wins',
  'example-array':
    'a table types a field as one object (a link without `[]`) and every example has an array of objects there; typed as an array',
  'prose-only': 'a params or response part is described only in prose; typed from an example or as unknown',
  'no-action': 'a `##` section has neither an action bullet nor type tables',
  'unknown-implementation': 'a variant bullet names an implementation the generator does not know',
  'note-delta': 'an implementation note states a change that does not fit the table; it stays a note',
  'part-mismatch':
    'a sentence under one part heading speaks of the other part (`没有响应数据` under `### 参数`); it is read for the part it is under',
  'segment-type':
    'a message segment section names no `type` in a JSON or CQ-code example (it is skipped), or its examples name different types (the first JSON one wins)',
  'segment-field':
    'a segment table row has ✓ in neither 收 nor 发, or an example sets a `data` key the table does not list',
  'segment-id':
    'a segment gets a numbered id (`node~2`): an earlier segment of the same type has no field literal that tells them apart',
  'event-key':
    'an event table has no single post_type literal (the event is dropped) or no single detail-type literal (the key stops early)',
  'duplicate-event':
    'two event sections share a key and list the same fields (the later one is dropped) or the same field names with other types (both kept), or two sections list the common event fields (the later one is dropped)',
  'event-layout':
    'a heading, table or "`field` 字段…" paragraph in an event section does not fit the event layout; it is ignored',
  'matrix-symbol':
    'a support matrix cell is not one of ✅ ☑️ ⚠️ ✨ ❌ -; that implementation keeps the availability its tag and variants give',
  'matrix-column': 'a support matrix table has a column the generator does not know; it is ignored',
  'matrix-row-unmatched':
    'a support matrix row matches no action (by name, link anchor or `_`/`.`/`nc_` prefix); rows linking to one page that is not among the inputs share one warning',
  'matrix-action-missing': 'an action has no support matrix row; it keeps the availability its tag and variants give',
  'type-name':
    'two things of the docs would get one TypeScript name (`get_x` and `_get_x`, a sub-type defined on two pages), or a docs name is one the generated code declares itself; the later one gets the name the message gives',
  'unused-section':
    'a `##` section holds no action, sub-type table, event, segment or support matrix; nothing is generated from it',
  'unused-page': 'no section of a page holds anything the generator reads; the message names the sections',
  'internal-error': 'the generator itself failed on a section (a bug: please report it); that section is skipped',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/**
 * `error`: something the docs state is lost (exit 1); `warning`: an oddity of the docs worth fixing
 * (exit 1 under `--strict`); `info`: what the generator decided on correct docs, said so nothing is
 * lost silently (never fails a run).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly source: SourceRef;
  /** Other positions the message refers to (the example that disagrees with a table). */
  readonly related?: readonly SourceRef[];
}

/** `docs-src/api/bot.md:12:1` */
export function formatRef(ref: SourceRef): string {
  return `${ref.file}:${ref.line}:${ref.column}`;
}

/** Whether a run with these diagnostics fails: any error, or under `--strict` any warning (infos never do). */
export function failsRun(list: readonly Diagnostic[], strict: boolean): boolean {
  return list.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** How many diagnostics of each severity. */
export function countSeverities(list: readonly Diagnostic[]): Readonly<Record<Severity, number>> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const d of list) out[d.severity]++;
  return out;
}

/** `docs-src/api/bot.md:12:1 - warning unknown-type: …` */
export function formatDiagnostic(d: Diagnostic): string {
  const related = d.related?.length ? ` (see ${d.related.map(formatRef).join(', ')})` : '';
  return `${formatRef(d.source)} - ${d.severity} ${d.code}: ${d.message}${related}`;
}

/** Stable order: by file, line, column, then code. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareStrings(a.source.file, b.source.file) ||
      a.source.line - b.source.line ||
      a.source.column - b.source.column ||
      compareStrings(a.code, b.code),
  );
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
