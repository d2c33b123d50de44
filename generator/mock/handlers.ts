/**
 * Mock handlers: every action of an implementation answers as the docs show it. The response is that
 * implementation's documented example when there is one, the standard's example when the
 * implementation documents no response of its own, and otherwise a value built from the response
 * type (`values.ts`).
 */
import type { Action, Example, ImplId, Model } from '../model/types.js';
import { actionsOf } from '../model/views.js';
import { namedTypes, valueOf } from './values.js';

/** Where a mock answer comes from, for the log and for tests. */
export interface MockAnswer {
  readonly data: unknown;
  /** `example` (with its `file:line`) or `type` (built from the response type). */
  readonly from: string;
}

/** The example an implementation's response shows, if the docs give one. */
function responseExample(action: Action, impl: ImplId): Example | undefined {
  const responses = action.examples.filter((e) => e.role === 'response');
  const own = responses.find((e) => e.impl === impl);
  if (own) return own;
  const hasOwnBody = impl !== 'onebot11' && action.variants[impl]?.response !== undefined;
  return hasOwnBody ? undefined : responses.find((e) => e.impl === undefined);
}

/** The mock answer of every action `impl` has, by action name. */
export function mockAnswers(model: Model, impl: ImplId): ReadonlyMap<string, MockAnswer> {
  const named = namedTypes(model);
  const answers = new Map<string, MockAnswer>();
  for (const action of actionsOf(model, impl)) {
    const example = responseExample(action, impl);
    if (example) {
      answers.set(action.name, { data: example.value, from: `example ${example.source.file}:${example.source.line}` });
      continue;
    }
    const body = impl === 'onebot11' ? action.response : (action.variants[impl]?.response ?? action.response);
    answers.set(action.name, { data: body.kind === 'none' ? null : valueOf(body.type, named), from: 'type' });
  }
  return answers;
}

/**
 * Params for an action (for tests and examples): a value of the params type with every field, overlaid
 * with the request example's values, since examples sometimes leave out a field the table requires.
 */
export function sampleParams(model: Model, action: Action, impl: ImplId): unknown {
  const body = impl === 'onebot11' ? action.params : (action.variants[impl]?.params ?? action.params);
  const built = body.kind === 'none' ? undefined : valueOf(body.type, namedTypes(model));
  const request = action.examples.find((e) => e.role === 'request' && (e.impl === impl || e.impl === undefined));
  return isObject(built) && isObject(request?.value) ? { ...built, ...request.value } : built;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
