/**
 * Watch mode: `npm run generate -- --watch` on a copy of the docs; one page is edited several
 * times, and each time the wall time from the write to the run's summary line is taken (debounce
 * included: that is what a user waits for), against a cold run of the same docs. The edits take
 * turns: a new paragraph in the page's first section (its lines, and those of every section
 * below, move), then other words in that paragraph.
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
  const samples = {
    paragraph: { wallMs: [] as number[], runMs: [] as number[] },
    words: { wallMs: [] as number[], runMs: [] as number[] },
  };
  try {
    // The notice comes before the first run; its summary line ends it.
    await until((s) => s.includes('watching ') && /\d+ actions, .* ms \(/.test(s));
    let text = original;
    for (let k = 1; k <= edits; k++) {
      const kind = k % 2 === 1 ? 'paragraph' : 'words';
      // The first section's description gains a paragraph, or that paragraph's words change.
      text =
        kind === 'paragraph'
          ? text.replace(/^(## .*\n)/m, `$1\n第 ${k} 次新增的段落。\n`)
          : text.replace(`第 ${k - 1} 次新增的段落。`, `第 ${k - 1} 次新增的段落，又改了几个字。`);
      const before = stdout.length;
      const started = performance.now();
      await writeFile(page, text);
      await until((s) => /changed\n.*\d+ actions, .* ms \(/.test(s.slice(before)));
      samples[kind].wallMs.push(performance.now() - started);
      samples[kind].runMs.push(summaryOf(stdout.slice(before)).ms);
    }
  } finally {
    child.kill('SIGINT');
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const where = path.relative(root, page);
  const rows: Row[] = (['paragraph', 'words'] as const).flatMap((kind) => {
    const wall = stats(samples[kind].wallMs);
    const what = kind === 'paragraph' ? 'a new paragraph' : 'other words in it';
    return [
      {
        name: `${where}: ${what}, write → summary line`,
        ...wall,
        unit: 'ms',
        ratio: { min: wall.min / coldMs, median: wall.median / coldMs, of: 'cold run' },
        target: { text: '≤ 0.15×', met: wall.median / coldMs <= 0.15 },
      },
      { name: `${where}: ${what}, the run's own time (summary line)`, ...stats(samples[kind].runMs), unit: 'ms' },
    ];
  });
  return {
    title: `Watch mode: ${edits} edits of one page vs a cold run (median ${coldMs.toFixed(0)} ms)`,
    rows,
    notes: [`Ctrl-C (SIGINT) ended the watcher with exit code ${code}.`],
    raw: { ...samples, exitCode: code },
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
