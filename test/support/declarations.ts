/**
 * Top-level declarations of a TypeScript file, listed with the TypeScript compiler API (a parse, no
 * type check): what a reader of a generated file sees declared or imported at its top level.
 */
import ts from 'typescript';

/**
 * Every top-level name a file binds (declares or imports), in order, with repeats (overload
 * signatures once). A re-export (`export { a } from './x.js'`) binds no local name and is left out:
 * re-exporting what a file also imports is fine.
 */
export function topLevelNames(file: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (statement.importClause?.name) names.push(statement.importClause.name.text);
      if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isFunctionDeclaration(statement)) {
      // An overload signature has no body; only the implementation counts.
      if (statement.name && statement.body) names.push(statement.name.text);
    } else if (
      (ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/**
 * Members of every top-level interface and object type, as `Interface.member` (nested object types
 * as `Interface.member.inner`): a member listed twice is the same fault one level down.
 */
export function memberNames(file: ts.SourceFile): string[] {
  const out: string[] = [];
  const walk = (owner: string, members: ts.NodeArray<ts.TypeElement>) => {
    for (const m of members) {
      if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
      out.push(`${owner}.${m.name.text}`);
      if (ts.isPropertySignature(m) && m.type)
        for (const literal of typeLiterals(m.type)) walk(`${owner}.${m.name.text}`, literal.members);
    }
  };
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) walk(statement.name.text, statement.members);
    else if (ts.isTypeAliasDeclaration(statement))
      for (const literal of typeLiterals(statement.type)) walk(statement.name.text, literal.members);
  }
  return out;
}

/** The object type literal a type is, or holds as its array element; unions are left out (their members are separate objects). */
function typeLiterals(type: ts.TypeNode): ts.TypeLiteralNode[] {
  if (ts.isTypeLiteralNode(type)) return [type];
  if (ts.isArrayTypeNode(type)) return typeLiterals(type.elementType);
  if (ts.isParenthesizedTypeNode(type)) return typeLiterals(type.type);
  return [];
}

/** `path: name` for each top-level name or interface member a `.ts` file binds twice (TypeScript would merge them). */
export function repeatedNames(files: ReadonlyMap<string, string>): string[] {
  return [...files].flatMap(([file, text]) => (file.endsWith('.ts') ? repeatedIn(parseModule(file, text)) : []));
}

/** repeatedNames for one parsed module. */
export function repeatedIn(file: ts.SourceFile): string[] {
  const names = [...topLevelNames(file), ...memberNames(file)];
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))].map((n) => `${file.fileName}: ${n}`);
}

/**
 * A module parsed for its declarations and imports. JSDoc stays comment text (no name depends on
 * it), which parses the doc-heavy generated files several times faster, as the compiler does for
 * TypeScript files.
 */
export function parseModule(fileName: string, text: string): ts.SourceFile {
  const target = { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  return ts.createSourceFile(fileName, text, target, false, ts.ScriptKind.TS);
}
