/**
 * `!Ref MyApi.Stage`, `MyApi.Deployment`, `MyApi.UsagePlan`, … are SAM's own references to what it generates.
 * Once an API is lowered SAM can no longer resolve them, so the lowering does, everywhere in the template.
 */
import type { Json, JsonObject } from '../model/json';

/** `Api.Property` → logical id, for every lowered API. */
export type ReferenceTable = Map<string, string>;

/**
 * `${Api.Stage}`-style names in a Fn::Sub string resolved (as the pattern /\$\{([^}!][^}]*)\}/g would find
 * them: `${!Literal}` and `${}` are not names), by a scan that builds a new string only when one resolves.
 */
function resolveSub(text: string, table: ReferenceTable): string {
  let out = '';
  let done = 0;
  let at = text.indexOf('${');
  while (at >= 0) {
    const close = text.indexOf('}', at + 2);
    if (close < 0) break;
    if (close > at + 2 && text.charCodeAt(at + 2) !== 0x21 /* ! */) {
      const target = table.get(text.slice(at + 2, close));
      if (target !== undefined) {
        out += text.slice(done, at) + '${' + target + '}';
        done = close + 1;
      }
      at = text.indexOf('${', close + 1);
    } else at = text.indexOf('${', at + 1);
  }
  return done === 0 ? text : out + text.slice(done);
}

/**
 * `value` with every reference in `table` resolved. What holds none is returned as it is (not copied): the
 * template keeps its own objects where nothing changes. (for-in: own keys in Object.keys order, without an
 * array per object; this walks the whole output template.)
 */
export function resolveReferences(value: Json, table: ReferenceTable): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return resolveItems(value, 0, table) ?? value;
  let out: JsonObject | undefined;
  let first = true;
  for (const key in value) {
    if (first && (key === 'Ref' || key === 'Fn::Sub') && onlyKey(value)) return resolveIntrinsic(value, key, table);
    first = false;
    const item = value[key] as Json;
    const resolved = resolveReferences(item, table);
    if (out === undefined && resolved !== item) {
      out = {};
      for (const before in value) {
        if (before === key) break;
        out[before] = value[before] as Json;
      }
    }
    if (out !== undefined) out[key] = resolved;
  }
  return out ?? value;
}

/**
 * Whether the output can hold a reference in `table` at all. Every `Api.Property` name in the output comes from
 * `sources` (the template the lowering started from, and the parameter values it inlined): the lowering writes
 * plain Refs to logical ids and `${__Name__}` variables, never an `Api.Property` name of its own. Such a name
 * stands verbatim in a string or key of theirs (logical ids are alphanumeric), so when no `Api.` of the table
 * does, the walk over the whole output (most of the lowering's tail on a large template) is skipped.
 */
export function mayHoldReferences(sources: Json, table: ReferenceTable): boolean {
  if (table.size === 0) return false;
  const prefixes = new Set<string>();
  for (const name of table.keys()) {
    // A name without a dot could stand anywhere: walk.
    if (!name.includes('.')) return true;
    prefixes.add(name.slice(0, name.indexOf('.') + 1));
  }
  return holdsPrefix(sources, [...prefixes]);
}

/** Whether a string or key in `value` contains one of `prefixes` (each ends with a dot: most strings have none). */
function holdsPrefix(value: Json, prefixes: readonly string[]): boolean {
  if (typeof value === 'string') {
    if (!value.includes('.')) return false;
    for (const prefix of prefixes) if (value.includes(prefix)) return true;
    return false;
  }
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsPrefix(item, prefixes)) return true;
    return false;
  }
  // (for-in, not Object.keys: no array per dict of the template. Nothing here adds or deletes a key.)
  for (const key in value) {
    if (holdsPrefix(key, prefixes) || holdsPrefix(value[key] as Json, prefixes)) return true;
  }
  return false;
}

/** Whether `obj` has one own key. */
function onlyKey(obj: JsonObject): boolean {
  let n = 0;
  for (const _ in obj) if (++n > 1) return false;
  return true;
}

/** `{ Ref: ... }` or `{ 'Fn::Sub': ... }` resolved (`value` when nothing resolves). */
function resolveIntrinsic(value: JsonObject, key: 'Ref' | 'Fn::Sub', table: ReferenceTable): Json {
  const arg = value[key] as Json;
  if (key === 'Ref' && typeof arg === 'string') {
    const target = table.get(arg);
    return target === undefined ? value : { Ref: target };
  }
  if (key === 'Fn::Sub' && typeof arg === 'string') {
    const resolved = resolveSub(arg, table);
    return resolved === arg ? value : { 'Fn::Sub': resolved };
  }
  if (key === 'Fn::Sub' && Array.isArray(arg) && typeof arg[0] === 'string') {
    const first = resolveSub(arg[0], table);
    const rest = resolveItems(arg, 1, table);
    if (first === arg[0] && rest === undefined) return value;
    return { 'Fn::Sub': [first, ...(rest ?? arg.slice(1))] };
  }
  const resolved = resolveReferences(arg, table);
  return resolved === arg ? value : { [key]: resolved };
}

/** `items[from..]` resolved, or undefined when that changes nothing. */
function resolveItems(items: Json[], from: number, table: ReferenceTable): Json[] | undefined {
  let out: Json[] | undefined;
  for (let i = from; i < items.length; i++) {
    const item = items[i] as Json;
    const resolved = resolveReferences(item, table);
    if (out === undefined && resolved !== item) out = items.slice(from, i);
    if (out !== undefined) out.push(resolved);
  }
  return out;
}
