/**
 * The two bits of Python semantics SAM's resource policy code leans on, stated once:
 * `==` between JSON values (used by `statement not in statements`) and what iterating a value yields
 * (used by `list.extend(value)` and `for x in value`).
 */
import { isObject, type Json } from '../model/json';

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
