/**
 * SAM's LogicalIdGenerator, exactly: `prefix` + the first 10 hex digits of SHA-1 over the data, where a string
 * is hashed as it is and anything else as Python's `json.dumps(data, separators=(",", ":"), sort_keys=True)`
 * (keys sorted by code point, non-ASCII escaped as `\uXXXX`). Falsy data (SAM's `if data_obj:`) gives the
 * prefix alone. Used for domain, record set group and access association ids.
 *
 * One Python detail a JSON value cannot carry: SAM prints a float that came from YAML (`1.0`) with its `.0`;
 * we only see the number, so such a value hashes as the integer would.
 */
import { createHash } from 'node:crypto';
import { isObject, type Json } from '../model/json';
import { pythonTruthy } from '../model/python';

export function samLogicalId(prefix: string, data: Json | undefined, length = 10): string {
  if (data === undefined || !pythonTruthy(data)) return prefix;
  const text = typeof data === 'string' ? data : pythonCompactJson(data);
  return prefix + createHash('sha1').update(text, 'utf8').digest('hex').slice(0, length);
}

/** Python `json.dumps(value, separators=(",", ":"), sort_keys=True)` with the default `ensure_ascii=True`. */
export function pythonCompactJson(value: Json): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonJsonString(value);
  if (Array.isArray(value)) return '[' + value.map(pythonCompactJson).join(',') + ']';
  if (isObject(value)) {
    const keys = Object.keys(value).sort(compareCodePoints);
    return '{' + keys.map((k) => pythonJsonString(k) + ':' + pythonCompactJson(value[k] as Json)).join(',') + '}';
  }
  throw new Error('pythonCompactJson: not a JSON value');
}

function pythonNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  // A whole number is a Python int (see the header): all its digits, never an exponent.
  if (Number.isInteger(n)) return BigInt(n).toString();
  // Python float repr: shortest round-trip digits, exponent as e+XX / e-XX with at least two digits.
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function pythonJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Python compares str by code point; JS's default sort compares UTF-16 units (they differ above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = ca[i]!.codePointAt(0)! - cb[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}
