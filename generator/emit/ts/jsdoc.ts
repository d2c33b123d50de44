/**
 * JSDoc text from the model.
 *
 *     QQ 号                                   (description)
 *     @default `false`
 *     @format int64
 *     @see docs-src/api/bot.md:31            (the Markdown source line)
 */
import type { Field, SourceRef } from '../../model/types.js';

export function sourceLine(ref: SourceRef): string {
  return `${ref.file}:${ref.line}`;
}

/** Lines joined for a ts-morph JSDoc structure; `*\/` in doc text cannot end the comment early. */
export function docText(lines: readonly (string | undefined | false)[]): string {
  return lines
    .filter((l): l is string => typeof l === 'string' && l.trim() !== '')
    .join('\n')
    .replaceAll('*/', '*\\/');
}

export function fieldDoc(field: Field): string {
  const format = field.type.kind === 'number' && field.type.format ? `@format ${field.type.format}` : undefined;
  return docText([
    field.description,
    field.default !== undefined && `@default ${field.default}`,
    format,
    `@see ${sourceLine(field.source)}`,
  ]);
}
