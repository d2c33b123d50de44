/**
 * Cold runs: `npm run generate`'s command as a fresh process, against the floor (bare-parse.mjs, a
 * process that only loads unified + remark-parse + remark-gfm and parses the same Markdown). The
 * two alternate, so both see the same machine. Also the same command again on the same output
 * folder (docs unchanged: the cache beside the manifest spares formatting and compiling).
 */
import path from 'node:path';
import { generateCommand, nodeCommand, ratio, ROOT, run, type Sample, stats, tempDir } from './measure.js';
import type { Row, Section } from './report.js';

/** The generator compiles ts-morph and prettier from source, as on its first run after install. */
const NO_CODE_CACHE = { ONEBOT_CODEGEN_NO_CODE_CACHE: '1' };

export interface Docs {
  readonly name: string;
  readonly dir: string;
}

export async function coldSection(
  docs: readonly Docs[],
  runs: number,
): Promise<Section & { cold: Map<string, number> }> {
  const rows: Row[] = [];
  const raw: Record<string, Record<string, Sample[]>> = {};
  const cold = new Map<string, number>();
  for (const d of docs) {
    const bare: Sample[] = [];
    const fresh: Sample[] = [];
    const cached: Sample[] = [];
    const firstEver: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await run(nodeCommand(path.join(ROOT, 'bench/bare-parse.mjs'), [d.dir])));
      const out = path.join(await tempDir('cold'), 'out');
      fresh.push(await run(await generateCommand(['--docs', d.dir, '--out', out])));
      cached.push(await run(await generateCommand(['--docs', d.dir, '--out', out])));
      if (i < 3) {
        const other = path.join(await tempDir('cold'), 'out');
        firstEver.push(await run(await generateCommand(['--docs', d.dir, '--out', other]), ROOT, NO_CODE_CACHE));
      }
    }
    const floor = stats(bare.map((s) => s.wallMs));
    const first = stats(fresh.map((s) => s.wallMs));
    const again = stats(cached.map((s) => s.wallMs));
    const coldRatio = ratio(first, floor);
    cold.set(d.name, first.median);
    rows.push(
      { name: `${d.name}: bare parse process (floor)`, ...floor, unit: 'ms' },
      {
        name: `${d.name}: generate, cold (fresh output folder)`,
        ...first,
        unit: 'ms',
        ratio: { ...coldRatio, of: 'floor' },
        ...(d.name === 'shared docs' ? { target: { text: '≤ 1.5×', met: coldRatio.median <= 1.5 } } : {}),
      },
      {
        name: `${d.name}: generate again (cache beside the manifest)`,
        ...again,
        unit: 'ms',
        ratio: { ...ratio(again, floor), of: 'floor' },
      },
      {
        name: `${d.name}: generate, cold, without V8's code cache (as right after install)`,
        ...stats(firstEver.map((s) => s.wallMs)),
        unit: 'ms',
        ratio: { ...ratio(stats(firstEver.map((s) => s.wallMs)), floor), of: 'floor' },
      },
      {
        name: `${d.name}: CPU time of all threads, generate cold`,
        ...stats(fresh.map((s) => s.cpuMs)),
        unit: 'ms',
        ratio: { ...ratio(stats(fresh.map((s) => s.cpuMs)), stats(bare.map((s) => s.cpuMs))), of: 'floor' },
      },
      {
        name: `${d.name}: peak RSS, generate cold`,
        ...stats(fresh.map((s) => s.maxRssMb)),
        unit: 'MB',
        ratio: { ...ratio(stats(fresh.map((s) => s.maxRssMb)), stats(bare.map((s) => s.maxRssMb))), of: 'floor' },
      },
    );
    raw[d.name] = { bare, fresh, cached, firstEver };
  }
  return {
    title: `Cold generate vs the bare-parse floor (wall time of fresh processes, ${runs} runs each, interleaved)`,
    rows,
    raw: trim(raw),
    cold,
  };
}

/** Samples without their output text, for results.json. */
function trim(raw: Record<string, Record<string, Sample[]>>): unknown {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [
      k,
      Object.fromEntries(
        Object.entries(v).map(([n, s]) => [n, s.map(({ wallMs, cpuMs, maxRssMb }) => ({ wallMs, cpuMs, maxRssMb }))]),
      ),
    ]),
  );
}
