/**
 * The ts-morph values the emitters use, loaded with `require` (and V8's code cache,
 * require-cached.ts). An ESM `import` of the package makes Node scan its CommonJS source for
 * export names first (cjs-module-lexer), which costs about as much again as loading it;
 * type-only imports of `ts-morph` elsewhere are erased and cost nothing.
 */
import type * as TsMorph from 'ts-morph';
import { requireCached } from './require-cached.js';

const morph = requireCached('ts-morph', import.meta.url) as typeof TsMorph;

export const StructureKind: typeof TsMorph.StructureKind = morph.StructureKind;
export const printStructure: typeof TsMorph.printStructure = morph.printStructure;
export const VariableDeclarationKind: typeof TsMorph.VariableDeclarationKind = morph.VariableDeclarationKind;
