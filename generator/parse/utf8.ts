/**
 * Strict UTF-8 decoding that says where a page stops being UTF-8: the byte offset, and the line and
 * column (in characters of the valid text before it) for a `file:line:col` diagnostic.
 */

/** Where decoding failed; `hint` names a likely encoding (`GB18030`, `UTF-16`) when one fits. */
export interface Utf8Failure {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly hint?: string;
}

const STRICT = new TextDecoder('utf-8', { fatal: true });

/** The text (a leading BOM dropped), or where it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | Utf8Failure {
  try {
    return STRICT.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    // lastIndexOf with a negative start counts from the end: offset 0 is on line 1 by definition.
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const column = [...STRICT.decode(bytes.subarray(lineStart, offset))].length + 1;
    const hint = likelyEncoding(bytes);
    return { offset, line, column, ...(hint ? { hint } : {}) };
  }
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or bytes.length when all are valid.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** The length of the well-formed sequence that starts at `i`; 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const length = lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
  const [low, high] = secondRange(lead);
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k];
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (c === undefined || c < min || c > max) return 0;
  }
  return length;
}

/** The allowed second byte after `lead`: ranges that exclude overlong forms, surrogates and > U+10FFFF. */
function secondRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function likelyEncoding(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'it looks like UTF-16; save it as UTF-8';
  }
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return 'it reads as GB18030; convert it, e.g. iconv -f GB18030 -t UTF-8';
  } catch {
    return undefined;
  }
}
