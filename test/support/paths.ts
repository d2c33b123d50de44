/** Folders the tests read: the project root, its fixtures, and the shared docs corpus beside the project. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
/** The whole OneBot 11 docs family, kept outside the project (test data, never copied in). */
export const CORPUS = path.resolve(ROOT, '../shared/onebot-11-docs');

/**
 * The file on disk behind a model path: model paths start with the docs folder's own name
 * (`onebot-11-docs/api/bot.md`), so they resolve against the folder that holds `docsRoot`.
 */
export function onDisk(modelPath: string, docsRoot: string = CORPUS): string {
  return path.join(path.dirname(docsRoot), modelPath);
}

/** Small docs folders with a probe each (`docs/`, `probe.ts`, `expected.md`), kept beside the project. */
export const CASES = path.resolve(ROOT, '../shared/cases');
