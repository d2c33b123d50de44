/**
 * Loaded into every measured process through NODE_OPTIONS (`--import`): at exit it writes the
 * process's peak resident memory and CPU time to the file named by BENCH_PROBE, so the command
 * measured stays exactly the one users run.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.BENCH_PROBE;
if (out && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report = { maxRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    writeFileSync(out, JSON.stringify(report));
  });
}
