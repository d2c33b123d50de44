/**
 * Structures → TypeScript text with ts-morph's structure printer: no Project and no SourceFile, so
 * TypeScript never parses again what was just printed (createSourceFile prints, then parses).
 *
 * Each top-level statement is printed on its own, and the file is those prints joined the way
 * ts-morph's source-file printer joins them (a test holds the two identical), so nothing is printed
 * twice. With each statement comes whether a blank line precedes it in the file: prettier formats
 * top-level statements independently, so a file can be formatted statement by statement and only
 * the statements that changed formatted again.
 *
 *     [import …, interface A, interface B]  →  text: "import …;\n\nexport interface A {…}\n\nexport interface B {…}\n"
 *                                              statements: ["import …;", "export interface A {…}", …]
 *                                              blankBefore: [false, true, true]
 */
import type { StatementStructures } from 'ts-morph';
import { printStructure, StructureKind } from './morph.js';
import type { StructureKind as Kind } from 'ts-morph';

/** A TypeScript file as ts-morph prints it, before prettier. */
export interface PrintedFile {
  readonly path: string;
  /** The file's first lines (header.ts), kept out of the statements. */
  readonly header: string;
  /** The statements as one file, exactly as ts-morph prints a source file of them. */
  readonly text: string;
  /** Each statement alone; undefined when they could not be found one by one in `text`. */
  readonly statements?: readonly string[];
  /** Per statement: a blank line separates it from the one before. */
  readonly blankBefore?: readonly boolean[];
}

/** What a TypeScript target gives to print: a path, a header and statements in order. */
export interface PrintInput {
  readonly path: string;
  readonly header: string;
  readonly statements: readonly (string | StatementStructures)[];
}

/** Print one file, and each statement on its own (`statements` is set when each is found in the whole). */
export function printFile(file: PrintInput): PrintedFile {
  const own = file.statements.map((s) => (typeof s === 'string' ? s : printStructure(s)));
  const text = joinStatements(file.statements, own);
  const trimmed = own.map((s) => s.trim());
  const blankBefore = locate(text, trimmed);
  const printed = { path: file.path, header: file.header, text };
  return blankBefore ? { ...printed, statements: trimmed, blankBefore } : printed;
}

/** Kinds ts-morph always sets off with a blank line. */
const SET_OFF: ReadonlySet<Kind> = new Set([
  StructureKind.Function,
  StructureKind.Class,
  StructureKind.Interface,
  StructureKind.Module,
  StructureKind.Enum,
]);

/**
 * Printed statements joined as ts-morph's source-file printer joins them (StatementStructurePrinter
 * over a CodeBlockWriter): after a `}` or before a set-off kind, a blank line; otherwise a newline;
 * a newline at the end. The text written so far is only looked at through its last non-blank
 * character and its trailing whitespace, so joining stays linear in the file's length.
 */
export function joinStatements(
  structures: readonly (string | StatementStructures)[],
  printed: readonly string[],
): string {
  const parts: string[] = [];
  let length = 0;
  let lastChar = ''; // the last non-whitespace character written
  let trailing = ''; // the whitespace written after it
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
    const end = text.trimEnd();
    if (end === '') trailing += text;
    else [lastChar, trailing] = [end.at(-1)!, text.slice(end.length)];
  };
  const newLine = () => {
    if (!trailing.endsWith('\n')) write('\n');
  };
  const blankLine = () => {
    newLine();
    if (!/\n[ \t]*\n$/.test(trailing)) write('\n');
  };
  structures.forEach((structure, i) => {
    if (length > 0) {
      if (lastChar === '}') blankLine();
      else newLine();
      if (typeof structure !== 'string' && SET_OFF.has(structure.kind)) blankLine();
    }
    write(printed[i]!);
  });
  if (length > 0) newLine();
  return parts.join('');
}

/**
 * Find each statement in turn in the whole print, and whether a blank line separates it from the
 * previous one; undefined if any is not where expected (then only whole-file formatting is safe).
 */
function locate(text: string, statements: readonly string[]): boolean[] | undefined {
  const blank: boolean[] = [];
  let at = 0;
  for (const statement of statements) {
    const start = skipWhitespace(text, at);
    if (statement === '' || !text.startsWith(statement, start)) return undefined;
    blank.push(blank.length > 0 && (text.slice(at, start).match(/\n/g)?.length ?? 0) >= 2);
    at = start + statement.length;
  }
  return skipWhitespace(text, at) === text.length ? blank : undefined;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
