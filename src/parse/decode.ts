import { MAX_TEMPLATE_BYTES } from './limits';

/** Why bytes are not template text, and where (a byte offset, or the line:col of a character). */
export type DecodeFailure =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'encoding'; message: string; line: number; column: number };

export type DecodeResult = { ok: true; text: string } | { ok: false; failure: DecodeFailure };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Template bytes → text. CloudFormation reads UTF-8 only: a UTF-8 byte-order mark is dropped; UTF-16/32
 * marks, NUL bytes and invalid UTF-8 are refused with the position of the first bad byte.
 */
export function decodeTemplate(input: string | Uint8Array): DecodeResult {
  if (typeof input === 'string') {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > MAX_TEMPLATE_BYTES) return { ok: false, failure: { kind: 'too-large', bytes } };
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const nul = text.indexOf('\u0000');
    if (nul >= 0) return { ok: false, failure: encodingAt(text, nul, 'the file contains a NUL character: it looks binary') };
    return { ok: true, text };
  }
  if (input.length > MAX_TEMPLATE_BYTES) return { ok: false, failure: { kind: 'too-large', bytes: input.length } };
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    return { ok: false, failure: { kind: 'encoding', message: 'the file is UTF-16 (or UTF-32); save it as UTF-8', line: 1, column: 1 } };
  }
  if (input[0] === 0 && input[1] === 0 && input[2] === 0xfe && input[3] === 0xff) {
    return { ok: false, failure: { kind: 'encoding', message: 'the file is UTF-32; save it as UTF-8', line: 1, column: 1 } };
  }
  const start = UTF8_BOM.every((b, i) => input[i] === b) ? 3 : 0;
  const body = input.subarray(start);
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(body.subarray(0, bad));
    const byte = body[bad].toString(16).padStart(2, '0');
    return { ok: false, failure: encodingAt(before, before.length, `the file is not valid UTF-8 (byte 0x${byte} at offset ${bad + start}): it is binary or in another encoding`) };
  }
  const text = new TextDecoder('utf-8').decode(body);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, failure: encodingAt(text, nul, 'the file contains a NUL byte: it looks binary') };
  return { ok: true, text };
}

function encodingAt(text: string, offset: number, message: string): DecodeFailure {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { kind: 'encoding', message, line, column: offset - lineStart + 1 };
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min, cp] = [1, 0x80, c & 0x1f];
    else if (c >= 0xe0 && c <= 0xef) [need, min, cp] = [2, 0x800, c & 0x0f];
    else if (c >= 0xf0 && c <= 0xf4) [need, min, cp] = [3, 0x10000, c & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
