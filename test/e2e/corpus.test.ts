/**
 * The whole docs family under ../shared/onebot-11-docs, when that folder exists: every action bullet
 * becomes exactly one action, nothing throws, and no errors. That the output compiles:
 * test/e2e/compile.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { GenerateResult } from '../../generator/generate.js';
import { CORPUS, onDisk } from '../support/paths.js';
import { describeCorpus } from '../support/corpus.js';
import { sharedGenerate } from '../support/shared-run.js';

const corpus = CORPUS;

/** Action bullets found line by line, independently of the generator: `- \`name\`` or `- \`name\` (…拓展)`. */
function bulletsIn(file: string): string[] {
  const names: string[] = [];
  let inSection = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^## /.test(line)) inSection = true;
    const m = /^- `([^`]+)`\s*(\([^)]*拓展\))?\s*$/.exec(line);
    if (inSection && m && !/^(NapCat|Lagrange|gocq|go-cqhttp)$/i.test(m[1]!)) names.push(m[1]!);
  }
  return names;
}

describeCorpus('corpus: ../shared/onebot-11-docs', () => {
  let result: GenerateResult;
  beforeAll(async () => {
    result = await sharedGenerate(corpus);
  });

  test('every action bullet in api/*.md becomes exactly one action', () => {
    const api = path.join(corpus, 'api');
    const bullets = readdirSync(api)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => bulletsIn(path.join(api, f)));
    expect(bullets.length).toBeGreaterThanOrEqual(58);
    expect(result.model.actions.map((a) => a.name).sort()).toEqual([...bullets].sort());
  });

  test('no errors, and every warning points at a line of a docs page', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const d of result.diagnostics) {
      const lines = readFileSync(onDisk(d.source.file), 'utf8').split('\n');
      expect(d.source.line, `${d.code} ${d.message}`).toBeLessThanOrEqual(lines.length);
    }
  });
});
