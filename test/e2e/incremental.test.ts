/**
 * Repeated runs in one process (watch mode) reuse unchanged pages and sections (PageCache) and
 * formatted statements (Formatter) and still give byte for byte what a fresh run gives, edit after
 * edit.
 */
import path from 'node:path';
import { expect, test } from 'vitest';
import { Formatter } from '../../generator/emit/format.js';
import { generateFromDocs, PageCache } from '../../generator/generate.js';
import { readDocs } from '../../generator/parse/read-docs.js';
import { FIXTURES } from '../support/paths.js';

/** Replace `from` in the page whose path ends with `file`. */
function edit(docs: { file: string; text: string }[], file: string, from: RegExp, to: string) {
  return docs.map((d) => (d.file.endsWith(file) ? { ...d, text: d.text.replace(from, to) } : d));
}

test('edit after edit, the reusing run equals a fresh run and parses only the changed pages', async () => {
  const original = await readDocs(path.join(FIXTURES, 'family'));
  const api = 'api/things.md';
  const renamed = edit(original, api, /`get_thing`/, '`renamed_action`');
  const steps: [string, typeof original, number][] = [
    ['first run', original, original.length],
    ['nothing changed', original, 0],
    ['one page: a description', edit(original, api, /^(## .*\n)/m, '$1\n新的说明。\n'), 1],
    ['one page: an action renamed', renamed, 1],
    ['one page broken: a duplicate action', edit(renamed, api, /$/, '\n## 重复\n\n- `renamed_action`\n'), 1],
    ['the broken page fixed', renamed, 1],
    ['back to the original', original, 1],
  ];
  const pages = new PageCache();
  const formatter = new Formatter({ keepStatements: true });
  // A fresh run keeps nothing between runs: steps with the same pages share one.
  const freshRuns = new Map<string, ReturnType<typeof generateFromDocs>>();
  const freshRun = (docs: typeof original) => {
    const key = JSON.stringify(docs);
    if (!freshRuns.has(key)) freshRuns.set(key, generateFromDocs(docs));
    return freshRuns.get(key)!;
  };
  for (const [name, docs, parsed] of steps) {
    const reused = await generateFromDocs(docs, { pages, formatter });
    const fresh = await freshRun(docs);
    if (name.startsWith('one page broken')) expect(fresh.diagnostics.map((d) => d.code)).toContain('duplicate-action');
    expect([...reused.files], name).toEqual([...fresh.files]);
    expect(reused.diagnostics, name).toEqual(fresh.diagnostics);
    expect(pages.lastRun.pages, name).toEqual({ parsed, reused: docs.length - parsed });
    // An edit inside one section of a page parses that section again, not the page.
    if (name === 'one page: a description') expect(pages.lastRun.sections).toMatchObject({ parsed: 1 });
    if (name === 'one page: a description') expect(pages.lastRun.sections.reused).toBeGreaterThan(1);
  }
});
