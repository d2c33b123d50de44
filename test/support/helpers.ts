/**
 * Shared helpers for the construct tests: build Markdown snippets line by line and run them
 * through the real pipeline (`buildModel`), plus small constructors for expected model values.
 */
import { buildModel } from '../../generator/generate.js';
import { type Diagnostic, formatRef, sortDiagnostics } from '../../generator/model/diagnostics.js';
import type { Body, Field, Model, SourceRef, TypeRef } from '../../generator/model/types.js';

/** The file name every single-page snippet is built as. */
export const FIXTURE = 'fixture.md';

/** Lines → Markdown text; line N of the snippet is `lines[N - 1]`, so positions are easy to read off. */
export function md(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/**
 * Strip the common leading indentation of a template literal, and its first and last line when
 * they are blank, so `dedent\`\n  a\n  b\n\`` is `a\nb\n` and `a` is on line 1.
 */
export function dedent(strings: TemplateStringsArray | string, ...values: unknown[]): string {
  const raw = typeof strings === 'string' ? strings : strings.reduce((s, part, i) => s + String(values[i - 1]) + part);
  const lines = raw.split('\n');
  if (lines[0]?.trim() === '') lines.shift();
  if (lines.at(-1)?.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + '\n';
}

/** One Markdown page (as `fixture.md`) → model and diagnostics. */
export function buildOne(markdown: string): { model: Model; diagnostics: Diagnostic[] } {
  return buildModel([{ file: FIXTURE, text: markdown }]);
}

/** Several pages → model and diagnostics. */
export function buildPages(pages: readonly { file: string; text: string }[]): {
  model: Model;
  diagnostics: Diagnostic[];
} {
  return buildModel(pages);
}

/**
 * Diagnostics as compact strings in stable order, everything but the message:
 * `warning unknown-type @ fixture.md:12:1`, with `(see fixture.md:3:1)` for related positions.
 */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  return sortDiagnostics(diagnostics).map(
    (d) =>
      `${d.severity} ${d.code} @ ${formatRef(d.source)}` +
      (d.related?.length ? ` (see ${d.related.map(formatRef).join(', ')})` : ''),
  );
}

// ---- expected values -------------------------------------------------------------------------

/** A position in `fixture.md` (or another file). */
export const at = (line: number, column = 1, file = FIXTURE): SourceRef => ({ file, line, column });

export const str: TypeRef = { kind: 'string' };
export const num: TypeRef = { kind: 'number' };
export const bool: TypeRef = { kind: 'boolean' };
export const msg: TypeRef = { kind: 'message' };
export const numf = (format: 'int32' | 'int64' | 'float' | 'double'): TypeRef => ({ kind: 'number', format });
export const lit = (value: string | number | boolean): TypeRef => ({ kind: 'literal', value });
export const arr = (element: TypeRef): TypeRef => ({ kind: 'array', element });
export const union = (...members: TypeRef[]): TypeRef => ({ kind: 'union', members });
export const ref = (target: string): TypeRef => ({ kind: 'ref', target });
export const link = (href: string, text: string): TypeRef => ({ kind: 'link', href, text });
export const unknown = (reason: string): TypeRef => ({ kind: 'unknown', reason });
export const obj = (fields: Field[], open = false): TypeRef => ({ kind: 'object', fields, ...(open ? { open } : {}) });
/** The type the word `object` stands for. */
export const anyObject: TypeRef = { kind: 'object', fields: [], open: true };
/** The type the word `array` stands for. */
export const anyArray: TypeRef = arr(unknown('array without element type'));

/** A field from a table row at `line`. */
export function row(
  line: number,
  name: string,
  type: TypeRef,
  rawType: string,
  description: string,
  opts: { required?: boolean; default?: string; file?: string } = {},
): Field {
  return {
    name,
    type,
    required: opts.required ?? true,
    ...(opts.default !== undefined ? { default: opts.default } : {}),
    description,
    rawType,
    source: at(line, 1, opts.file),
  };
}

/** A field inferred from an example whose value starts at `line`:`column`. */
export function inferred(name: string, type: TypeRef, line: number, column = 1): Field {
  return { name, type, required: true, description: '', rawType: 'example', source: at(line, column) };
}

export const tableBody = (line: number, type: TypeRef, file?: string): Body => ({
  kind: 'type',
  type,
  origin: 'table',
  source: at(line, 1, file),
});
export const exampleBody = (line: number, type: TypeRef, column = 1): Body => ({
  kind: 'type',
  type,
  origin: 'example',
  source: at(line, column),
});
export const proseBody = (line: number, type: TypeRef): Body => ({
  kind: 'type',
  type,
  origin: 'prose',
  source: at(line),
});
export const noneBody = (line: number): Body => ({ kind: 'none', source: at(line) });
/** The response an action gets when the section documents none. */
export const undocumented = (line: number): Body => proseBody(line, unknown('not documented'));
