/**
 * `npm run bench [-- --quick] [-- --runs N] [-- --only cold,scale,watch,tsc,client,server]`: what users wait for, as fresh processes, every figure
 * a ratio to a reference measured side by side in the same run (ratios, not milliseconds, are what
 * compare across machines). Prints a table and writes bench/results.json: the sections it ran, beside
 * the last figures of those it did not.
 *
 *   1. cold `npm run generate` vs a bare unified + remark-parse + remark-gfm process (cold.ts)
 *   2. scaling to 10× and 50× the actions, across pages and within one page (scale.ts)
 *   3. watch mode: one changed page vs a cold run (watch.ts)
 *   4. tsc over the generated code and a consumer vs an empty program (tsc.ts)
 *   5. client and server figures, from bench/client-ws.ts (`benchClientWs()`) and bench/server.ts
 *      (`benchServer()`) when those files exist
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'prettier';
import { coldSection, type Docs } from './cold.js';
import { cleanup, generateCommand, ROOT, run } from './measure.js';
import { printSection, type Row, type Section } from './report.js';
import { scaleSection } from './scale.js';
import { tscSection } from './tsc.js';
import { watchSection } from './watch.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, runs: { type: 'string' }, only: { type: 'string' } },
  allowPositionals: false,
});
const quick = values.quick;
/** Sections to run (`--only tsc,server`); default all. */
/** The sections, in the order they run and are stored. */
const SECTION_NAMES = ['cold', 'scale', 'watch', 'tsc', 'client', 'server'];
const only = new Set(values.only?.split(',') ?? SECTION_NAMES);
const runs = Number(values.runs ?? (quick ? 3 : 4));
const SHARED = path.resolve(ROOT, '../shared/onebot-11-docs');
const docs: Docs[] = [
  { name: 'docs-src', dir: path.join(ROOT, 'docs-src') },
  ...(existsSync(SHARED) ? [{ name: 'shared docs', dir: SHARED }] : []),
];
const largest = docs.at(-1)!;

/** This run's sections by name (`--only`'s names), each with when and under what load it ran. */
const sections: Record<string, Section & { when: string; loadAverage: number[] }> = {};
const show = (name: string, s: Section) => {
  sections[name] = { when: new Date().toISOString(), loadAverage: os.loadavg(), ...s };
  process.stdout.write(`${printSection(s)}\n`);
};
const started = performance.now();
try {
  // Compiles dist/ if a source changed, and warms the file cache, before anything is timed.
  await run(await generateCommand(['--docs', docs[0]!.dir, '--out', path.join(os.tmpdir(), 'onebot-bench-warm')]));
  const cold = only.has('cold') || only.has('watch') ? await coldSection(docs, runs) : undefined;
  if (cold && only.has('cold')) show('cold', cold);
  if (only.has('scale'))
    show('scale', await scaleSection(largest.dir, quick ? [1, 10] : [1, 10, 50], (f) => (f === 1 && !quick ? 2 : 1)));
  if (cold && only.has('watch'))
    show('watch', await watchSection(largest.dir, cold.cold.get(largest.name)!, quick ? 4 : 8));
  if (only.has('tsc')) show('tsc', await tscSection(largest.dir, largest.name, quick ? 2 : 3));
  for (const [file, name, key] of [
    ['client-ws.ts', 'benchClientWs', 'client'],
    ['server.ts', 'benchServer', 'server'],
  ] as const) {
    if (!only.has(key) || !existsSync(path.join(import.meta.dirname, file))) continue;
    const mod = (await import(`./${file.replace(/\.ts$/, '.js')}`)) as Record<string, () => Promise<unknown>>;
    const result = await mod[name]?.();
    show(key, throughputSection(key, result));
  }
} finally {
  await cleanup();
}

// Sections this run did not measure (`--only`) keep their figures from the run that did.
const file = path.join(import.meta.dirname, 'results.json');
const earlier = await readFile(file, 'utf8')
  .then((text) => (JSON.parse(text) as { sections?: unknown }).sections)
  .catch(() => undefined);
const kept = earlier && typeof earlier === 'object' && !Array.isArray(earlier) ? earlier : {};
const merged: Record<string, unknown> = { ...kept, ...sections };
const results = {
  node: process.version,
  cpus: os.cpus().length,
  quick,
  runs,
  seconds: Math.round((performance.now() - started) / 1000),
  sections: Object.fromEntries(SECTION_NAMES.filter((n) => n in merged).map((n) => [n, merged[n]])),
};
// Formatted as `prettier --check bench` expects it.
const json = await format(JSON.stringify(results), { parser: 'json', printWidth: 120 });
await writeFile(file, json);
process.stdout.write(
  `\n${results.seconds} s; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${results.cpus} cores; bench/results.json written\n`,
);

/** The client's calls/s or the server's requests/s, each as a ratio to the bare `ws` / `node:http` code. */
function throughputSection(key: 'client' | 'server', result: unknown): Section {
  type Figure = { name: string; callsPerSecond?: number; requestsPerSecond?: number; ratio: number };
  const figures = Array.isArray(result) ? (result as Figure[]) : [];
  const reference = key === 'client' ? 'bare ws loop' : 'minimal server';
  const rows: Row[] = figures.map((f) => {
    const rate = f.callsPerSecond ?? f.requestsPerSecond ?? NaN;
    return {
      name: `${key === 'client' ? 'client calls' : 'server requests'}, ${f.name}`,
      min: rate,
      median: rate,
      unit: '/s',
      ratio: { min: f.ratio, median: f.ratio, of: reference },
      target: { text: '≥ 0.8×', met: f.ratio >= 0.8 },
    };
  });
  const title =
    key === 'client'
      ? 'Client over forward WebSocket vs a bare ws request/echo loop (throughput)'
      : 'Server runtime vs a minimal node:http / ws server answering the same bytes (throughput)';
  return { title, rows, raw: result };
}
