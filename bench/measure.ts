/**
 * Measuring fresh processes: wall time from spawn to exit (what a user waits for), peak resident
 * memory and CPU time (reported from inside by probe.mjs), and min/median over repeats.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const PROBE = path.join(ROOT, 'bench/probe.mjs');

export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The shell command `npm run generate` runs (package.json), with `args` appended as npm does. */
export async function generateCommand(args: readonly string[]): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { generate: string } };
  return [pkg.scripts.generate, ...args.map(shellQuote)].join(' ');
}

/** `node <script> args…` as a shell command. */
export function nodeCommand(script: string, args: readonly string[]): string {
  return [process.execPath, script, ...args].map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Run a shell command in a fresh process (as npm runs scripts) and measure it; rejects on a non-zero exit. */
export async function run(command: string, cwd = ROOT, extraEnv: Record<string, string> = {}): Promise<Sample> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onebot-bench-probe-'));
  const probe = path.join(dir, 'probe.json');
  const env = {
    ...process.env,
    PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToUrl(PROBE)}`.trim(),
    BENCH_PROBE: probe,
    ...extraEnv,
  };
  const started = performance.now();
  const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const wallMs = performance.now() - started;
  const report = JSON.parse(await readFile(probe, 'utf8').catch(() => '{}')) as { maxRssMb?: number; cpuMs?: number };
  await rm(dir, { recursive: true, force: true });
  if (code !== 0 && code !== 1)
    throw new Error(`${command} exited ${code}:\n${stdout.slice(-2000)}${stderr.slice(-2000)}`);
  return { wallMs, cpuMs: report.cpuMs ?? NaN, maxRssMb: report.maxRssMb ?? NaN, code, stdout, stderr };
}

function pathToUrl(file: string): string {
  return new URL(`file://${path.resolve(file)}`).href;
}

export interface Stats {
  readonly min: number;
  readonly median: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0] ?? NaN, median };
}

/** `a / b` for min and median alike. */
export function ratio(a: Stats, b: Stats): Stats {
  return { min: a.min / b.min, median: a.median / b.median };
}

/** The pipeline's own time and counts from the CLI's summary line (`58 actions, … in 812 ms`). */
export function summaryOf(stdout: string): { actions: number; ms: number } {
  const match = /^(\d+) actions, .* in (\d+) ms/m.exec(stdout);
  if (!match) throw new Error(`no summary line in:\n${stdout.slice(-500)}`);
  return { actions: Number(match[1]), ms: Number(match[2]) };
}

/** A fresh temporary folder; `cleanup` removes every folder made so far. */
const temps: string[] = [];
/** A fresh folder under `parent` (default: the system's temporary folder), removed by cleanup(). */
export async function tempDir(prefix: string, parent: string = os.tmpdir()): Promise<string> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `onebot-bench-${prefix}-`));
  temps.push(dir);
  return dir;
}
export async function cleanup(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}
