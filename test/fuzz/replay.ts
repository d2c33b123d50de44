/**
 * `node --import tsx test/fuzz/replay.ts LOG`: re-checks every failing case a fuzz log printed
 * (the `case N {json}:` lines), one by one, and prints what still fails.
 */
import { readFileSync } from 'node:fs';
import { generateFromDocs } from '../../generator/generate.js';
import { type FuzzCase, pageOf } from './mutate.js';
import { bulletProblems, crashProblems, escapeProblems, positionProblems } from './properties.js';

for (const line of readFileSync(process.argv[2]!, 'utf8').split('\n')) {
  const m = /case (\d+) (\{.*?\}): /s.exec(line); // s: a U+2028 in the case is not a line end
  if (!m) continue;
  const c = JSON.parse(m[2]!) as FuzzCase;
  const docs = [{ file: 'api/case.md', text: pageOf(c) }];
  const result = await generateFromDocs(docs);
  const problems = [
    ...crashProblems(result),
    ...positionProblems(docs, result),
    ...bulletProblems(docs, result),
    ...escapeProblems(result),
  ];
  console.log(`case ${m[1]}: ${problems.length ? problems.join('; ') : 'passes now'}`);
}
