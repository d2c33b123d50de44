/**
 * Sentences of an action section → the section draft. Every paragraph, tip, quote and bullet goes
 * through here one line at a time; the intent readers (`mdast/prose/intents.ts`) say what a line
 * means, and this file decides where it lands: which part (`### 参数` / `### 响应数据`, or the part a
 * sentence names), and which implementation (the bullet it is under, the ones it names, or the base).
 *
 *     (under ### 参数)  无                                   → params: none
 *     - `Lagrange` 会忽略 `keep_old` 参数                    → Lagrange's params lose keep_old
 *     ::: tip `NapCat` 的 `color` 参数没有作用 :::           → NapCat's params lose color
 *     - 以下参数仅 `NapCat` 可用  + table                     → the table is NapCat's
 *
 * A line with no intent is kept as prose: the description (or the note of the implementation in
 * context), and the part's prose for a `prose-only` body. Nothing is dropped.
 */
import type { PhrasingContent } from 'mdast';
import type { ImplId, SourceRef } from '../../model/types.js';
import { type Intent, readStatement } from '../mdast/prose/intents.js';
import { statementOf } from '../mdast/prose/statement.js';
import { type BuildState, warn } from '../state.js';
import { type ImplKey, type PartName, type SectionDraft, addNote, partFor } from './draft.js';

/** `prose`: a paragraph, tip or quote; `bullet`: a list item; `note`: text after `- \`NapCat\``. */
export type Where = 'prose' | 'bullet' | 'note';

export interface Place {
  readonly where: Where;
  /** The implementation of the bullet a `note` follows. */
  readonly owner?: ImplId;
  readonly source: SourceRef;
}

/** Each line of a block of phrasing content, applied; returns the lines that say nothing the generator reads. */
export function readLines(
  state: BuildState,
  draft: SectionDraft,
  children: readonly PhrasingContent[],
  at: Place,
): string[] {
  const leftover: string[] = [];
  for (const line of linesOf(children)) {
    const text = lineText(line);
    if (text && !readLine(state, draft, line, text, at)) leftover.push(text);
  }
  return leftover;
}

/** A paragraph, tip body or quote: its lines applied, the rest kept as prose (together). */
export function readBlock(state: BuildState, draft: SectionDraft, children: readonly PhrasingContent[], at: Place) {
  const leftover = readLines(state, draft, children, at);
  if (leftover.length > 0) keepProse(draft, leftover.join('\n'), at.source);
}

/** One line: apply what it says; false when it says nothing the generator reads. */
export function readLine(
  state: BuildState,
  draft: SectionDraft,
  line: readonly PhrasingContent[],
  text: string,
  at: Place,
): boolean {
  const reading = readStatement(statementOf(line));
  if (reading.intents.length === 0) return false;
  const variant = reading.intents.find((i) => i.kind === 'variant');
  if (variant && !at.owner && (at.where === 'bullet' || variant.pointer)) {
    draft.impl = variant.impl;
    forgetLabel(draft);
    draft.pendingType = undefined;
    if (at.where === 'bullet') addNote(draft, variant.impl, { text, source: at.source });
  }
  const owners: ImplKey[] = at.owner
    ? [at.owner]
    : reading.impls.length > 0
      ? [...reading.impls]
      : [draft.impl ?? 'base'];
  let used = variant !== undefined && (at.where === 'bullet' || variant.pointer);
  for (const intent of reading.intents) used = apply(state, draft, intent, owners, text, at) || used;
  return used;
}

function apply(
  state: BuildState,
  draft: SectionDraft,
  intent: Intent,
  owners: readonly ImplKey[],
  text: string,
  at: Place,
): boolean {
  const part = partOf(state, draft, intent, text, at);
  const parts = (keys: readonly ImplKey[] = owners) =>
    part ? keys.map((key) => partFor(draft, part, key, at.source)) : [];
  switch (intent.kind) {
    case 'nested':
      draft.pendingNested = { path: intent.path, each: intent.each, text, source: at.source };
      return true;
    case 'empty':
      for (const p of parts()) p.none = at.source;
      return part !== undefined;
    case 'array':
      for (const p of parts()) {
        p.arrayHint = true;
        p.said ??= at.source;
        if (intent.element) p.arrayOf = intent.element;
      }
      return part !== undefined;
    case 'scalar':
      for (const p of parts()) p.scalar = { type: intent.type, source: at.source };
      return part !== undefined;
    case 'example':
      for (const key of owners) {
        const target = intent.target ?? (key === 'base' ? undefined : key);
        for (const p of parts([key]))
          p.refersTo = { ...(target ? { target } : {}), examplesOnly: intent.examplesOnly, source: at.source };
      }
      return part !== undefined;
    case 'elsewhere':
      for (const p of parts()) p.elsewhere = { text, source: at.source };
      return false; // a pointer for the reader: kept as prose too
    case 'extend':
      for (const p of parts(owners.filter((k) => k !== 'base'))) p.extend = at.source;
      return owners.some((k) => k !== 'base');
    case 'delta':
      return part !== undefined && applyDelta(state, draft, intent, part, owners, text, at);
    case 'alternative':
      if (at.where !== 'bullet') return false;
      forgetLabel(draft);
      draft.pendingLabel = { text, source: at.source };
      return true;
    case 'variant':
      return false; // handled by the caller: it switches the implementation in context
  }
}

/**
 * The part a sentence is about: the one whose heading it is under; before any heading, the one it
 * names (`该 API 没有参数`). A sentence naming the other part is an oddity of the page, reported.
 */
function partOf(state: BuildState, draft: SectionDraft, intent: Intent, text: string, at: Place): PartName | undefined {
  const named = 'part' in intent ? intent.part : undefined;
  if (named && draft.part && named !== draft.part && draft.actions.length > 0)
    warn(
      state,
      'part-mismatch',
      at.source,
      `"${text}" speaks of the ${named} but stands under the ${draft.part} heading; it is read for the ${draft.part}`,
    );
  return draft.part ?? named;
}

/** A delta lands on the implementations the clause names, else those the sentence is about. */
function applyDelta(
  state: BuildState,
  draft: SectionDraft,
  intent: Extract<Intent, { kind: 'delta' }>,
  part: PartName,
  owners: readonly ImplKey[],
  text: string,
  at: Place,
): boolean {
  const keys: ImplKey[] = intent.impls.length > 0 ? [...intent.impls] : [...owners];
  const delta = {
    op: intent.op,
    field: intent.field,
    ...(intent.type ? { type: intent.type } : {}),
    text: text.replace(/^[:：]\s*/, ''),
    source: at.source,
  };
  if (keys.length === 1 && keys[0] === 'base') {
    // Whether a param is required, or its type, may be corrected for everyone; dropping or adding
    // one for everyone is not what a note under the table means.
    if (intent.op === 'remove' || intent.op === 'add') {
      warn(
        state,
        'note-delta',
        at.source,
        `"${delta.text}" changes \`${intent.field}\` but names no implementation; it stays a note and the table is kept`,
      );
      return false;
    }
  }
  for (const key of keys) {
    partFor(draft, part, key, at.source).deltas.push(delta);
    if (key !== 'base' && at.where !== 'note') addNote(draft, key, { text: delta.text, source: at.source });
  }
  return true;
}

/** Prose with no intent: the description, or the note of the implementation in context. */
export function keepProse(draft: SectionDraft, text: string, source: SourceRef): void {
  const key: ImplKey = draft.impl ?? 'base';
  if (draft.part) partFor(draft, draft.part, key, source).prose.push({ text, source });
  if (key === 'base') draft.description.push(text);
  else addNote(draft, key, { text, source });
}

/** A label no table took (something else came first): it is kept as prose. */
export function forgetLabel(draft: SectionDraft): void {
  const label = draft.pendingLabel;
  draft.pendingLabel = undefined;
  if (label) keepProse(draft, label.text, label.source);
}

/** Phrasing content split at line breaks (soft breaks inside a text node, and hard breaks). */
export function linesOf(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') lines.push([]);
    else if (child.type !== 'text' || !child.value.includes('\n')) lines.at(-1)!.push(child);
    else
      child.value.split('\n').forEach((piece, i) => {
        if (i > 0) lines.push([]);
        if (piece !== '') lines.at(-1)!.push({ type: 'text', value: piece });
      });
  }
  return lines.filter((l) => l.length > 0);
}

/**
 * The text a reader should see: inline code without backticks, links as `text (url)` so a JSDoc
 * keeps where they point, runs of spaces collapsed.
 */
export function lineText(nodes: readonly PhrasingContent[]): string {
  const render = (list: readonly PhrasingContent[]): string =>
    list
      .map((n) => {
        if (n.type === 'link') {
          const inner = render(n.children);
          return n.url && n.url !== inner && !n.url.startsWith('#') ? `${inner} (${n.url})` : inner;
        }
        if ('value' in n) return n.value;
        return 'children' in n ? render(n.children as PhrasingContent[]) : '';
      })
      .join('');
  return render(nodes).replace(/\s+/g, ' ').trim();
}
