/**
 * Fuzz inputs: real-looking pages made from the project's own docs and fixtures (cut into `##`
 * sections) and mutated the ways real docs go wrong or get hostile. Pure: a case is a fast-check
 * value, so a failure reproduces from its seed and shrinks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { FIXTURES, ROOT } from '../support/paths.js';

/** An identifier that must never appear as code: docs text placed after a delimiter carries it. */
export const CANARY = 'zz_canary_q';

/** One seed page: the lines before the first `##`, and each `##` section's lines. */
interface Seed {
  readonly name: string;
  readonly preamble: readonly string[];
  readonly sections: readonly (readonly string[])[];
}

function seedFiles(): string[] {
  const found = [path.join(ROOT, 'docs-src/api/bot.md')];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !e.name.endsWith('.golden')) walk(full);
      else if (e.isFile() && e.name.endsWith('.md')) found.push(full);
    }
  };
  walk(FIXTURES);
  return found;
}

/** Split on `## ` lines (seeds are well-formed, so no fence holds one). */
function toSeed(file: string): Seed {
  const lines = readFileSync(file, 'utf8').split('\n');
  const preamble: string[] = [];
  const sections: string[][] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) sections.push([line]);
    else (sections.at(-1) ?? preamble).push(line);
  }
  return { name: path.relative(ROOT, file), preamble, sections };
}

export const SEEDS: readonly Seed[] = seedFiles().map(toSeed);

/** Names that stress identifier and string handling: reserved words, quotes, case collisions. */
const ALL_ODD_NAMES = [
  'delete',
  'class',
  'constructor',
  '__proto__',
  'toString',
  'default',
  'export',
  'await',
  'enum',
  'new',
  'get_x',
  'get-x',
  'getX',
  'GET_X',
  'get.x',
  '.get_x',
  '_get_x',
  'nc_get_x',
  '1st_thing',
  '9',
  'a b',
  "it's",
  'say "hi"',
  'a`b',
  'a\\b',
  'x$',
  '$',
  '_',
  '-',
  '.',
  'ü_name',
  '名字',
  'a\u200bb',
  'Get_X',
  'get__x',
];

/** Action names that differ only in case or separators, so their TypeScript names collide. */
export const COLLIDING = ['get-x', 'getX', 'GET_X', 'get.x', '.get_x', '_get_x', 'nc_get_x', 'Get_X', 'get__x'];

/**
 * FUZZ_NAME_COLLISIONS=off leaves the colliding names out (one `get_x` stays): it separates that
 * known class of non-compiling output from any other.
 */
export const ODD_NAMES =
  process.env.FUZZ_NAME_COLLISIONS === 'off' ? ALL_ODD_NAMES.filter((n) => !COLLIDING.includes(n)) : ALL_ODD_NAMES;

/** Text placed into cells, titles and prose; each would end a comment, string or template early. */
export const INJECTIONS = [
  `*/ ${CANARY} /*`,
  `*/${CANARY}`,
  `\${${CANARY}}`,
  `\` + ${CANARY} + \``,
  `' + ${CANARY} + '`,
  `" + ${CANARY} + "`,
  `\\' + ${CANARY} + \\'`,
  // A line separator ends a `//` comment; a delimiter follows, since a line of its own may be a table row.
  `\u2028*/ ${CANARY}`,
  `\u2029' + ${CANARY}`,
  // A line break starts a new Markdown line, where a bare word may rightly become a field name.
  `\n*/ ${CANARY}`,
  `\r*/ ${CANARY}`,
  `</script>${CANARY}`,
  `<!-- ${CANARY}`,
  `@see ${CANARY} */ ${CANARY}`,
];

const UNICODE = [
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u001b',
  '\t',
  '\u00a0',
  '\u3000',
  '\u0301',
  '😀',
  '👨‍👩‍👧',
  '𝕏',
  'ﬁ',
  'İ',
  'ß',
];

const FRAGMENTS = [
  '```',
  '```json',
  '````',
  ':::',
  '::: details 点击查看响应示例数据',
  '::: tip',
  '::: weird',
  '> [!note]',
  '---',
  '<!--',
  '-->',
  '|',
  '| --- |',
  '- `x_act`',
  '- `NapCat`',
  '### 参数',
  '### 响应数据',
  '## 新节',
  '#',
  '  - 嵌套',
  '[link]: ./other.md#x',
  '| `a` | [Sub](#sub) | 说明 |',
  '**Sub**',
];

export type Op =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'cutTable'; at: number; keep: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'splice'; at: number; pos: number; text: string }
  | { kind: 'longCell'; at: number; length: number }
  | { kind: 'rename'; at: number; name: string };

export interface FuzzCase {
  readonly seed: number;
  readonly from: number;
  readonly count: number;
  /** 'page': mutated sections; 'empty': an empty file; 'junk': random bytes read as Latin-1. */
  readonly shape: 'page' | 'empty' | 'junk';
  readonly ops: readonly Op[];
  readonly junk: string;
}

const at = fc.nat({ max: 10_000 });
const opArbitrary = (names: readonly string[]): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), at, with: at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('cutTable' as const), at, keep: fc.nat({ max: 200 }) }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fc.constantFrom(...FRAGMENTS) }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('splice' as const),
        at,
        pos: fc.nat({ max: 400 }),
        text: fc.oneof(
          fc.constantFrom(...INJECTIONS),
          fc.array(fc.constantFrom(...UNICODE), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
          fc.string({ unit: 'grapheme', maxLength: 6 }),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('longCell' as const), at, length: fc.constantFrom(300, 5000) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('rename' as const), at, name: fc.constantFrom(...names) }),
    },
  );

/** Cases whose rename ops draw from `names` (ODD_NAMES by default). */
export function caseArbitrary(names: readonly string[] = ODD_NAMES): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    from: fc.nat({ max: 200 }),
    count: fc.integer({ min: 1, max: 3 }),
    shape: fc.constantFrom<FuzzCase['shape']>(...(Array(38).fill('page') as 'page'[]), 'empty', 'junk'),
    ops: fc.array(opArbitrary(names), { maxLength: 8 }),
    junk: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
  });
}

export const caseArb: fc.Arbitrary<FuzzCase> = caseArbitrary();

/** The page text a case stands for. */
export function pageOf(c: FuzzCase): string {
  if (c.shape === 'empty') return '';
  if (c.shape === 'junk') return c.junk;
  const seed = SEEDS[c.seed]!;
  const first = seed.sections.length ? c.from % seed.sections.length : 0;
  const lines = [...seed.preamble, ...seed.sections.slice(first, first + c.count).flat()];
  for (const op of c.ops) apply(lines, op);
  return lines.join('\n');
}

function apply(lines: string[], op: Op): void {
  if (lines.length === 0) return void lines.push('');
  const i = op.at % lines.length;
  const line = lines[i]!;
  switch (op.kind) {
    case 'delete':
      return void lines.splice(i, 1);
    case 'duplicate':
      return void lines.splice(i, 0, line);
    case 'swap': {
      const j = op.with % lines.length;
      [lines[i], lines[j]] = [lines[j]!, line];
      return;
    }
    case 'cutTable': {
      const rows = lines.flatMap((l, k) => (l.startsWith('|') ? [k] : []));
      if (rows.length === 0) return;
      const k = rows[op.at % rows.length]!;
      lines[k] = lines[k]!.slice(0, op.keep % (lines[k]!.length + 1));
      return;
    }
    case 'insert':
      return void lines.splice(i, 0, ...op.text.split('\n'));
    case 'splice': {
      // Prefer the inside of a table cell or prose, where docs text ends up in JSDoc and strings.
      const pos = op.pos % (line.length + 1);
      lines[i] = line.slice(0, pos) + op.text + line.slice(pos);
      return;
    }
    case 'longCell': {
      const rows = lines.flatMap((l, k) => (/^\|.*\|.*\|/.test(l) ? [k] : []));
      const k = rows.length ? rows[op.at % rows.length]! : i;
      const cells = lines[k]!.split('|');
      const c = cells.length > 2 ? 1 + (op.at % (cells.length - 2)) : 0;
      cells[c] = ` ${'长'.repeat(op.length / 2)}${'x'.repeat(op.length / 2)} `;
      lines[k] = cells.join('|');
      return;
    }
    case 'rename': {
      // An action bullet's name, or a field name in a table's first column.
      const targets = lines.flatMap((l, k) => (/^- `[^`]+`/.test(l) || /^\| `[^`]+` \|/.test(l) ? [k] : []));
      if (targets.length === 0) return;
      const k = targets[op.at % targets.length]!;
      lines[k] = lines[k]!.replace(/`[^`]+`/, `\`${op.name}\``);
      return;
    }
  }
}
