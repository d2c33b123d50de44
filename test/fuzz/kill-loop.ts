/**
 * The kill loop: the real CLI (`node --import tsx generator/cli.ts`) regenerates an output folder
 * whose content differs from what the run writes (it alternates between two docs sets), and is
 * killed with SIGKILL at a random moment of its write phase: half the kills at the moment the run's
 * work folder appears plus a random delay up to the measured length of the phase, half at the
 * moment its commit journal appears plus a random delay of up to 30 ms (the commit itself is short,
 * and uniform timing would rarely land in it). After every kill:
 *
 *   - with no journal left, the generated files are exactly the old output or exactly the new one;
 *   - with a journal left (killed after the commit point), the next run's recovery (the same
 *     `recoverOutputs` every run starts with) leaves exactly the new output;
 *   - either way, after recovery no work folder or temporary file remains, and the user's files
 *     (content, inode, mtime) are untouched.
 *
 * Every tenth round also starts two runs at once: one writes, the other exits 1 naming the first.
 * FUZZ_KILLS (default 60) kills must land inside the write phase; exits 1 on any violation.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '../../generator/generate.js';
import { FORMAT_CACHE_NAME } from '../../generator/format-cache.js';
import { WORK_DIR_NAME, recoverOutputs, writeOutputs } from '../../generator/write.js';
import { FIXTURES, ROOT } from '../support/paths.js';

const KILLS = Number(process.env.FUZZ_KILLS ?? 60);
const DOCS = { A: path.join(ROOT, 'docs-src'), B: path.join(FIXTURES, 'family') } as const;
type Side = keyof typeof DOCS;
const USER_FILES = ['notes.md', 'onebot11/mine.txt'];

/** Generated files only (user files and the work folder left out): path → content. */
async function generatedState(dir: string, prefix = ''): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = `${prefix}${e.name}`;
    // (the format cache and its temporary file are not output: a run may be killed while saving it)
    if (rel === WORK_DIR_NAME || rel.startsWith(FORMAT_CACHE_NAME) || USER_FILES.includes(rel)) continue;
    if (e.isDirectory()) Object.assign(result, await generatedState(dir, `${rel}/`));
    else result[rel] = await readFile(path.join(dir, rel), 'utf8');
  }
  return result;
}

async function userStamp(out: string): Promise<string> {
  const parts = [];
  for (const f of USER_FILES) {
    const info = await lstat(path.join(out, f));
    parts.push(`${f}:${info.ino}:${info.mtimeMs}:${await readFile(path.join(out, f), 'utf8')}`);
  }
  return parts.join('|');
}

/**
 * Every path under dir that looks like litter: the work folder or a `.tmp` file. With `cacheTemps`
 * false, the format cache's temporary file is not counted: a run killed while saving the cache
 * leaves it, and the next run that saves the cache removes it (checked after the last round).
 */
async function litter(dir: string, cacheTemps: boolean, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = `${prefix}${e.name}`;
    if (!cacheTemps && rel.startsWith(`${FORMAT_CACHE_NAME}.`)) continue;
    if (e.name === WORK_DIR_NAME || e.name.endsWith('.tmp')) found.push(rel);
    else if (e.isDirectory()) found.push(...(await litter(dir, cacheTemps, `${rel}/`)));
  }
  return found;
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** ms from the work folder appearing to the kill (or exit); undefined when it never appeared. */
  readonly sinceWrite?: number;
}

/** When to kill: `delay` ms after the work folder (`start`) or the journal (`commit`) appears. */
interface KillAt {
  readonly from: 'start' | 'commit';
  readonly delay: number;
}

/** Runs the CLI on `side`; with `kill`, SIGKILLs it at that moment of its write phase. */
function runCli(side: Side, out: string, kill?: KillAt): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'generator/cli.ts', '--docs', DOCS[side], '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let writeStarted: number | undefined;
    let journalWatcher: ReturnType<typeof watch> | undefined;
    const killSoon = () => setTimeout(() => child.kill('SIGKILL'), kill!.delay);
    const watcher = watch(out, (_event, name) => {
      if (name !== WORK_DIR_NAME || writeStarted !== undefined) return;
      writeStarted = performance.now();
      if (kill?.from === 'start') killSoon();
      if (kill?.from !== 'commit') return;
      try {
        journalWatcher = watch(path.join(out, WORK_DIR_NAME), (_e, file) => {
          if (file === 'journal.json') (journalWatcher?.close(), killSoon());
        });
      } catch {
        killSoon(); // the work folder is already gone again: kill as soon as possible
      }
    });
    child.on('exit', (code, signal) => {
      watcher.close();
      journalWatcher?.close();
      const sinceWrite = writeStarted === undefined ? undefined : performance.now() - writeStarted;
      resolve({ code, signal, stderr, ...(sinceWrite !== undefined ? { sinceWrite } : {}) });
    });
  });
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'onebot-kill-'));
  const out = path.join(root, 'out');
  const failures: string[] = [];
  const phases = { 'old, no journal': 0, 'journal → rolled forward → new': 0, 'new, no journal': 0 };
  let finishedFirst = 0;
  let concurrent = 0;
  try {
    const want: Record<Side, Record<string, string>> = { A: {}, B: {} };
    for (const side of ['A', 'B'] as const) {
      const ref = path.join(root, `ref-${side}`);
      await writeOutputs(ref, (await generate(DOCS[side])).files);
      want[side] = await generatedState(ref);
    }
    await mkdir(path.join(out, 'onebot11'), { recursive: true });
    for (const f of USER_FILES) await writeFile(path.join(out, f), `the user's ${f}\n`);
    const stamp = await userStamp(out);
    let current: Side = 'A';
    if ((await runCli(current, out)).code !== 0) throw new Error('the first run failed');

    // The write phase's length, from two runs that are not killed.
    const lengths: number[] = [];
    for (let i = 0; i < 2; i++) {
      current = current === 'A' ? 'B' : 'A';
      const r = await runCli(current, out);
      if (r.code !== 0 || r.sinceWrite === undefined) throw new Error(`calibration run failed: ${r.stderr}`);
      lengths.push(r.sinceWrite);
    }
    const phase = Math.max(...lengths);
    console.log(`kill loop: write phase lasts ~${phase.toFixed(0)} ms (from the work folder appearing to exit)`);

    let kills = 0;
    for (let round = 1; kills < KILLS && round <= KILLS * 4; round++) {
      const next: Side = current === 'A' ? 'B' : 'A';
      if (round % 10 === 0) {
        concurrent++;
        const [a, b] = await Promise.all([runCli(next, out), runCli(next, out)]);
        const codes = [a.code, b.code].sort().join(',');
        const refused = [a, b].some((r) => r.code === 1 && r.stderr.includes('another run (pid'));
        // Both may succeed one after the other; if they overlapped, one is refused with the message.
        if (!(codes === '0,0' || (codes === '0,1' && refused)))
          failures.push(`round ${round}: two runs gave ${codes}: ${a.stderr}${b.stderr}`);
        current = next;
      } else {
        const r = await runCli(
          next,
          out,
          round % 2 ? { from: 'start', delay: Math.random() * phase } : { from: 'commit', delay: Math.random() * 30 },
        );
        if (r.signal !== 'SIGKILL') {
          finishedFirst++;
          if (r.code !== 0) failures.push(`round ${round}: exit ${r.code}: ${r.stderr}`);
        } else if (r.sinceWrite !== undefined && ++kills % 10 === 0) console.log(`kill loop: ${kills} kills so far`);
        const journal = await lstat(path.join(out, WORK_DIR_NAME, 'journal.json')).catch(() => undefined);
        const before = await generatedState(out);
        /** The paths where `s` differs from the old output and from the new one, a few of each. */
        const differences = (s: Record<string, string>) =>
          [current, next]
            .map((side) => {
              const paths = new Set([...Object.keys(s), ...Object.keys(want[side])]);
              const differ = [...paths].filter((p) => s[p] !== want[side][p]);
              return `vs ${side === current ? 'old' : 'new'}: ${differ.slice(0, 4).join(', ')}${differ.length > 4 ? ', …' : ''}`;
            })
            .join('; ');
        const whole = (s: Record<string, string>) =>
          JSON.stringify(s) === JSON.stringify(want[current])
            ? current
            : JSON.stringify(s) === JSON.stringify(want[next])
              ? next
              : undefined;
        if (!journal && !whole(before))
          failures.push(`round ${round}: no journal, yet neither old nor new output (${differences(before)})`);
        await recoverOutputs(out);
        const recovered = await generatedState(out);
        const after = whole(recovered);
        if (!after)
          failures.push(`round ${round}: after recovery, neither old nor new output (${differences(recovered)})`);
        if (journal && after !== next)
          failures.push(`round ${round}: a journal was left, yet recovery did not finish the new output`);
        if (r.signal === 'SIGKILL' && r.sinceWrite !== undefined) {
          phases[journal ? 'journal → rolled forward → new' : after === next ? 'new, no journal' : 'old, no journal']++;
        }
        const left = await litter(out, false);
        if (left.length) failures.push(`round ${round}: litter after recovery: ${left.join(', ')}`);
        current = after ?? current;
      }
      if ((await userStamp(out)) !== stamp) failures.push(`round ${round}: a user file changed`);
      if (failures.length > 5) break;
    }
    console.log(
      `kill loop: ${kills} kills inside the write phase (${Object.entries(phases)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}); ` +
        `${finishedFirst} runs finished before their kill; ${concurrent} concurrent pairs; ${failures.length} violations`,
    );
    if (kills < KILLS) failures.push(`only ${kills} of ${KILLS} kills landed inside the write phase`);
    // A run that is not killed leaves nothing behind, not even what killed runs left.
    if ((await runCli(current === 'A' ? 'B' : 'A', out)).code !== 0) failures.push('the last run failed');
    const left = await litter(out, true);
    if (left.length) failures.push(`litter after the last run: ${left.join(', ')}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  for (const f of failures) console.log(`  ${f}`);
  process.exitCode = failures.length ? 1 : 0;
}

await main();
