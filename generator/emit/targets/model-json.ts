/**
 * Target `model.json`: the model for SDK generators in other languages, versioned and described by
 * `schema/model.schema.json`. Beside what the docs say (pages, actions, segments, events, matrix) it
 * carries what a reader would otherwise re-derive: the implementations table, the protocol facts,
 * and per action one resolved view per implementation that has it (the fallback rule applied).
 *
 *     { "$schema": "./schema/model.schema.json", "formatVersion": 1, "generator": "onebot-codegen",
 *       "implementations": [{ "id": "napcat", "label": "NapCat", "standard": false }, …],
 *       "protocol": { "retcode": { "ok": 0, … }, "asyncSuffix": "_async", … },
 *       "actions": [{ "name": "get_cookies", …, "views": { "napcat": { "support": "standard",
 *                     "params": { … }, "data": { … }, "notes": [] } } }], … }
 */
import { IMPLEMENTATION_LABELS } from '../../model/implementations.js';
import type { Action, Body, ImplId, Model, Note, SupportLevel } from '../../model/types.js';
import { FORMAT_VERSION, IMPLEMENTATIONS } from '../../model/types.js';
import { bodyFor, notesFor, supportFor } from '../../model/views.js';
import {
  ACCESS_TOKEN_QUERY,
  ASYNC_SUFFIX,
  HEADER,
  HIDDEN_PREFIX,
  HTTP_STATUS,
  RATE_LIMITED_SUFFIX,
  RETCODE,
  RETCODE_HTTP_STATUS,
  WS_PATH,
} from '../../runtime/protocol.js';
import { requestEnvelope, responseEnvelope } from '../schema/envelope.js';
import type { RawFile } from './types.js';

export const GENERATOR_NAME = 'onebot-codegen';
/** Where `model.json` finds its schema, relative to itself. */
export const MODEL_SCHEMA_PATH = 'schema/model.schema.json';

/** What one implementation sees of an action. */
export interface ActionView {
  readonly support: SupportLevel;
  readonly params: Body;
  readonly data: Body;
  readonly notes: readonly Note[];
}

/** The implementations table: every id the model's records use, with its label. */
export function implementationsTable() {
  return IMPLEMENTATIONS.map((id) => ({ id, label: IMPLEMENTATION_LABELS[id], standard: id === 'onebot11' }));
}

/** The wire facts every SDK needs, from `runtime/protocol.ts`; the envelopes as JSON Schema. */
export function protocolFacts() {
  return {
    envelope: {
      request: requestEnvelope(undefined, { type: 'object', description: 'The action’s params.' }),
      response: responseEnvelope({ description: 'The action’s response data.' }),
    },
    retcode: RETCODE,
    httpStatus: HTTP_STATUS,
    retcodeHttpStatus: RETCODE_HTTP_STATUS,
    asyncSuffix: ASYNC_SUFFIX,
    rateLimitedSuffix: RATE_LIMITED_SUFFIX,
    hiddenPrefix: HIDDEN_PREFIX,
    header: HEADER,
    wsPath: WS_PATH,
    accessTokenQuery: ACCESS_TOKEN_QUERY,
  };
}

/** The view of every implementation that has the action, in `IMPLEMENTATIONS` order. */
export function actionViews(action: Action): Partial<Record<ImplId, ActionView>> {
  const views: Partial<Record<ImplId, ActionView>> = {};
  for (const impl of action.availability) {
    views[impl] = {
      support: supportFor(action, impl),
      params: bodyFor(action, impl, 'params'),
      data: bodyFor(action, impl, 'response'),
      notes: notesFor(action, impl),
    };
  }
  return views;
}

/** The JSON document; a pure function of the model. */
export function modelDocument(model: Model) {
  return {
    $schema: `./${MODEL_SCHEMA_PATH}`,
    formatVersion: FORMAT_VERSION,
    generator: GENERATOR_NAME,
    implementations: implementationsTable(),
    protocol: protocolFacts(),
    pages: model.pages,
    actions: model.actions.map((a) => ({ ...a, views: actionViews(a) })),
    segments: model.segments,
    eventCommon: model.eventCommon,
    events: model.events,
    matrix: model.matrix,
  };
}

export function modelJsonTarget(model: Model): RawFile {
  return { path: 'model.json', text: `${JSON.stringify(modelDocument(model), null, 2)}\n` };
}
