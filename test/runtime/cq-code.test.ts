import { describe, expect, it } from 'vitest';
import {
  type CQSegment,
  escapeParam,
  escapeText,
  parseCQString,
  toCQString,
  unescapeParam,
  unescapeText,
} from '../../generator/runtime/cq-code.js';

type Case<G, W> = [name: string, { given: G; want: W }];
type LooseSegment = { type: string; data: Record<string, unknown> };

const text = (t: string): CQSegment => ({ type: 'text', data: { text: t } });
const code = (type: string, data: Record<string, string> = {}): CQSegment => ({ type, data });

/** The one assertion every table and property goes through. */
function check<T>(got: T, want: T, label?: string): void {
  expect(got, label).toStrictEqual(want);
}

function table<G, W>(title: string, cases: Case<G, W>[], run: (given: G) => W): void {
  describe(title, () => {
    for (const [name, { given, want }] of cases) it(name, () => check(run(given), want));
  });
}

const ESCAPERS = { escapeText, escapeParam, unescapeText, unescapeParam };

table<[keyof typeof ESCAPERS, string], string>(
  'escaping',
  [
    ['escapeText', { given: ['escapeText', 'a&b[c]d,e'], want: 'a&amp;b&#91;c&#93;d,e' }],
    ['escapeParam also escapes commas', { given: ['escapeParam', 'a&b[c]d,e'], want: 'a&amp;b&#91;c&#93;d&#44;e' }],
    ['escaping & is not idempotent', { given: ['escapeText', '&amp;'], want: '&amp;amp;' }],
    ['unescapeText leaves &#44;', { given: ['unescapeText', '&amp;&#91;&#93;&#44;'], want: '&[]&#44;' }],
    ['unescapeParam', { given: ['unescapeParam', '&amp;&#91;&#93;&#44;'], want: '&[],' }],
    ['&amp;#91; is a literal &#91;', { given: ['unescapeText', '&amp;#91;'], want: '&#91;' }],
    ['&amp;#44; is a literal &#44;', { given: ['unescapeParam', '&amp;#44;'], want: '&#44;' }],
    ['&amp;amp; decodes one level', { given: ['unescapeText', '&amp;amp;'], want: '&amp;' }],
    ['unknown entities are kept', { given: ['unescapeParam', '&lt;&#92;&#9;&'], want: '&lt;&#92;&#9;&' }],
  ],
  ([fn, input]) => ESCAPERS[fn](input),
);

table<string, CQSegment[]>(
  'parseCQString',
  [
    ['empty string', { given: '', want: [] }],
    ['plain text', { given: 'hello', want: [text('hello')] }],
    ['face', { given: '[CQ:face,id=178]', want: [code('face', { id: '178' })] }],
    ['no params', { given: '[CQ:shake]', want: [code('shake')] }],
    [
      'unicode params',
      {
        given: '[CQ:share,title=标题,url=http://baidu.com]',
        want: [code('share', { title: '标题', url: 'http://baidu.com' })],
      },
    ],
    [
      '= inside a value',
      {
        given: '[CQ:share,title=标题中有=等号,url=http://baidu.com]',
        want: [code('share', { title: '标题中有=等号', url: 'http://baidu.com' })],
      },
    ],
    [
      'text around codes',
      {
        given: 'a[CQ:face,id=1]b 😀[CQ:shake]',
        want: [text('a'), code('face', { id: '1' }), text('b 😀'), code('shake')],
      },
    ],
    ['&#91; in text', { given: '&#91;x&#93;', want: [text('[x]')] }],
    ['&amp;#91; in text', { given: '&amp;#91;', want: [text('&#91;')] }],
    ['escaped comma in param', { given: '[CQ:at,qq=1&#44;2]', want: [code('at', { qq: '1,2' })] }],
    ['&#44; in text stays', { given: 'a&#44;b', want: [text('a&#44;b')] }],
    ['escaped [ ] & in param', { given: '[CQ:x,v=&#91;&amp;&#93;]', want: [code('x', { v: '[&]' })] }],
    ['newline inside param', { given: '[CQ:x,v=a\nb]', want: [code('x', { v: 'a\nb' })] }],
    ['spaces are not trimmed', { given: '[CQ:x, k = v ]', want: [code('x', { ' k ': ' v ' })] }],
    ['empty value', { given: '[CQ:x,k=]', want: [code('x', { k: '' })] }],
    ['param without =', { given: '[CQ:x,k]', want: [code('x', { k: '' })] }],
    ['empty parts are skipped', { given: '[CQ:x,,a=1,]', want: [code('x', { a: '1' })] }],
    ['later duplicate key wins', { given: '[CQ:x,a=1,a=2]', want: [code('x', { a: '2' })] }],
    [
      '__proto__ is plain data',
      { given: '[CQ:x,__proto__=1]', want: [code('x', Object.fromEntries([['__proto__', '1']]))] },
    ],
    [
      '[CQ:text] stays a code',
      { given: 'a[CQ:text,text=b]c', want: [text('a'), code('text', { text: 'b' }), text('c')] },
    ],
    ['[CQ: without end', { given: 'a[CQ:face,id=1', want: [text('a[CQ:face,id=1')] }],
    ['[CQ: without end after a code', { given: '[CQ:shake]x[CQ:', want: [code('shake'), text('x[CQ:')] }],
    ['[ alone', { given: '[', want: [text('[')] }],
    ['] alone', { given: ']', want: [text(']')] }],
    ['[notcq]', { given: 'a[notcq]b', want: [text('a[notcq]b')] }],
    ['empty type', { given: '[CQ:][CQ:,a=1]', want: [text('[CQ:][CQ:,a=1]')] }],
    ['lowercase cq', { given: '[cq:face,id=1]', want: [text('[cq:face,id=1]')] }],
    [
      'broken code before a good one',
      { given: '[CQ:a[CQ:face,id=1]', want: [text('[CQ:a'), code('face', { id: '1' })] },
    ],
    ['nested broken starts', { given: '[CQ:[CQ:[CQ:b]]', want: [text('[CQ:[CQ:'), code('b'), text(']')] }],
    ['text is unescaped after a broken code', { given: '[CQ:&amp;', want: [text('[CQ:&')] }],
  ],
  parseCQString,
);

table<LooseSegment[], string>(
  'toCQString',
  [
    ['empty', { given: [], want: '' }],
    ['text is escaped', { given: [text('a[b]&c,d')], want: 'a&#91;b&#93;&amp;c,d' }],
    ['no params', { given: [code('shake')], want: '[CQ:shake]' }],
    ['params keep order', { given: [code('share', { url: 'u', title: 't' })], want: '[CQ:share,url=u,title=t]' }],
    ['params are escaped', { given: [code('x', { v: 'a,b=[c]&' })], want: '[CQ:x,v=a&#44;b=&#91;c&#93;&amp;]' }],
    [
      'non-string values',
      { given: [{ type: 'x', data: { n: 1, b: false, u: undefined, z: null, s: '' } }], want: '[CQ:x,n=1,b=false,s=]' },
    ],
    ['text with missing text', { given: [{ type: 'text', data: {} }], want: '' }],
    ['text with a number', { given: [{ type: 'text', data: { text: 42 } }], want: '42' }],
    ['mixed', { given: [text('hi '), code('at', { qq: '10001' }), text('!')], want: 'hi [CQ:at,qq=10001]!' }],
  ],
  toCQString,
);

/** What parsing gives back for segments: adjacent text merged, empty text dropped. */
function normalize(segments: readonly CQSegment[]): CQSegment[] {
  const out: CQSegment[] = [];
  for (const segment of segments) {
    const chunk = segment.data['text'] ?? '';
    const last = out.at(-1);
    if (segment.type !== 'text') out.push(segment);
    else if (chunk === '') continue;
    else if (last?.type === 'text') out[out.length - 1] = text((last.data['text'] ?? '') + chunk);
    else out.push(segment);
  }
  return out;
}

const FIXED_ROUND_TRIPS: CQSegment[][] = [
  [],
  [text('')],
  [text('a'), text('b'), code('shake'), text(''), text('[c]')],
  [text('&#91; & [ ] , &amp;#91;')],
  [code('x', { v: ',=[]&', w: '&#44;&amp;', e: '' })],
  [code('share', { title: '标题中有=等号', url: 'http://baidu.com' }), text('\n😀')],
  [code('t,y[p]e&', { 'k[,]&': 'v' })],
];

describe('round trip', () => {
  it('parseCQString(toCQString(x)) equals x with text merged', () => {
    for (const [i, x] of FIXED_ROUND_TRIPS.entries()) check(parseCQString(toCQString(x)), normalize(x), `case ${i}`);
  });

  it('toCQString(parseCQString(s)) === s for well-formed strings', () => {
    const strings = [
      '',
      'plain',
      '[CQ:face,id=178]',
      '[CQ:shake]',
      '[CQ:share,title=标题,url=http://baidu.com]',
      '[CQ:share,title=标题中有=等号,url=http://baidu.com]',
      'a&#91;b&#93;c&amp;d,e[CQ:x,v=&#44;&#91;&#93;&amp;]',
      '&amp;#91;[CQ:image,file=a.jpg,url=http://x/?a=1&amp;b=2]\n[CQ:at,qq=all] hi',
    ];
    for (const s of strings) check(toCQString(parseCQString(s)), s, JSON.stringify(s));
  });

  it('holds for 500 seeded random segment arrays', () => {
    const random = mulberry32(0x0b07);
    for (let i = 0; i < 500; i++) {
      const x = randomSegments(random);
      check(parseCQString(toCQString(x)), normalize(x), `#${i} ${JSON.stringify(x)}`);
    }
  });
});

/** Small seeded PRNG so failures reproduce without a dependency. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces chosen to collide with the syntax: entities, half entities, code starts, separators.
const ALPHABET = [
  'a',
  ' ',
  '\n',
  '中',
  '😀',
  '[',
  ']',
  '&',
  ',',
  '=',
  ';',
  '#',
  '91',
  '&#91;',
  '&amp;',
  '&#44;',
  '[CQ:',
  'CQ',
];

function randomString(random: () => number, maxPieces: number, exclude = ''): string {
  let out = '';
  const count = Math.floor(random() * (maxPieces + 1));
  for (let i = 0; i < count; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '';
  return exclude === '' ? out : out.split(exclude).join('');
}

function randomSegments(random: () => number): CQSegment[] {
  const segments: CQSegment[] = [];
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    if (random() < 0.4) {
      segments.push(text(randomString(random, 6)));
      continue;
    }
    // Prefixed so the type is never empty nor `text`; keys cannot hold `=` (nothing escapes it).
    const type = `t${randomString(random, 3)}`;
    const keys = Array.from({ length: Math.floor(random() * 4) }, () => `k${randomString(random, 2, '=')}`);
    segments.push(code(type, Object.fromEntries(keys.map((k) => [k, randomString(random, 5)]))));
  }
  return segments;
}
