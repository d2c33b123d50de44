/**
 * `generate --watch` as a real process on a docs folder in a temp dir: an edit (saved by renaming a
 * new file over the page, as many editors do) regenerates, and so does the edit after it; a broken
 * edit prints its diagnostics and leaves the last good output; a new folder with a page is picked
 * up; SIGINT exits 0.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { removeTree, writeTempTree } from './support/generate.js';
import { FIXTURES, ROOT } from './support/paths.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeTree(dir);
});

test('watch: edit → new output; broken edit → diagnostics, output kept; new folder → read; Ctrl-C → exit 0', async () => {
  dir = await writeTempTree(new Map());
  const docs = path.join(dir, 'docs');
  const out = path.join(dir, 'out');
  await cp(path.join(FIXTURES, 'good-docs'), docs, { recursive: true });
  const page = path.join(docs, 'api/echo.md');
  const original = await readFile(page, 'utf8');
  const types = () => readFile(path.join(out, 'napcat/types.ts'), 'utf8');

  const child = spawn(
    process.execPath,
    // What `npm run generate -- --watch` runs: the compiled CLI (dist/ is current, global-setup.ts).
    ['scripts/generate.mjs', '--docs', docs, '--out', out, '--watch'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  const waiting: (() => void)[] = [];
  const wake = () => waiting.splice(0).forEach((w) => w());
  child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), wake()));
  child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), wake()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (resolve(code), wake())));
  /** Resolves once `ready()` holds (checked on every output); rejects if the watcher exits or 45 s pass (a loaded machine). */
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such output after 45 s:\n${stdout}\n${stderr}`)), 45_000);
      const check = () => {
        if (ready()) resolve();
        else if (child.exitCode !== null) reject(new Error(`watch exited early:\n${stdout}\n${stderr}`));
        else return void waiting.push(check);
        clearTimeout(timer);
      };
      check();
    });
  /** `count` summary lines on stdout, the first after the watching notice. */
  const runs = (count: number) =>
    until(() => stdout.includes('watching ') && (stdout.match(/ actions, .* ms \(/g) ?? []).length >= count);

  try {
    await runs(1);
    expect(stdout).toContain(`watching ${docs} for changes`);
    expect(await types()).toContain('echo_text');

    // Saved as many editors save: a new file renamed over the page (later edits must still be seen).
    await writeFile(`${page}.tmp`, original.replaceAll('echo_text', 'echo_words'));
    await rename(`${page}.tmp`, page);
    await runs(2);
    expect(stdout).toMatch(
      /api\/echo\.md changed\n2 actions, .* \(1 page parsed \(\d+ of \d+ sections\), 0 reused; \d+ files written\)/,
    );
    const good = await types();
    expect(good).toContain('echo_words');

    await writeFile(page, `${original.replaceAll('echo_text', 'echo_words')}\n## 又一个\n\n- \`echo_words\`\n`);
    await runs(3);
    await until(() => stderr.includes('error duplicate-action'));
    expect(stderr).toMatch(/echo\.md:\d+:1 - error duplicate-action: action `echo_words` is already declared/);
    expect(stdout).toContain('nothing written: the last good output is kept');
    expect(await types()).toBe(good);

    await writeFile(page, original);
    await mkdir(path.join(docs, 'more'));
    await writeFile(path.join(docs, 'more/extra.md'), '# 更多\n\n## 取号\n\n- `take_number`\n\n### 参数\n\n无\n');
    // The watcher names the new folder (`more`) or its page, alone or with the restored page, as its
    // events arrive within one debounce.
    await until(() => /\bmore(\/extra\.md)?[^\n]* changed\n[^\n]* actions, /.test(stdout));
    expect(await types()).toContain('take_number');
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
}, 120_000);

test('--watch with --check is bad usage', async () => {
  const { main } = await import('../generator/cli.js');
  let stderr = '';
  const code = await main(['--watch', '--check'], {
    stdout: { write: () => true },
    stderr: { write: (t: string) => (stderr += t) },
  });
  expect(code).toBe(2);
  expect(stderr).toContain('--watch and --check cannot be combined');
});

test('an edit saved while the first run is still running is not lost: it queues a second run', async () => {
  const { watch } = await import('../generator/watch.js');
  dir = await writeTempTree(new Map());
  const docs = path.join(dir, 'docs');
  await cp(path.join(FIXTURES, 'good-docs'), docs, { recursive: true });
  const page = path.join(docs, 'api/echo.md');
  let stdout = '';
  const stop = new AbortController();
  const watching = watch({
    docsDir: docs,
    outDir: path.join(dir, 'out'),
    strict: false,
    io: { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } },
    signal: stop.signal,
  });
  // Saved at once: the first run has only started.
  await writeFile(page, (await readFile(page, 'utf8')).replaceAll('echo_text', 'echo_words'));
  const until = Date.now() + 30_000;
  while (!/echo\.md changed\n.* actions, /.test(stdout) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  stop.abort();
  expect(await watching).toBe(0);
  expect(stdout).toMatch(/api\/echo\.md changed\n2 actions, /);
  expect(await readFile(path.join(dir, 'out/napcat/types.ts'), 'utf8')).toContain('echo_words');
});
