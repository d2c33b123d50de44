/**
 * Watch mode: `npm run generate -- --watch` on a copy of the docs; one page is edited several
 * times, and each time the wall time from the write to the run's summary line is taken (debounce
 * included: that is what a user waits for), against a cold run of the same docs.
 */
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCommand, ROOT, stats, summaryOf, tempDir } from './measure.js';
import type { Row, Section } from './report.js';

export async function watchSection(docsDir: string, coldMs: number, edits: number): Promise<Section> {
  const root = path.join(await tempDir('watch'), path.basename(docsDir));
  await cp(docsDir, root, { recursive: true });
  const page = await largestPage(root);
  const original = await readFile(page, 'utf8');
  const out = path.join(path.dirname(root), 'out');
  // `exec`: the shell becomes the generator, so Ctrl-C (SIGINT) reaches it as it would in a terminal.
  const child = spawn(`exec ${await generateCommand(['--docs', root, '--out', out, '--watch'])}`, {
    cwd: ROOT,
    shell: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of waiters.splice(0)) (w.test(stdout) ? w.resolve : () => waiters.push(w))();
  });
  child.stderr.resume();
  const until = (test: (s: string) => boolean) =>
    new Promise<void>((resolve) => (test(stdout) ? resolve() : waiters.push({ test, resolve })));
  const wallMs: number[] = [];
  const runMs: number[] = [];
  try {
    // The notice comes before the first run; its summary line ends it.
    await until((s) => s.includes('watching ') && /\d+ actions, .* ms \(/.test(s));
    for (let k = 1; k <= edits; k++) {
      const before = stdout.length;
      const started = performance.now();
      // A new first paragraph in the page's first section: that action's description changes.
      await writeFile(page, original.replace(/^(## .*\n)/m, `$1\n第 ${k} 次修改。\n`));
      await until((s) => /changed\n.*\d+ actions, .* ms \(/.test(s.slice(before)));
      wallMs.push(performance.now() - started);
      runMs.push(summaryOf(stdout.slice(before)).ms);
    }
  } finally {
    child.kill('SIGINT');
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wall = stats(wallMs);
  const rows: Row[] = [
    {
      name: `one changed page (${path.relative(root, page)}), write → summary line`,
      ...wall,
      unit: 'ms',
      ratio: { min: wall.min / coldMs, median: wall.median / coldMs, of: 'cold run' },
      target: { text: '≤ 0.15×', met: wall.median / coldMs <= 0.15 },
    },
    { name: "the run's own time (summary line)", ...stats(runMs), unit: 'ms' },
  ];
  return {
    title: `Watch mode: ${edits} edits of one page vs a cold run (median ${coldMs.toFixed(0)} ms)`,
    rows,
    notes: [`Ctrl-C (SIGINT) ended the watcher with exit code ${code}.`],
    raw: { wallMs, runMs, exitCode: code },
  };
}

/** The page with the most text: the worst case for one edit. */
async function largestPage(root: string): Promise<string> {
  let best = { file: '', size: -1 };
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.md')) continue;
    const file = path.join(e.parentPath, e.name);
    const size = (await readFile(file)).length;
    if (size > best.size && /^## /m.test(await readFile(file, 'utf8'))) best = { file, size };
  }
  return best.file;
}
