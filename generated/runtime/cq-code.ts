/* Copied from onebot-codegen generator/runtime; do not edit. */
/**
 * OneBot 11 CQ-code strings ⇄ message segments.
 *
 * Copied verbatim into generated output, so it must stay self-contained: no imports, standard
 * ECMAScript only.
 *
 *     message := (text | code)*
 *     code    := '[CQ:' type (',' key '=' value)* ']'
 *
 * Text escapes `&`, `[`, `]`; parameter values additionally escape `,`. Anything that does not form a
 * code (`[CQ:` without `]`, `[notcq]`, `[CQ:]`) is plain text, so parsing never throws.
 */

export interface CQSegment {
  type: string;
  data: Record<string, string>;
}

const CODE_START = '[CQ:';

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '[': '&#91;', ']': '&#93;' };
const PARAM_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, ',': '&#44;' };
const TEXT_UNESCAPES: Readonly<Record<string, string>> = invert(TEXT_ESCAPES);
const PARAM_UNESCAPES: Readonly<Record<string, string>> = invert(PARAM_ESCAPES);

function invert(table: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([raw, escaped]) => [escaped, raw]));
}

// One regex pass per direction: sequential replaces would turn `&amp;#91;` into `[` instead of `&#91;`.
function replaceAll(text: string, pattern: RegExp, table: Readonly<Record<string, string>>): string {
  return text.replace(pattern, (match) => table[match] ?? match);
}

export function escapeText(text: string): string {
  return replaceAll(text, /[&[\]]/g, TEXT_ESCAPES);
}

export function unescapeText(text: string): string {
  return replaceAll(text, /&(?:amp|#91|#93);/g, TEXT_UNESCAPES);
}

export function escapeParam(value: string): string {
  return replaceAll(value, /[&[\],]/g, PARAM_ESCAPES);
}

export function unescapeParam(value: string): string {
  return replaceAll(value, /&(?:amp|#91|#93|#44);/g, PARAM_UNESCAPES);
}

/**
 * CQ-code string → segments. Adjacent text is one text segment; empty text yields [].
 * A `[CQ:text,...]` code stays its own segment (it is not merged into surrounding text).
 */
export function parseCQString(message: string): CQSegment[] {
  const segments: CQSegment[] = [];
  let textStart = 0;
  let from = 0;
  for (;;) {
    const start = message.indexOf(CODE_START, from);
    if (start < 0) break;
    const close = message.indexOf(']', start + CODE_START.length);
    // No `]` after this `[CQ:` means none after any later one either: the rest is text.
    if (close < 0) break;
    // A `[` inside the body means this is not a code; the last `[` is the only candidate left before
    // `close`. Jumping straight to it keeps the scan linear on inputs like `[CQ:[CQ:[CQ:…]`.
    const inner = message.lastIndexOf('[', close);
    if (inner !== start) {
      from = inner;
      continue;
    }
    const segment = parseCode(message.slice(start + CODE_START.length, close));
    from = close + 1;
    if (!segment) continue;
    pushText(segments, message.slice(textStart, start));
    segments.push(segment);
    textStart = from;
  }
  pushText(segments, message.slice(textStart));
  return segments;
}

function pushText(segments: CQSegment[], raw: string): void {
  if (raw !== '') segments.push({ type: 'text', data: { text: unescapeText(raw) } });
}

/** The body between `[CQ:` and `]`, or undefined when it has no type. */
function parseCode(body: string): CQSegment | undefined {
  const comma = body.indexOf(',');
  const type = comma < 0 ? body : body.slice(0, comma);
  if (type === '') return undefined;
  const parts = comma < 0 ? [] : body.slice(comma + 1).split(',');
  // fromEntries defines own properties, so a `__proto__` key is data rather than a prototype swap.
  const data = Object.fromEntries(parts.filter((part) => part !== '').map(parseParam));
  return { type: unescapeParam(type), data };
}

/** `key=value`, split at the first `=` so values may contain `=`; a part without `=` has value ''. */
function parseParam(part: string): [string, string] {
  const eq = part.indexOf('=');
  if (eq < 0) return [unescapeParam(part), ''];
  return [unescapeParam(part.slice(0, eq)), unescapeParam(part.slice(eq + 1))];
}

/**
 * segments → CQ-code string. text segments are escaped plain text; others `[CQ:type,k=v,...]` with
 * data keys in insertion order; values that are not strings are converted with String() (numbers,
 * booleans); undefined/null values are omitted.
 *
 * Types and keys are escaped like values. A key containing `=` cannot be represented and an empty
 * type does not read back as a code; both are caller errors the format has no way to express.
 */
export function toCQString(segments: readonly { type: string; data: Readonly<Record<string, unknown>> }[]): string {
  return segments.map(formatSegment).join('');
}

function formatSegment(segment: { type: string; data: Readonly<Record<string, unknown>> }): string {
  if (segment.type === 'text') {
    const text = segment.data['text'];
    return text === undefined || text === null ? '' : escapeText(String(text));
  }
  let out = CODE_START + escapeParam(segment.type);
  for (const [key, value] of Object.entries(segment.data)) {
    if (value === undefined || value === null) continue;
    out += `,${escapeParam(key)}=${escapeParam(String(value))}`;
  }
  return out + ']';
}
