/**
 * The bits of Python semantics SAM's behaviour leans on, stated once: truthiness (`if value:`), `==` between
 * JSON values (`statement not in statements`), what iterating a value yields (`for x in value`), and how
 * `str()` / `repr()` print a value into a message.
 */
import { isObject, type Json, type JsonObject } from './json';

/** Python's truth value, which SAM's `if value:` tests use. */
export function pythonTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Python `a == b` for JSON values: maps ignore key order, lists compare in order, `True == 1`. */
export function pythonEquals(a: Json | undefined, b: Json | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pythonEquals(x, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && pythonEquals(a[k], b[k]));
  }
  return a === b;
}

function asNumber(v: Json): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** What `for x in value` yields in Python: list items, map keys, string characters; undefined if not iterable. */
export function pythonIterate(value: Json): Json[] | undefined {
  if (Array.isArray(value)) return value;
  if (isObject(value)) return Object.keys(value);
  if (typeof value === 'string') return Array.from(value);
  return undefined;
}

/** Python `str()` of a scalar, as SAM formats it into a message. */
export function pythonStr(value: Json): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  return String(value);
}

/** Python 3 `repr()` of a JSON value, as SAM formats it into a message (`['NotString']`, `{'a': True}`). */
export function pythonRepr(value: Json): string {
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return '[' + value.map(pythonRepr).join(', ') + ']';
  if (isObject(value)) return '{' + Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ') + '}';
  return pythonStr(value);
}

/** SAM's `if src.get(key): out[key] = src[key]` for each key, in order (only truthy values); returns `out`. */
export function copyTruthy(src: JsonObject, out: JsonObject, keys: readonly string[]): JsonObject {
  for (const key of keys) if (pythonTruthy(src[key])) out[key] = src[key] as Json;
  return out;
}

/** SAM's `if src.get(key) is not None: out[key] = src[key]` for each key, in order; returns `out`. */
export function copyGiven(src: JsonObject, out: JsonObject, keys: readonly string[]): JsonObject {
  for (const key of keys) if (src[key] !== undefined && src[key] !== null) out[key] = src[key] as Json;
  return out;
}
