/**
 * The exports for other languages, checked by the tools SDK authors use, for `docs-src` and for the
 * whole docs family (one generation per docs folder): `model.json` against its schema, every JSON
 * Schema in strict ajv, every OpenAPI document in an OpenAPI 3.1 validator, NapCat's AsyncAPI
 * document in @asyncapi/parser, every documented example against its schema (or a known doc inconsistency),
 * openapi-typescript reading the OpenAPI back to our types, and quicktype's Python classes decoding
 * the response examples in the machine's python3.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS from 'openapi-typescript';
import { FetchingJSONSchemaStore, InputData, JSONSchemaInput, quicktype } from 'quicktype-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { actionSchemas, schemaNames } from '../../generator/emit/schema/index.js';
import type { GenerateResult } from '../../generator/generate.js';
import { FORMAT_VERSION, IMPLEMENTATIONS, type ImplId } from '../../generator/model/types.js';
import { actionsOf, bodyFor } from '../../generator/model/views.js';
import { knownDocInconsistencies, knownPythonFailures } from '../support/doc-inconsistencies.js';
import {
  caseKey,
  componentSchemas,
  defKey,
  exampleCases,
  modelShape,
  type PythonRun,
  runPython,
  strictAjv,
  tsProperties,
  tsShape,
} from '../support/exports.js';
import { CORPUS, ROOT } from '../support/paths.js';
import { sharedGenerate } from '../support/shared-run.js';

// One parser for the file: its first parse compiles the AsyncAPI schemas.
const parser = new Parser({ ruleset: { recommended: false, rules: { 'asyncapi-document-resolved': 'off' } } as never });
const FOLDERS = [path.join(ROOT, 'docs-src'), CORPUS].filter((dir) => existsSync(dir));
/**
 * The third-party readers that cost seconds (the AsyncAPI parser, openapi-typescript, quicktype)
 * read the corpus's exports when it is there: its pages include docs-src's, so its documents hold
 * every construct docs-src's do. The project's own docs are read by them when the corpus is absent.
 */
const readBack = (dir: string) => dir === CORPUS || !FOLDERS.includes(CORPUS);
const json = (result: GenerateResult, file: string) => JSON.parse(result.files.get(file)!) as Record<string, unknown>;

describe.each(FOLDERS)('exports of %s', (dir) => {
  const folder = path.basename(dir);
  let result: GenerateResult;
  // Strict ajv: as a server compiles params (coerceTypes), and exact for the docs' examples. Schemas
  // equal across implementations compile once.
  const coercing = cachedCompiler(strictAjv({ coerceTypes: true }));
  const exact = cachedCompiler(strictAjv());
  beforeAll(async () => {
    result = await sharedGenerate(dir);
  });

  test('model.json has the format version and validates against schema/model.schema.json', () => {
    const model = json(result, 'model.json');
    expect(model).toMatchObject({ formatVersion: FORMAT_VERSION, $schema: './schema/model.schema.json' });
    const validate = strictAjv().compile(json(result, 'schema/model.schema.json'));
    expect(validate(model) ? [] : validate.errors).toEqual([]);
  });

  test('every JSON Schema compiles in strict ajv; per-action schemas also with coerceTypes', () => {
    for (const impl of IMPLEMENTATIONS) {
      expect(() => strictAjv().compile(json(result, `schema/${impl}.json`)), impl).not.toThrow();
      for (const [action, { params, data }] of Object.entries(actionSchemas(result.model, impl))) {
        expect(() => [coercing(params), coercing(data)], `${impl} ${action}`).not.toThrow();
      }
    }
  });

  test('every OpenAPI document passes the OpenAPI 3.1 validator', async () => {
    const validator = new Validator();
    for (const impl of IMPLEMENTATIONS) {
      const res = await validator.validate(json(result, `openapi/${impl}.json`));
      expect({ impl, valid: res.valid, errors: res.errors }).toEqual({ impl, valid: true, errors: undefined });
    }
  });

  // Every rule of the parser's core ruleset but `asyncapi-document-resolved`, which validates the
  // document again with every $ref inlined: the same schemas the unresolved check already validates
  // once, once more per place that uses them (≈ 1.5 s of CPU per document). The recommended rules
  // are style advice (such as "use AsyncAPI 3.1").
  test.runIf(readBack(dir))('NapCat’s AsyncAPI document parses without errors in @asyncapi/parser', async () => {
    // The documents of one folder differ only in which actions they hold, all built alike, and a
    // parse costs about a second per 150 kB: one stands for them, NapCat's, which holds the most
    // actions (the standard's and most extensions').
    const impl = 'napcat';
    const { document, diagnostics } = await parser.parse(result.files.get(`asyncapi/${impl}.json`)!);
    // Errors and warnings; an information such as "AsyncAPI 3.1 exists" is not a problem of the document.
    const problems = diagnostics
      .filter((d) => d.severity <= DiagnosticSeverity.Warning)
      .map((d) => `${d.code} ${d.message} at ${d.path.join('/')}`);
    expect({ impl, problems }).toEqual({ impl, problems: [] });
    const actions = actionsOf(result.model, impl).map((a) => a.name);
    expect(document?.operations().all().length, impl).toBe(actions.length + (result.model.events.length ? 2 : 0));
  });

  test('every documented example validates, or is a known doc inconsistency with its reason', () => {
    const failures = new Map<string, string>();
    const schemas = new Map(IMPLEMENTATIONS.map((impl) => [impl, actionSchemas(result.model, impl)]));
    for (const c of exampleCases(result.model)) {
      const { params, data } = schemas.get(c.impl)![c.action]!;
      const validate = exact(c.role === 'request' ? params : data);
      if (!validate(c.value)) failures.set(caseKey(c), JSON.stringify(validate.errors));
    }
    expect([...failures.keys()].sort()).toEqual([...knownDocInconsistencies(folder).keys()].sort());
  });

  test.runIf(readBack(dir))(
    'openapi-typescript reads each OpenAPI document back to our params and data types',
    async () => {
      const names = schemaNames(result.model);
      const disagreements: string[] = [];
      for (const impl of IMPLEMENTATIONS) {
        // As an SDK author would for params: a property with a default is still optional to send.
        const ast = await openapiTS(json(result, `openapi/${impl}.json`) as never, { defaultNonNullable: false });
        const schemas = componentSchemas(ast);
        for (const action of actionsOf(result.model, impl)) {
          for (const [part, def] of [
            ['params', names.params(action.name)],
            ['response', names.data(action.name)],
          ] as const) {
            const node = schemas.get(def);
            const body = bodyFor(action, impl, part);
            const where = `${impl} ${action.name} ${part}`;
            if (!node) disagreements.push(`${where}: no ${def}`);
            else disagreements.push(...compareBody(where, body, node));
          }
        }
      }
      expect(disagreements).toEqual([]);
    },
  );

  test.runIf(readBack(dir))(
    'quicktype Python classes compile and decode every documented response example',
    async () => {
      const cases = exampleCases(result.model).filter((c) => c.role === 'response');
      const known = knownDocInconsistencies(folder);
      const run: { modules: Record<string, string>; cases: PythonRun['cases'][number][] } = { modules: {}, cases: [] };
      const names = schemaNames(result.model);
      // A def whose schema (with every def it refers to) another implementation's bundle already has
      // is decoded with that module's class: quicktype would write the same converter again.
      const moduleOf = new Map<string, string>();
      for (const impl of IMPLEMENTATIONS) {
        const mine = cases.filter((c) => c.impl === impl && !known.has(caseKey(c)));
        const bundle = result.files.get(`schema/${impl}.json`)!;
        const { $defs } = JSON.parse(bundle) as { $defs: Record<string, unknown> };
        const keys = new Map(mine.map((c) => [names.data(c.action), defKey($defs, names.data(c.action))]));
        const defs = [...keys].filter(([, key]) => !moduleOf.has(key)).map(([def]) => def);
        for (const def of defs) moduleOf.set(keys.get(def)!, `types_${impl}`);
        if (defs.length > 0) run.modules[`types_${impl}`] = await pythonTypes(bundle, defs.sort());
        for (const c of mine) {
          const def = names.data(c.action);
          run.cases.push({ module: moduleOf.get(keys.get(def)!)!, def, value: c.value, key: caseKey(c) });
        }
      }
      expect(run.cases.length).toBeGreaterThan(0);
      const failed = runPython(run).map((line) => line.split(': ')[0]!);
      expect(failed.sort()).toEqual([...knownPythonFailures(folder).keys()].sort());
    },
  );
});

/** `ajv.compile`, once per distinct schema. */
function cachedCompiler(ajv: ReturnType<typeof strictAjv>) {
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return (schema: object) => {
    const key = JSON.stringify(schema);
    if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
    return compiled.get(key)!;
  };
}

/** What openapi-typescript wrote for a body against what the model says: names, `?`, shapes. */
function compareBody(where: string, body: ReturnType<typeof bodyFor>, node: import('typescript').TypeNode): string[] {
  if (body.kind === 'none') {
    const want = where.endsWith('params') ? 'object' : 'null';
    return tsShape(node) === want ? [] : [`${where}: ${tsShape(node)} instead of ${want}`];
  }
  const type = body.type;
  if (type.kind !== 'object') {
    return tsShape(node) === modelShape(type) ? [] : [`${where}: ${tsShape(node)} instead of ${modelShape(type)}`];
  }
  const got = tsProperties(node);
  const out: string[] = [];
  for (const f of type.fields) {
    const p = got.get(f.name);
    if (!p) out.push(`${where}.${f.name}: missing`);
    else if (p.optional === f.required) out.push(`${where}.${f.name}: optional is ${p.optional}`);
    else if (p.shape !== modelShape(f.type))
      out.push(`${where}.${f.name}: ${p.shape} instead of ${modelShape(f.type)}`);
  }
  for (const name of got.keys()) if (!type.fields.some((f) => f.name === name)) out.push(`${where}.${name}: extra`);
  return out;
}

/** quicktype: Python 3.7 dataclasses for the given defs of a bundle; def i becomes `top{i}_from_dict`. */
async function pythonTypes(bundle: string, defs: readonly string[]): Promise<string> {
  const input = new JSONSchemaInput(new FetchingJSONSchemaStore());
  for (const [i, def] of defs.entries())
    await input.addSource({ name: `Top${i}`, schema: bundle, uris: [`#/$defs/${def}`] });
  const inputData = new InputData();
  inputData.addInput(input);
  const out = await quicktype({ inputData, lang: 'python', rendererOptions: { 'python-version': '3.7' } });
  return out.lines.join('\n');
}

export type { ImplId };
