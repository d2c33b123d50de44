/**
 * Reading the docs folder: what is read, what is skipped and said so, and where a page stops being
 * UTF-8. Real folders, links, FIFOs and encodings on disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../generator/model/diagnostics.js';
import { DocsError, readDocTree } from '../../generator/parse/read-docs.js';
import { decodeUtf8, firstInvalidByte } from '../../generator/parse/utf8.js';

let root: string;
let docs: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'onebot-read-'));
  docs = path.join(root, 'docs');
  await mkdir(docs);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(rel: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(docs, rel)), { recursive: true });
  await writeFile(path.join(docs, rel), content);
}

const read = async () => {
  const tree = await readDocTree(docs);
  return { files: tree.docs.map((d) => d.file), diagnostics: tree.diagnostics.map(formatDiagnostic).sort() };
};

describe('firstInvalidByte', () => {
  const rows: [string, { given: number[]; want: number }][] = [
    ['ASCII', { given: [0x61, 0x62], want: 2 }],
    ['two, three and four byte characters', { given: [0xc3, 0xa9, 0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x98, 0x80], want: 9 }],
    ['a lone continuation byte', { given: [0x61, 0x80], want: 1 }],
    ['an overlong two byte form', { given: [0xc0, 0xaf], want: 0 }],
    ['an overlong three byte form', { given: [0x61, 0xe0, 0x80, 0xaf], want: 1 }],
    ['a UTF-16 surrogate', { given: [0xed, 0xa0, 0x80], want: 0 }],
    ['above U+10FFFF', { given: [0xf4, 0x90, 0x80, 0x80], want: 0 }],
    ['a sequence cut short by the end', { given: [0x61, 0x62, 0xe4, 0xb8], want: 2 }],
    ['a sequence cut short by ASCII', { given: [0xe4, 0x61], want: 0 }],
    ['a lead byte that never starts a sequence', { given: [0x61, 0xff], want: 1 }],
  ];
  test.each(rows)('%s', (_name, { given, want }) => {
    expect(firstInvalidByte(Uint8Array.from(given))).toBe(want);
    // Node's strict decoder agrees on which inputs are valid.
    const valid = want === given.length;
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(given))).toSatisfy(
      (f: () => unknown) => {
        try {
          f();
          return valid;
        } catch {
          return !valid;
        }
      },
    );
  });

  test('line and column count characters of the valid text before the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n中文ab', 'utf8'), Buffer.from([0xb2, 0xe2])]);
    expect(decodeUtf8(bytes)).toEqual({
      offset: Buffer.byteLength('第一行\n中文ab'),
      line: 2,
      column: 5,
    });
  });
});

describe('readDocTree', () => {
  test('a GB18030 page is an error naming the file, line, column and byte offset; the others are read', async () => {
    await put('api/good.md', '# 好\n');
    // "# 测试\n标题" in GB18030: the first byte after "# " is 0xB2.
    await put('api/legacy.md', Buffer.from([0x23, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]));
    expect(await read()).toEqual({
      files: ['docs/api/good.md'],
      diagnostics: [
        'docs/api/legacy.md:1:3 - error invalid-utf8: not valid UTF-8: byte 0xB2 at byte offset 2 ' +
          '(it reads as GB18030; convert it, e.g. iconv -f GB18030 -t UTF-8); the page is skipped',
      ],
    });
  });

  test('a UTF-16 page is named as such', async () => {
    await put('a.md', Buffer.from('\ufeff# x\n', 'utf16le'));
    await put('b.md', '# b\n');
    expect((await read()).diagnostics).toEqual([
      expect.stringMatching(
        /^docs\/a\.md:1:1 - error invalid-utf8: .*byte 0xFF at byte offset 0 \(it looks like UTF-16/,
      ),
    ]);
  });

  test('a UTF-8 byte order mark is dropped and CRLF becomes LF', async () => {
    await put('a.md', '\ufeff# a\r\n\r\ntext\r\n');
    expect((await readDocTree(docs)).docs).toEqual([{ file: 'docs/a.md', text: '# a\n\ntext\n' }]);
  });

  test('a linked folder is read through its link; a link back to an ancestor is read once and named', async () => {
    await put('api/a.md', '# a\n');
    await mkdir(path.join(root, 'elsewhere'));
    await writeFile(path.join(root, 'elsewhere', 'b.md'), '# b\n');
    await symlink(path.join(root, 'elsewhere'), path.join(docs, 'linked'));
    await symlink(docs, path.join(docs, 'api', 'loop'));
    expect(await read()).toEqual({
      files: ['docs/api/a.md', 'docs/linked/b.md'],
      diagnostics: [
        'docs/api/loop:1:1 - warning skipped-folder: docs/api/loop is the folder docs again (a symbolic link); it is read once',
      ],
    });
  });

  test('a FIFO named .md is skipped without being opened; a dangling link is named', async () => {
    await put('a.md', '# a\n');
    execFileSync('mkfifo', [path.join(docs, 'pipe.md')]);
    await symlink(path.join(root, 'missing.md'), path.join(docs, 'gone.md'));
    expect((await read()).diagnostics).toEqual([
      'docs/gone.md:1:1 - warning unreadable-entry: docs/gone.md is a symbolic link that leads nowhere (ENOENT)',
      'docs/pipe.md:1:1 - warning special-file: docs/pipe.md is a FIFO, not a file; it is skipped and never opened',
    ]);
  });

  test('a link to a device named .md is skipped', async () => {
    await put('a.md', '# a\n');
    await symlink('/dev/zero', path.join(docs, 'zero.md'));
    expect((await read()).diagnostics).toEqual([
      'docs/zero.md:1:1 - warning special-file: docs/zero.md is a device, not a file; it is skipped and never opened',
    ]);
  });

  test('generated output, node_modules and dot-folders inside the docs are not read as docs', async () => {
    await put('a.md', '# a\n');
    await put('out/.onebot-codegen-manifest.json', '{}');
    await put('out/compatibility.md', '# generated\n');
    await put('node_modules/pkg/README.md', '# dependency\n');
    await put('.vitepress/theme/notes.md', '# theme\n');
    expect(await read()).toEqual({
      files: ['docs/a.md'],
      diagnostics: [
        'docs/out:1:1 - warning skipped-folder: docs/out holds generated output (.onebot-codegen-manifest.json); it is not read as docs',
      ],
    });
  });

  test('no .md file at all is a DocsError; so is one whose only page is unreadable, with its diagnostic', async () => {
    await put('notes.txt', 'not docs');
    await expect(readDocTree(docs)).rejects.toThrow(
      new DocsError(`no .md file under ${docs}; nothing was generated or replaced`),
    );
    await put('bad.md', Buffer.from([0xff]));
    const error = await readDocTree(docs).catch((e: unknown) => e as DocsError);
    expect(error).toBeInstanceOf(DocsError);
    expect((error as DocsError).message).toBe(`no readable .md file under ${docs}; nothing was generated or replaced`);
    expect((error as DocsError).diagnostics.map((d) => d.code)).toEqual(['invalid-utf8']);
  });

  test('a tree with more entries than the limit stops with a DocsError instead of crawling', async () => {
    for (let i = 0; i < 12; i++) await put(`d${i}/p.md`, '# p\n');
    await expect(readDocTree(docs, { maxEntries: 10 })).rejects.toThrow(
      `more than 10 entries under ${docs}: is --docs the docs folder?`,
    );
    expect((await readDocTree(docs, { maxEntries: 100 })).docs).toHaveLength(12);
  });
});
