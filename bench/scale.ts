/**
 * Scaling: synthetic docs (synthetic.ts) with 1×, 10×, 50× the actions, spread ACROSS pages or
 * WITHIN one page each, each generated cold by `npm run generate`'s command. Per size: the
 * pipeline's time per action (from the CLI's summary line: everything after the process has
 * started and loaded its modules) and the process's peak RSS.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildModel } from '../generator/generate.js';
import { readDocs } from '../generator/parse/read-docs.js';
import { generateCommand, run, stats, summaryOf, tempDir } from './measure.js';
import type { Row, Section } from './report.js';
import { type ScaleMode, syntheticDocs } from './synthetic.js';

interface Point {
  readonly mode: ScaleMode;
  readonly factor: number;
  readonly actions: number;
  readonly docsMb: number;
  readonly usPerAction: number[];
  readonly wallMs: number[];
  readonly rssMb: number[];
}

export async function scaleSection(
  docsDir: string,
  factors: readonly number[],
  runsAt: (f: number) => number,
): Promise<Section> {
  const docs = await readDocs(docsDir);
  const byFile = new Map<string, string[]>();
  for (const a of buildModel(docs).model.actions)
    byFile.set(a.source.file, [...(byFile.get(a.source.file) ?? []), a.name]);
  const points: Point[] = [];
  for (const mode of ['across', 'within'] as const) {
    for (const factor of factors) {
      const pages = syntheticDocs(docs, byFile, factor, mode);
      const root = path.join(await tempDir(`scale-${mode}-${factor}`), path.basename(docsDir));
      for (const page of pages) {
        const file = path.join(root, page.file.split('/').slice(1).join('/'));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, page.text);
      }
      const point: Point = {
        mode,
        factor,
        actions: 0,
        docsMb: pages.reduce((n, p) => n + Buffer.byteLength(p.text), 0) / 2 ** 20,
        usPerAction: [],
        wallMs: [],
        rssMb: [],
      };
      for (let i = 0; i < runsAt(factor); i++) {
        const out = path.join(await tempDir('scale-out'), 'out');
        const sample = await run(await generateCommand(['--docs', root, '--out', out]));
        const { actions, ms } = summaryOf(sample.stdout);
        Object.assign(point, { actions });
        point.usPerAction.push((ms * 1000) / actions);
        point.wallMs.push(sample.wallMs);
        point.rssMb.push(sample.maxRssMb);
      }
      points.push(point);
    }
  }
  return {
    title: 'Scaling: N× the actions, across pages and within one page (fresh processes)',
    rows: rows(points),
    raw: points,
  };
}

function rows(points: readonly Point[]): Row[] {
  const out: Row[] = [];
  for (const p of points) {
    const base = points.find((b) => b.mode === p.mode && b.factor === 1) ?? p;
    const time = stats(p.usPerAction);
    const baseTime = stats(base.usPerAction);
    const rss = stats(p.rssMb);
    const baseRss = stats(base.rssMb);
    const label = `${p.mode} ${p.factor}× (${p.actions} actions, ${p.docsMb.toFixed(2)} MB docs)`;
    const last = p.factor === Math.max(...points.map((q) => q.factor));
    const timeRatio = { min: time.min / baseTime.min, median: time.median / baseTime.median };
    out.push({
      name: `${label}: pipeline time per action`,
      ...time,
      unit: 'µs/action',
      ratio: { ...timeRatio, of: '1×' },
      ...(last ? { target: { text: '≤ 1.15×', met: timeRatio.median <= 1.15 } } : {}),
    });
    const docsRatio = p.docsMb / base.docsMb;
    const rssRatio = { min: rss.min / baseRss.min, median: rss.median / baseRss.median };
    out.push({
      name: `${label}: peak RSS (docs ${docsRatio.toFixed(1)}× of 1×)`,
      ...rss,
      unit: 'MB',
      ratio: { ...rssRatio, of: '1×' },
      ...(p.factor > 1
        ? { target: { text: `≤ ${docsRatio.toFixed(1)}× (the docs' growth)`, met: rssRatio.median <= docsRatio } }
        : {}),
    });
    if (p.factor > 1) {
      const extra = (rss.median - baseRss.median) / (p.docsMb - base.docsMb);
      out.push({ name: `${label}: extra RSS per extra MB of docs`, min: extra, median: extra, unit: 'MB/MB' });
    }
  }
  return out;
}
