/**
 * `node --expose-gc --import tsx test/fuzz/server-main.ts`: the server fuzzer at size, as `npm run
 * fuzz` runs it. FUZZ_REQUESTS (default 10000) requests from fast-check seed FUZZ_SEED (default: the
 * clock, printed). Prints the counts and, as its last line, the report as JSON; exits 1 on any failure.
 */
import { fuzzServer } from './server.js';

const requests = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_007);
const report = await fuzzServer({ seed, requests, warmup: Math.min(1000, Math.floor(requests / 10)), lanes: 8 });
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
console.log(`server: seed ${seed}, ${report.requests} requests tried: ${counts(report.byKind)}`);
console.log(`server: outcomes: ${counts(report.outcomes)}`);
console.log(
  `server: ${report.failures} failures, ${report.crashes} crashes, ${report.plantedErrors} planted handler errors ` +
    `reached onError; heap + buffers after GC ${mib(report.heap.warm)} after warm-up, ${mib(report.heap.end)} at the end ` +
    `(limit +${mib(report.heap.limit)}); ${(report.ms / 1000).toFixed(1)} s`,
);
for (const example of report.examples) console.log(`  ${example}`);
console.log(JSON.stringify(report));
process.exitCode = report.failures === 0 ? 0 : 1;
