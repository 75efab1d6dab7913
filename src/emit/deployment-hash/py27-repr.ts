/**
 * `str(swagger)` as SAM computes it: SAM runs on Python 3 but prints the Body through its Python 2.7
 * compatibility classes, so the text is Python-3 `repr` syntax with three 2.7 touches:
 *   - a Py27Dict prints its keys in Python 2.7 iteration order (py27-dict.ts); a plain dict in insertion order;
 *   - a unicode string (Py27UniStr) prints as `u` + the Python 3 repr of its `unicode_escape` encoding with
 *     every doubled backslash undoubled: `u'caf\xe9'`, `u'a\nb'`, `u"it's"`;
 *   - a native str prints as Python 3's repr: quotes chosen by content, printable non-ASCII kept as is.
 * Dicts print `{k: v, ...}`, lists `[a, b]`, then `True`/`False`/`None`, ints, floats in shortest form
 * (`2.0`, `1e-05`, `1e+16`), ints above 2**63-1 with `L` (Py27LongInt).
 *
 * `json.dumps(domain)` is rendered by `renderJsonPy27`: same key order, default separators, ASCII escapes.
 */
import type { Json, JsonObject } from '../../model/json';
import type { Provenance } from './provenance';

/** `str(value)` as SAM's Python 2.7 compatibility classes print it. */
export function renderPy27(value: Json, prov: Provenance): string {
  const renderer = new Renderer(prov);
  renderer.repr(value, false, false);
  return renderer.out;
}

/** `json.dumps(value)` with Python 2.7 key order (a Py27Dict serializes through its `items()`). */
export function renderJsonPy27(value: Json, prov: Provenance): string {
  const renderer = new Renderer(prov);
  renderer.json(value, false);
  return renderer.out;
}

/** The order SAM iterates `obj` in: Python 2.7 order for a Py27Dict, insertion order for a plain dict. */
export function iterationOrder(obj: JsonObject, prov: Provenance): string[] {
  return [...prov.renderView(obj).order];
}

/** Renders into one string; the reprs of the strings it meets are remembered (a Body repeats its keys). */
class Renderer {
  out = '';
  private readonly unicodeReprs = new Map<string, string>();
  private readonly strReprs = new Map<string, string>();
  constructor(private readonly prov: Provenance) {}

  private string(s: string, unicode: boolean): string {
    const memo = unicode ? this.unicodeReprs : this.strReprs;
    let r = memo.get(s);
    if (r === undefined) {
      r = unicode ? unicodeRepr(s) : strRepr(s);
      memo.set(s, r);
    }
    return r;
  }

  repr(value: Json, unicode: boolean, float: boolean): void {
    if (value === null) this.out += 'None';
    else if (value === true) this.out += 'True';
    else if (value === false) this.out += 'False';
    else if (typeof value === 'number') this.out += float ? pyFloatRepr(value) : pyNumberRepr(value);
    else if (typeof value === 'string') this.out += this.string(value, unicode);
    else if (Array.isArray(value)) {
      const marks = this.prov.arrayMarks(value);
      this.out += '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.out += ', ';
        const item = value[i] as Json;
        if (marks === undefined) this.repr(item, false, false);
        else this.repr(item, typeof item === 'string' && marks.unicodeValues.get(i) === item, marks.floats.has(i));
      }
      this.out += ']';
    } else {
      const { order: keys, marks } = this.prov.renderView(value);
      // Only the marks a dict has are looked up (most have no float, many no unicode key or value).
      const unicodeKeys = marks !== undefined && marks.unicodeKeys.size > 0 ? marks.unicodeKeys : undefined;
      const unicodeValues = marks !== undefined && marks.unicodeValues.size > 0 ? marks.unicodeValues : undefined;
      const floats = marks !== undefined && marks.floats.size > 0 ? marks.floats : undefined;
      this.out += '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (i > 0) this.out += ', ';
        const item = value[key] as Json;
        this.out += this.string(key, unicodeKeys !== undefined && unicodeKeys.has(key)) + ': ';
        this.repr(
          item,
          unicodeValues !== undefined && typeof item === 'string' && unicodeValues.get(key) === item,
          floats !== undefined && floats.has(key),
        );
      }
      this.out += '}';
    }
  }

  json(value: Json, float: boolean): void {
    if (value === null) this.out += 'null';
    else if (value === true) this.out += 'true';
    else if (value === false) this.out += 'false';
    else if (typeof value === 'number') this.out += float ? pyFloatRepr(value) : pyNumberRepr(value, false);
    else if (typeof value === 'string') this.out += jsonString(value);
    else if (Array.isArray(value)) {
      const marks = this.prov.arrayMarks(value);
      this.out += '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.out += ', ';
        this.json(value[i] as Json, marks?.floats.has(i) ?? false);
      }
      this.out += ']';
    } else {
      const { order: keys, marks } = this.prov.renderView(value);
      this.out += '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (i > 0) this.out += ', ';
        this.out += jsonString(key) + ': ';
        this.json(value[key] as Json, marks?.floats.has(key) ?? false);
      }
      this.out += '}';
    }
  }
}

const PY2_MAX_INT = 9223372036854775807n;

/** An int (or a non-integral number, which can only be a float). */
function pyNumberRepr(n: number, longSuffix = true): string {
  if (!Number.isInteger(n)) return pyFloatRepr(n);
  const big = BigInt(n);
  return big.toString() + (longSuffix && big > PY2_MAX_INT ? 'L' : '');
}

/** Python's float repr: shortest round-trip digits, exponent form below 1e-4 or from 1e16 on. */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-trip digits, like Python's 'r' mode.
  const [mantissa, exp] = Math.abs(n).toExponential().split('e') as [string, string];
  const e = Number(exp);
  const digits = mantissa.replace('.', '');
  const sign = n < 0 ? '-' : '';
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** Not printable for Python 3's `str.isprintable` (categories C* and Z* except the ASCII space). */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python 3 `repr(str)`. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') body += '\\' + ch;
    else if (ch === '\t') body += '\\t';
    else if (ch === '\n') body += '\\n';
    else if (ch === '\r') body += '\\r';
    else if (c < 0x20 || c === 0x7f) body += '\\x' + hex(c, 2);
    else if (c < 0x7f) body += ch;
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      body += c <= 0xff ? '\\x' + hex(c, 2) : c <= 0xffff ? '\\u' + hex(c, 4) : '\\U' + hex(c, 8);
    } else body += ch;
  }
  return quote + body + quote;
}

/** Python 3 `s.encode('unicode_escape').decode('ascii')`. */
export function unicodeEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || (c >= 0x7f && c <= 0xff)) out += '\\x' + hex(c, 2);
    else if (c > 0xffff) out += '\\U' + hex(c, 8);
    else if (c > 0xff) out += '\\u' + hex(c, 4);
    else out += ch;
  }
  return out;
}

/** Py27UniStr's repr: `u` + repr of the unicode_escape text, doubled backslashes undoubled. */
export function unicodeRepr(s: string): string {
  return 'u' + strRepr(unicodeEscape(s)).replaceAll('\\\\', '\\');
}

/** A JSON string as Python's json.dumps writes it (ensure_ascii). */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    // UTF-16 code units are exactly the \uXXXX (surrogate pair) escapes json.dumps writes.
    else if (c < 0x20 || c > 0x7e) out += '\\u' + hex(c, 4);
    else out += ch;
  }
  return out + '"';
}
