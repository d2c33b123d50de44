/**
 * Helpers of the export tests: a strict ajv, the docs' examples as (schema, value) cases, the shape
 * of a type as openapi-typescript writes it and as the model states it, and one Python process that
 * decodes examples with quicktype's generated classes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ts from 'typescript';
import type { Example, ImplId, Model, TypeRef } from '../../generator/model/types.js';
import { IMPLEMENTATIONS } from '../../generator/model/types.js';
import { actionsOf, examplesFor } from '../../generator/model/views.js';

/** Ajv for JSON Schema 2020-12 in strict mode, with the formats the exports use (int32, int64, …). */
export function strictAjv(options: { coerceTypes?: boolean } = {}): Ajv2020.default {
  const ajv = new Ajv2020.default({ strict: true, allErrors: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

/** One documented example, checked against what the implementation it belongs to declares. */
export interface ExampleCase {
  readonly impl: ImplId;
  readonly action: string;
  readonly role: Example['role'];
  readonly value: unknown;
  /** `docs-src/api/bot.md:794` */
  readonly at: string;
}

/** Every example of every action, once per implementation that shows it (`examplesFor`). */
export function exampleCases(model: Model): ExampleCase[] {
  return IMPLEMENTATIONS.flatMap((impl) =>
    actionsOf(model, impl).flatMap((a) =>
      (['request', 'response'] as const).flatMap((role) =>
        examplesFor(a, impl, role).map((e) => ({
          impl,
          action: a.name,
          role,
          value: e.value,
          at: `${e.source.file}:${e.source.line}`,
        })),
      ),
    ),
  );
}

/** `docs-src/api/bot.md:794 napcat get_rkey response` — how a case is named in failures and the allow-list. */
export const caseKey = (c: ExampleCase): string => `${c.at} ${c.impl} ${c.action} ${c.role}`;

/** A coarse shape both sides can state: the primitive, or array / object / ref / union / literal / unknown. */
export type Shape =
  'string' | 'number' | 'boolean' | 'null' | 'literal' | 'array' | 'object' | 'ref' | 'union' | 'unknown';

/** The shape of a model type, as openapi-typescript should write the JSON Schema we export for it. */
export function modelShape(type: TypeRef): Shape {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'literal':
    case 'array':
    case 'object':
      return type.kind;
    case 'ref':
    case 'events':
    case 'message':
      return 'ref';
    case 'union': {
      const unique = new Set(type.members.map((m) => JSON.stringify(m)));
      return unique.size === 1 ? modelShape(type.members[0]!) : 'union';
    }
    default:
      return 'unknown';
  }
}

/** The shape of a type node openapi-typescript wrote. */
export function tsShape(node: ts.TypeNode): Shape {
  if (ts.isParenthesizedTypeNode(node)) return tsShape(node.type);
  if (ts.isIntersectionTypeNode(node)) return 'object'; // an open object: `{ … } & { [key: string]: unknown }`
  if (ts.isLiteralTypeNode(node)) return node.literal.kind === ts.SyntaxKind.NullKeyword ? 'null' : 'literal';
  if (ts.isArrayTypeNode(node)) return 'array';
  if (ts.isTypeLiteralNode(node)) return 'object';
  if (ts.isIndexedAccessTypeNode(node)) return 'ref';
  if (ts.isUnionTypeNode(node)) return 'union';
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Record')
    return 'object';
  const keywords: Partial<Record<ts.SyntaxKind, Shape>> = {
    [ts.SyntaxKind.StringKeyword]: 'string',
    [ts.SyntaxKind.NumberKeyword]: 'number',
    [ts.SyntaxKind.BooleanKeyword]: 'boolean',
    [ts.SyntaxKind.UnknownKeyword]: 'unknown',
  };
  return keywords[node.kind] ?? 'unknown';
}

/** `components.schemas` of an openapi-typescript output: def name → its type node. */
export function componentSchemas(nodes: readonly ts.Node[]): Map<string, ts.TypeNode> {
  const components = nodes.find(
    (n): n is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(n) && n.name.text === 'components',
  );
  const schemas = components?.members.find((m) => propertyName(m) === 'schemas');
  const literal = schemas && ts.isPropertySignature(schemas) ? schemas.type : undefined;
  if (!literal || !ts.isTypeLiteralNode(literal)) throw new Error('openapi-typescript wrote no components.schemas');
  return new Map(
    literal.members.flatMap((m) => (ts.isPropertySignature(m) && m.type ? [[propertyName(m)!, m.type]] : [])),
  );
}

/** Property name → optional flag and shape, for the members of an object type node. */
export function tsProperties(node: ts.TypeNode): Map<string, { optional: boolean; shape: Shape }> {
  const inner = ts.isParenthesizedTypeNode(node) ? node.type : node;
  const parts: readonly ts.TypeNode[] = ts.isIntersectionTypeNode(inner) ? inner.types : [inner];
  const out = new Map<string, { optional: boolean; shape: Shape }>();
  for (const part of parts) {
    if (!ts.isTypeLiteralNode(part)) continue;
    for (const m of part.members) {
      if (ts.isPropertySignature(m) && m.type) {
        out.set(propertyName(m)!, { optional: m.questionToken !== undefined, shape: tsShape(m.type) });
      }
    }
  }
  return out;
}

function propertyName(m: ts.TypeElement): string | undefined {
  if (!m.name) return undefined;
  if (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) return m.name.text;
  return undefined;
}

/**
 * A def of a JSON Schema bundle's `$defs` and every def it refers to, transitively, as one string:
 * two bundles that give a def the same key describe the same values by it.
 */
export function defKey(defs: Readonly<Record<string, unknown>>, def: string): string {
  const reached = new Map<string, unknown>();
  const visit = (name: string): void => {
    if (reached.has(name)) return;
    reached.set(name, defs[name]);
    JSON.stringify(defs[name], (key, value: unknown) => {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) visit(value.slice(8));
      return value;
    });
  };
  visit(def);
  return JSON.stringify([def, [...reached].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

/** One Python module per implementation, and the examples to decode with the converter of def `def`. */
export interface PythonRun {
  readonly modules: Readonly<Record<string, string>>;
  readonly cases: readonly {
    readonly module: string;
    readonly def: string;
    readonly value: unknown;
    readonly key: string;
  }[];
}

const RUNNER = `
import importlib, json, py_compile, sys
sys.path.insert(0, sys.argv[1])
cases = json.load(open(sys.argv[2]))
for module in sorted({c['module'] for c in cases}):
    py_compile.compile(sys.argv[1] + '/' + module + '.py', doraise=True)
def converter(module, name):
    # quicktype names the converter after the def: GetCSRFTokenData -> get_csrf_token_data_from_dict
    wanted = (name + 'fromdict').lower()
    return next(getattr(module, f) for f in dir(module) if f.replace('_', '').lower() == wanted)
failures = []
for c in cases:
    try:
        converter(importlib.import_module(c['module']), c['def'])(c['value'])
    except Exception as e:
        failures.append(c['key'] + ': ' + (type(e).__name__ + ' ' + str(e)).strip())
print(json.dumps(failures))
`;

/** One `python3`: compiles every module (`py_compile`), then decodes every case; returns the failures. */
export function runPython(run: PythonRun): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'onebot-exports-py-'));
  try {
    for (const [name, text] of Object.entries(run.modules)) writeFileSync(path.join(dir, `${name}.py`), text);
    writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(run.cases));
    writeFileSync(path.join(dir, 'runner.py'), RUNNER);
    const out = execFileSync('python3', [path.join(dir, 'runner.py'), dir, path.join(dir, 'cases.json')]);
    return JSON.parse(out.toString()) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
