/**
 * Params validation and coercion against the per-action JSON Schema 2020-12 the generator emits.
 *
 * The docs let callers send every param as a string (query, form, or a string in JSON) and ask the
 * implementation to parse the documented type out of it, so ajv runs with `coerceTypes`: `"123"`
 * becomes 123 where the schema wants a number, `"true"` becomes true where it wants a boolean. A
 * string where the schema wants only an object or array is parsed as JSON first, and `1`/`0` where it
 * wants only a boolean become true/false. Coercion mutates the params object, which is always one the
 * runtime parsed itself.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/** Compiles each action's schema on first use and keeps it; actions without a schema are not checked. */
export class ParamsValidator {
  readonly #schemas: Readonly<Record<string, object>>;
  readonly #shared: readonly object[];
  readonly #compiled = new Map<string, ValidateFunction>();
  /** Schemas that failed to compile, with the error: rethrown on every call rather than recompiled. */
  readonly #broken = new Map<string, unknown>();
  #ajv: Ajv2020 | undefined;

  /**
   * `schemas`: params schema by action. `shared`: schemas with an `$id` that params schemas `$ref`
   * (a common message or segment schema, say), registered before the first compile.
   */
  constructor(schemas: Readonly<Record<string, object>> | undefined, shared: readonly object[] = []) {
    this.#schemas = schemas ?? {};
    this.#shared = shared;
  }

  /**
   * Checks (and coerces in place) `params` of `action`. Returns undefined when valid or when the
   * action has no schema, else a message naming the first bad field: `params.user_id: must be integer`.
   * Throws when the schema itself does not compile (a generator or configuration bug).
   */
  check(action: string, params: Record<string, unknown>): string | undefined {
    const validate = this.#compiled.get(action) ?? this.#compile(action);
    if (validate === undefined) return undefined;
    prepareStrings(params, this.#schemas[action]);
    if (validate(params)) return undefined;
    // The last error: for anyOf/oneOf it names the field as a whole rather than the first branch tried.
    const error = validate.errors?.at(-1);
    return error === undefined ? 'params: invalid' : describeError(error);
  }

  #compile(action: string): ValidateFunction | undefined {
    if (!Object.hasOwn(this.#schemas, action)) return undefined;
    const schema = this.#schemas[action];
    if (schema === undefined) return undefined;
    if (this.#broken.has(action)) throw this.#broken.get(action);
    try {
      const validate = this.#instance().compile(schema);
      this.#compiled.set(action, validate);
      return validate;
    } catch (error) {
      this.#broken.set(action, error);
      throw error;
    }
  }

  #instance(): Ajv2020 {
    if (this.#ajv !== undefined) return this.#ajv;
    // strict off: generated schemas carry descriptions and `x-` annotations ajv's strict mode rejects.
    // validateSchema off: checking against the 2020-12 meta-schema costs ~100 ms on the first call,
    // and the schemas come from the generator, not from callers.
    const ajv = new Ajv2020({
      coerceTypes: true,
      strict: false,
      validateFormats: false,
      validateSchema: false,
      allErrors: false,
    });
    for (const schema of this.#shared) ajv.addSchema(schema);
    this.#ajv = ajv;
    return ajv;
  }
}

/** `{ instancePath: '/message/0/type', message: 'must be string' }` → `params.message[0].type: must be string`. */
export function describeError(error: ErrorObject): string {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `params${path}.${String(params['missingProperty'])}: is required`;
  if (error.keyword === 'additionalProperties') {
    return `params${path}.${String(params['additionalProperty'])}: is not allowed`;
  }
  return `params${path}: ${error.message ?? 'is invalid'}`;
}

function pathOf(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : `.${key}`))
    .join('');
}

/**
 * Strings ajv's coercion does not cover, for top-level params: JSON text where the schema allows only
 * objects/arrays (`?message=[{"type":"text",…}]`), and `1`/`0` where it allows only booleans
 * (`?no_cache=1`). Anything that does not fit is left for ajv to report with the field's name.
 */
function prepareStrings(params: Record<string, unknown>, schema: object | undefined): void {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  if (typeof properties !== 'object' || properties === null) return;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const types = typesOf((properties as Record<string, unknown>)[key]);
    if (types.length === 1 && types[0] === 'boolean' && (value === '1' || value === '0')) params[key] = value === '1';
    else if (!types.includes('string') && types.some((t) => t === 'object' || t === 'array')) {
      params[key] = parseJson(value) ?? value;
    }
  }
}

function typesOf(property: unknown): unknown[] {
  const type = (property as { type?: unknown } | undefined)?.type;
  return Array.isArray(type) ? type : [type];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
