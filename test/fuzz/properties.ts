/**
 * What must hold for every generator run, whatever the page: checked on one case's docs and result,
 * each property returning the ways it failed (empty when it holds). The compile check is separate
 * (`typecheckCases`) because it runs in batches.
 */
import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import ts from 'typescript';
import type { GenerateResult } from '../../generator/generate.js';
import { SECTION_KINDS } from '../../generator/extract/section-kinds.js';
import type { RawSection } from '../../generator/extract/types.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import type { DocFile } from '../../generator/parse/read-docs.js';
import { typecheckTrees } from '../support/tsc-trees.js';
import { CANARY } from './mutate.js';

/** Every diagnostic points at a file of the input, a line inside it, a column ≥ 1. */
export function positionProblems(docs: readonly DocFile[], result: GenerateResult): string[] {
  // CR and CRLF end lines too (the CLI normalises them; generateFromDocs takes text as given).
  const lines = new Map(docs.map((d) => [d.file, d.text.split(/\r\n|\r|\n/).length]));
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    for (const ref of [d.source, ...(d.related ?? [])]) {
      const count = lines.get(ref.file);
      if (count === undefined || ref.line < 1 || ref.line > count || !(ref.column >= 1)) {
        problems.push(`${d.code} at ${ref.file}:${ref.line}:${ref.column} (file has ${count ?? 'no'} lines)`);
      }
    }
  }
  return problems;
}

/** The generator's own safety net caught an exception: a crash as far as the fuzzer is concerned. */
export function crashProblems(result: GenerateResult): string[] {
  return result.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message);
}

/**
 * Every action bullet (`` - `name` `` with no tag or an extension tag, at the top of a `##` section
 * before its params/response headings) becomes an action or is named in a diagnostic.
 */
export function bulletProblems(docs: readonly DocFile[], result: GenerateResult): string[] {
  const generated = new Set(result.model.actions.map((a) => a.name));
  const said = result.diagnostics.map((d) => d.message).join('\n');
  const problems: string[] = [];
  for (const doc of docs) {
    for (const name of actionBullets(parseMarkdown(doc.text))) {
      if (!generated.has(name) && !said.includes(name)) problems.push(`bullet \`${name}\` in ${doc.file} vanished`);
    }
  }
  return problems;
}

const IMPL_NAMES = /^(napcat|lagrange|lagrange\.onebot|gocq|go-cqhttp|go-cq|gocqhttp|onebot|onebot11|onebot v11)$/i;
const PART_HEADING = /^((请求)?参数|(响应|返回)(数据|值)?)$/;

/** Bullets of the sections the generator reads as actions (its own section kinds decide). */
function actionBullets(root: Root): string[] {
  const names: string[] = [];
  for (const section of sections(root)) {
    if (SECTION_KINDS.find((k) => k.matches(section))?.name !== 'action') continue;
    for (const node of section.nodes) {
      if (node.type === 'heading' && PART_HEADING.test(headingText(node).trim())) break;
      if (node.type !== 'list') continue;
      for (const item of (node as List).children) {
        const name = bulletName(item);
        if (name) names.push(name);
      }
    }
  }
  return names;
}

const headingText = (h: Heading) => h.children.map((c) => ('value' in c ? c.value : '')).join('');

function sections(root: Root): RawSection[] {
  const result: { heading: Heading; nodes: RootContent[] }[] = [];
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth === 2) result.push({ heading: node, nodes: [] });
    else result.at(-1)?.nodes.push(node);
  }
  const source = { file: '', line: 1, column: 1 };
  return result.map((s) => ({ ...s, title: headingText(s.heading), source, definitions: new Map() }));
}

function bulletName(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const [code, ...rest] = first.children;
  if (code?.type !== 'inlineCode') return undefined;
  const name = code.value.trim();
  if (!/^[.\w-]+$/.test(name) || IMPL_NAMES.test(name)) return undefined;
  // All of the paragraph after the name: a lazy continuation line makes it prose, not a bullet.
  const after = rest.map((c) => toString(c)).join('');
  return after.trim() === '' || /\(\s*[^)]*?\s*(拓展|扩展)\s*\)/.test(after) ? name : undefined;
}

/**
 * Nothing from the docs ends a comment, string or template early: the canary (which the mutations
 * only ever place after such a delimiter) never appears as an identifier token, every `.ts` file
 * parses without a syntax error, and every `.json` file parses.
 */
export function escapeProblems(result: GenerateResult): string[] {
  const problems: string[] = [];
  for (const [file, text] of result.files) {
    if (passed.has(text)) continue; // byte-identical to a file that already passed (the runtime copy, often more)
    const before = problems.length;
    if (file.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch (error) {
        problems.push(`${file}: not JSON (${(error as Error).message})`);
      }
    }
    if (!file.endsWith('.ts')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    const syntax = (source as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
    for (const d of syntax.slice(0, 3)) {
      const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
      problems.push(`${file}(${line + 1},${character + 1}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
    if (text.includes(CANARY) && canaryIsCode(text)) problems.push(`${file}: docs text became code (${CANARY})`);
    if (problems.length === before) remember(text);
  }
  return problems;
}

/** Texts that passed the escape check; bounded, since a fuzz run lasts minutes. */
const passed = new Set<string>();
function remember(text: string): void {
  if (passed.size > 20_000) passed.clear();
  passed.add(text);
}

/** True when the canary is an identifier token, outside every comment, string and template text. */
function canaryIsCode(text: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === CANARY) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS));
  return found;
}

/** Same input, same bytes: two results of one case agree file for file. */
export function determinismProblems(a: GenerateResult, b: GenerateResult): string[] {
  const problems: string[] = [];
  const files = new Set([...a.files.keys(), ...b.files.keys()]);
  for (const f of files) if (a.files.get(f) !== b.files.get(f)) problems.push(`${f} differs between two runs`);
  if (JSON.stringify(a.diagnostics) !== JSON.stringify(b.diagnostics)) problems.push('diagnostics differ');
  return problems;
}

/**
 * Type-checks many cases' outputs in ONE program: case i goes to `<dir>/c<i>/`, and a file whose
 * imports and text are those of a file another case has (the runtime, `common/`, most modules of a
 * small page) is checked once (typecheckTrees). Returns tsc's messages per case index.
 */
export async function typecheckCases(
  dir: string,
  cases: readonly { readonly index: number; readonly files: ReadonlyMap<string, string> }[],
): Promise<Map<number, string[]>> {
  const trees = cases.map(({ index, files }) => ({
    key: `c${index}`,
    // The compiled twins (dist/) are the compiler's own rendering of these sources, made file by
    // file at emit time (a twin that cannot be made fails the run there); checking them again
    // per case would multiply each program's size.
    files: new Map([...files].filter(([rel]) => rel.endsWith('.ts') && !rel.startsWith('dist/'))),
    // The runtime is copied as written into every output, and test/e2e/compile.test.ts checks it:
    // here it only lends its types to the generated modules that import it.
    isRoot: (rel: string) => !rel.startsWith('runtime/'),
    isChecked: (rel: string) => !rel.startsWith('runtime/'),
  }));
  const byTree = await typecheckTrees(dir, trees);
  return new Map([...byTree].map(([key, messages]) => [key.startsWith('c') ? Number(key.slice(1)) : -1, messages]));
}
