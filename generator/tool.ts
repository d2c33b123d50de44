/**
 * The tool's own package: where it is installed, its version, and the version ranges it declares.
 *
 * The same code runs from source (`generator/*.ts` under tsx or vitest) and compiled
 * (`dist/generator/*.js` inside `node_modules/onebot-codegen`), at different depths below the
 * package root, so the root is found by walking up to the `package.json` named `onebot-codegen`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOL_NAME = 'onebot-codegen';

/** The fields of the tool's `package.json` this module reads. */
export interface ToolPackage {
  /** Absolute path of the folder holding the tool's `package.json`. */
  readonly root: string;
  readonly version: string;
  /** Package name → declared range, from `dependencies` and `devDependencies` (dependencies win). */
  readonly ranges: ReadonlyMap<string, string>;
}

let cached: ToolPackage | undefined;

/** The tool's package; throws when no `package.json` named `onebot-codegen` is above this file (a broken install). */
export function toolPackage(): ToolPackage {
  if (cached) return cached;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      if (json.name === TOOL_NAME) return (cached = fromJson(dir, json));
    }
    if (path.dirname(dir) === dir)
      throw new Error(`cannot find its own package.json (${TOOL_NAME}) above ${import.meta.url}`);
  }
}

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function fromJson(root: string, json: PackageJson): ToolPackage {
  const ranges = new Map(Object.entries({ ...json.devDependencies, ...json.dependencies }));
  return { root, version: json.version ?? '0.0.0', ranges };
}
