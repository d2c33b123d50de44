/**
 * `npm run fuzz`: the generator fuzzer at size, then the server fuzzer, the kill loop and the I/O
 * fault sweep.
 *
 *   FUZZ_CASES      generator cases in all (default 10000), split over FUZZ_WORKERS processes (default 2)
 *   FUZZ_SEED       fast-check seed of worker 0 (worker i uses seed + i); default: the clock, printed
 *   FUZZ_TYPECHECK  `sample` (default): tsc over every case whose output is new (not byte-identical
 *                   to an earlier case's) and has unusual names (quoted keys, non-ASCII, numbered
 *                   names), plus one in four of the other new ones; `all`: every new output
 *   FUZZ_KILLS      SIGKILLs in the kill loop (default 60)
 *   FUZZ_NAME_COLLISIONS=off  no action names that collide after case conversion (see mutate.ts)
 *   FUZZ_REQUESTS   server fuzzer requests (default 10000), from seed FUZZ_SEED
 *   FUZZ_ONLY=generator       only the generator fuzzer
 *   FUZZ_ONLY=server          only the server fuzzer (`test/fuzz/server-main.ts`, under --expose-gc)
 *   FUZZ_ONLY=faults          only the kill loop and the I/O fault sweep
 *
 * Prints the counts (cases tried, failures, crashes, outputs not compiling, distinct diagnostics;
 * server requests by kind, distinct statuses and retcodes, heap before and after) and exits 1 on any
 * failure.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/paths.js';
import type { WorkerReport } from './worker.js';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const WORKERS = Number(process.env.FUZZ_WORKERS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_007);
const MODE = process.env.FUZZ_TYPECHECK === 'all' ? 'all' : 'sample';

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

async function fuzzGenerator(): Promise<boolean> {
  const started = performance.now();
  const counts = Array.from({ length: WORKERS }, (_, i) => Math.floor(CASES / WORKERS) + (i < CASES % WORKERS ? 1 : 0));
  console.log(`generator: ${CASES} cases on ${WORKERS} workers, seed ${SEED}, typecheck ${MODE}`);
  const worker = path.join('test', 'fuzz', 'worker.ts');
  const results = await Promise.all(
    counts.map((n, i) => run(['--import', 'tsx', worker, String(SEED + i), String(n), MODE])),
  );
  const reports: WorkerReport[] = [];
  for (const [i, r] of results.entries()) {
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.code !== 0 || !line.startsWith('{')) {
      console.log(`worker ${i} (seed ${SEED + i}) died with code ${r.code}`);
      return false;
    }
    reports.push(JSON.parse(line) as WorkerReport);
  }
  const sum = (key: keyof WorkerReport) => reports.reduce((s, r) => s + (r[key] as number), 0);
  const codes = new Set(reports.flatMap((r) => Object.keys(r.diagnostics)));
  const messages = new Set(reports.flatMap((r) => r.messages));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `generator: ${sum('cases')} cases tried, ${sum('failures')} failures, ${sum('crashes')} crashes, ` +
      `${sum('notCompiling')} outputs not compiling (${sum('notCompilingDuplicateNames')} of them only by names ` +
      `colliding after case conversion); type-checked ${sum('typechecked')} ` +
      `(skipped: ${sum('typecheckSkippedDuplicate')} byte-identical to an earlier case, ${sum('typecheckSkippedSample')} by sampling); ` +
      `determinism re-run on ${sum('deterministicChecked')}; ${codes.size} distinct diagnostic codes, ` +
      `${messages.size} distinct diagnostic messages; ${seconds} s wall, ` +
      `${(reports.reduce((t, r) => t + r.ms.cpu, 0) / 1000).toFixed(0)} s CPU over the workers`,
  );
  for (const r of reports) for (const e of r.examples) console.log(`  seed ${r.seed}: ${e.slice(0, 2000)}`);
  return sum('failures') === 0;
}

/** The server fuzzer in its own process, with `--expose-gc` so its heap measurements are its own. */
async function fuzzServer(): Promise<boolean> {
  const server = await run(['--expose-gc', '--import', 'tsx', path.join('test', 'fuzz', 'server-main.ts')], {
    FUZZ_SEED: String(SEED),
  });
  // The last line is the report as JSON, for tools; people read the lines before it.
  process.stdout.write(
    server.stdout
      .split('\n')
      .filter((line) => !line.startsWith('{'))
      .join('\n'),
  );
  return server.code === 0;
}

/** The kill loop (`kill-loop.ts`), then every fs call of a run failed in turn (`atomic.test.ts`). */
async function faults(): Promise<boolean> {
  const started = performance.now();
  const kills = await run(['--import', 'tsx', path.join('test', 'fuzz', 'kill-loop.ts')]);
  process.stdout.write(kills.stdout);
  console.log(`kill loop: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const sweepStarted = performance.now();
  const sweep = await run([path.join('node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/write/atomic.test.ts'], {
    FAULT_STRIDE: '1',
  });
  const summary = sweep.stdout.split('\n').filter((l) => /stride|Tests /.test(l));
  console.log(
    `fault sweep (every fs call of a run failed in turn): ${summary.join(' | ').replace(/\x1b\[[0-9;]*m/g, '')}; ${((performance.now() - sweepStarted) / 1000).toFixed(1)} s`,
  );
  return kills.code === 0 && sweep.code === 0;
}

async function main(): Promise<void> {
  const only = process.env.FUZZ_ONLY;
  const parts = { generator: fuzzGenerator, server: fuzzServer, faults } as const;
  const chosen = only ? [only] : Object.keys(parts);
  let ok = true;
  for (const name of chosen) {
    const part = parts[name as keyof typeof parts];
    if (!part) throw new Error(`FUZZ_ONLY=${name}: expected one of ${Object.keys(parts).join(', ')}`);
    ok = (await part()) && ok;
  }
  console.log(ok ? 'fuzz: all passed' : 'fuzz: FAILED');
  process.exitCode = ok ? 0 : 1;
}

await main();
