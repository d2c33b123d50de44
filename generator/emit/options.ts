/**
 * What users choose when emitting: implementations, artefact groups, the generated package's name.
 * Kept apart from the emitters so reading options (config.ts) does not load them.
 *
 * Artefact groups are chosen by `artefacts` in the config file, `--artefacts` or
 * `generate(dir, { artefacts })`; emit/index.ts maps every name here to its targets (TARGET_GROUPS
 * must have exactly these keys, or it does not compile). The summaries are `--help`'s.
 */
import type { ImplId } from '../model/types.js';

export const ARTEFACT_SUMMARIES = {
  client: '<impl>/client.ts: a typed client, one method per action (selects types too)',
  exports: 'model.json, compatibility.md/.json, schema/, openapi/, asyncapi/: for tools and SDKs in other languages',
  server: '<impl>/server.ts and params-schemas.ts: typed handlers and a server (selects types too)',
  types: '<impl>/types.ts, common/message.ts, common/events.ts and the runtime they import',
} as const;

/** Name of an artefact group. */
export type ArtefactGroup = keyof typeof ARTEFACT_SUMMARIES;

/** Every artefact group, sorted. */
export const ARTEFACT_GROUPS: readonly ArtefactGroup[] = (Object.keys(ARTEFACT_SUMMARIES) as ArtefactGroup[]).sort();

/** What to emit. Every field is optional; the defaults give everything. */
export interface EmitOptions {
  /** Implementations that get their own modules (`napcat/…`); default all of IMPLEMENTATIONS. */
  readonly implementations?: readonly ImplId[];
  /** Artefact groups to emit; default all of ARTEFACT_GROUPS. */
  readonly artefacts?: readonly ArtefactGroup[];
  /** `name` of the generated `package.json`; default DEFAULT_PACKAGE.name. */
  readonly packageName?: string;
  /** `version` of the generated `package.json`; default DEFAULT_PACKAGE.version. */
  readonly packageVersion?: string;
  /**
   * false: TypeScript sources only, for output kept inside a project's own source tree (no
   * `package.json`, no compiled `dist/`). Default true: the output is a package.
   */
  readonly package?: boolean;
}

/** The generated `package.json`'s name and version unless the options say otherwise. */
export const DEFAULT_PACKAGE = { name: '@onebot-codegen/generated', version: '0.0.0' } as const;
